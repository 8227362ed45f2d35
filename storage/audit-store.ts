import { randomUUID } from 'node:crypto';
import type { Containers } from './cosmos.js';
import { CosmosRepository, type StoredDocument } from './repository.js';

/** One append-only audit event: who saw or changed what about a record. Ids only, never the data itself. */
export interface AuditEvent extends StoredDocument {
  readonly type: 'audit-event';
  /** The record the event is about (a partner id); the partition key, so a partner's trail is one partition. */
  readonly subjectId: string;
  readonly actorId: string;
  /** The colleague's name as signed in, so the trail reads plainly to IEV. */
  readonly actorName: string;
  readonly action: 'viewed-sensitive' | 'registered' | 'status-changed' | 'exported' | 'erased';
  readonly fields: readonly string[];
  readonly at: string;
}

/** The `audit` container (partition key `/subjectId`). Events are never updated or deleted by the app. */
export class AuditStore {
  private readonly repository: CosmosRepository<AuditEvent>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<AuditEvent>(containers.audit, (event) => event.subjectId, 'audit event');
  }

  /** `onceId` names an event that happens once (a registration): recording it again, on a retry, stores it once. */
  async record(event: Omit<AuditEvent, 'id' | 'type' | 'schemaVersion' | 'at'>, now = new Date(), onceId?: string): Promise<AuditEvent> {
    const { document } = await this.repository.create({ ...event, id: onceId ?? randomUUID(), type: 'audit-event', schemaVersion: 1, at: now.toISOString() });
    return document;
  }

  /** A record's trail, newest first. The partition filter is in WHERE as well (the local server ignores the option). */
  trailOf(subjectId: string): Promise<AuditEvent[]> {
    return this.repository.queryAll(
      { query: 'SELECT * FROM c WHERE c.subjectId = @subject AND c.type = "audit-event" ORDER BY c.at DESC', parameters: [{ name: '@subject', value: subjectId }] },
      { partitionKey: subjectId },
    );
  }
}
