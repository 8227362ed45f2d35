import type { Containers } from './cosmos.js';
import { CosmosRepository, type Versioned } from './repository.js';
import type { OutboxMessage, OutboxRepository, OwedMessage } from '../domain/notifications/ports.js';

/** The durable outbox in Cosmos (`outbox`, partition key `/id`). */
export class OutboxStore implements OutboxRepository {
  private readonly repository: CosmosRepository<OutboxMessage>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<OutboxMessage>(containers.outbox, (message) => message.id, 'message');
  }

  /** Idempotent: the id names the event, so enqueuing it twice (a retry, a race) stores it once. */
  async enqueue(message: OwedMessage, now: Date): Promise<void> {
    await this.repository.create({
      ...message,
      type: 'outbox-message',
      schemaVersion: 1,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now.toISOString(),
      createdAt: now.toISOString(),
    });
  }

  async due(now: Date, limit: number): Promise<Array<Versioned<OutboxMessage>>> {
    const page = await this.repository.queryPage(
      {
        query:
          'SELECT * FROM c WHERE c.type = "outbox-message" AND c.status = "pending" AND c.nextAttemptAt <= @now ORDER BY c.nextAttemptAt',
        parameters: [{ name: '@now', value: now.toISOString() }],
      },
      { pageSize: limit },
    );
    return page.items;
  }

  find(id: string): Promise<Versioned<OutboxMessage> | undefined> {
    return this.repository.find(id, id);
  }

  async forSubject(subjectId: string): Promise<OutboxMessage[]> {
    return this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "outbox-message" AND c.subjectId = @subjectId',
      parameters: [{ name: '@subjectId', value: subjectId }],
    });
  }

  /** Throws ConflictError if another instance took or changed the message first. */
  replace(message: OutboxMessage, etag: string): Promise<Versioned<OutboxMessage>> {
    return this.repository.replace(message, etag);
  }
}
