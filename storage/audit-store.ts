import { randomUUID } from 'node:crypto';
import type { Containers } from './cosmos.js';
import { CosmosRepository } from './repository.js';
import type { AuditEvent, AuditTrail } from '../domain/register/ports.js';

/** The `audit` container (partition key `/subjectId`). Events are never updated or deleted by the app. */
export class AuditStore implements AuditTrail {
  private readonly repository: CosmosRepository<AuditEvent>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<AuditEvent>(containers.audit, (event) => event.subjectId, 'audit event');
  }

  /** `onceId` names an event that happens once (a registration): recording it again, on a retry, stores it once. */
  async record(
    event: Omit<AuditEvent, 'id' | 'type' | 'schemaVersion' | 'at'>,
    now = new Date(),
    onceId?: string,
  ): Promise<AuditEvent> {
    const { document } = await this.repository.create({
      ...event,
      id: onceId ?? randomUUID(),
      type: 'audit-event',
      schemaVersion: 1,
      at: now.toISOString(),
    });
    return document;
  }

  /** A record's trail, newest first. The partition filter is in WHERE as well (the local server ignores the option). */
  trailOf(subjectId: string): Promise<AuditEvent[]> {
    return this.repository.queryAll(
      {
        query: 'SELECT * FROM c WHERE c.subjectId = @subject AND c.type = "audit-event" ORDER BY c.at DESC',
        parameters: [{ name: '@subject', value: subjectId }],
      },
      { partitionKey: subjectId },
    );
  }
}
