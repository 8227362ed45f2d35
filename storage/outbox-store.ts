import type { Containers } from './cosmos.js';
import { CosmosRepository, type StoredDocument, type Versioned } from './repository.js';

/**
 * A message the bot still owes someone, kept in Cosmos (`outbox`, partition key `/id`) so that a
 * crash or a Teams throttle between a decision and its message never loses the message.
 * What to say is not stored here: it is built from the record (`subjectId`, event `seq`) at delivery.
 */
export interface OutboxMessage extends StoredDocument {
  readonly type: 'outbox-message';
  /** Who the message is for: the host's 1:1 chat, or the approval card in the IEV channel. */
  readonly target: 'host' | 'iev-channel';
  readonly subjectId: string;
  /** Index of the event in the subject's history this message is about. */
  readonly seq: number;
  readonly status: 'pending' | 'delivered' | 'void' | 'failed';
  readonly attempts: number;
  /** Not before this time; also serves as a lease while one instance is delivering. */
  readonly nextAttemptAt: string;
  readonly createdAt: string;
  readonly deliveredAt?: string | undefined;
  /** A status code or error name only: never message content. */
  readonly lastError?: string | undefined;
}

export class OutboxStore {
  private readonly repository: CosmosRepository<OutboxMessage>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<OutboxMessage>(containers.outbox, (message) => message.id, 'message');
  }

  /** Idempotent: the id names the event, so enqueuing it twice (a retry, a race) stores it once. */
  async enqueue(message: Pick<OutboxMessage, 'id' | 'target' | 'subjectId' | 'seq'>, now: Date): Promise<void> {
    await this.repository.create({ ...message, type: 'outbox-message', schemaVersion: 1, status: 'pending', attempts: 0, nextAttemptAt: now.toISOString(), createdAt: now.toISOString() });
  }

  async due(now: Date, limit: number): Promise<Array<Versioned<OutboxMessage>>> {
    const page = await this.repository.queryPage(
      { query: 'SELECT * FROM c WHERE c.type = "outbox-message" AND c.status = "pending" AND c.nextAttemptAt <= @now ORDER BY c.nextAttemptAt', parameters: [{ name: '@now', value: now.toISOString() }] },
      { pageSize: limit },
    );
    return page.items;
  }

  find(id: string): Promise<Versioned<OutboxMessage> | undefined> {
    return this.repository.find(id, id);
  }

  async forSubject(subjectId: string): Promise<OutboxMessage[]> {
    return this.repository.queryAll({ query: 'SELECT * FROM c WHERE c.type = "outbox-message" AND c.subjectId = @subjectId', parameters: [{ name: '@subjectId', value: subjectId }] });
  }

  /** Throws ConflictError if another instance took or changed the message first. */
  replace(message: OutboxMessage, etag: string): Promise<Versioned<OutboxMessage>> {
    return this.repository.replace(message, etag);
  }
}
