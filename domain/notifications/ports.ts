import type { ClaimDocument, HistoryEntry } from '../claims/claim.js';
import type { ConversationAddress } from '../people/ports.js';
import type { StoredDocument, Versioned } from '../ports.js';

/**
 * Which part of the product owes a message. Each topic has one deliverer (registered where the
 * server is composed), which decides what to say from the subject's record at delivery time.
 * Add a topic here when a feature starts owing messages.
 */
export type OutboxTopic = 'claim' | 'nudge' | 'digest' | 'support' | 'partner-message' | 'opportunity';

/**
 * A message the product still owes someone, kept durably so that a crash or a throttle between a
 * change and its message never loses the message. What to say is not stored here: it is built
 * from the record (`subjectId`, event `seq`) at delivery by the topic's deliverer.
 */
export interface OutboxMessage extends StoredDocument {
  readonly type: 'outbox-message';
  /** Absent on messages written before topics existed: those are all about claims. */
  readonly topic?: OutboxTopic | undefined;
  /**
   * Who the message is for, as the topic's deliverer understands it (claims: the host's 1:1 chat,
   * `host`, or the approval card in the IEV channel, `iev-channel`; nudges: the kind of reminder, always to
   * the host's 1:1 chat; digest: `iev-channel`). Also labels the delivery metric.
   */
  readonly target: string;
  readonly subjectId: string;
  /** Index of the event in the subject's history this message is about. */
  readonly seq: number;
  readonly status: 'pending' | 'delivered' | 'void' | 'failed';
  readonly attempts: number;
  /** Not before this time; also serves as a lease while one instance is delivering. */
  readonly nextAttemptAt: string;
  /** Set while one instance is delivering: others (and "deliver now") leave the message alone until then. */
  readonly leasedUntil?: string | undefined;
  readonly createdAt: string;
  readonly deliveredAt?: string | undefined;
  /** A status code or error name only: never message content. */
  readonly lastError?: string | undefined;
}

/** What a feature says when it owes a message: the outbox adds the delivery bookkeeping. */
export type OwedMessage = Pick<OutboxMessage, 'id' | 'target' | 'subjectId' | 'seq'> & { readonly topic: OutboxTopic };

/** The durable outbox. */
export interface OutboxRepository {
  /** Idempotent: the id names the event, so enqueuing it twice (a retry, a race) stores it once. */
  enqueue(message: OwedMessage, now: Date): Promise<void>;
  /** Pending messages whose time has come, oldest first. */
  due(now: Date, limit: number): Promise<Array<Versioned<OutboxMessage>>>;
  find(id: string): Promise<Versioned<OutboxMessage> | undefined>;
  forSubject(subjectId: string): Promise<OutboxMessage[]>;
  /** ConflictError if another instance took or changed the message first. */
  replace(message: OutboxMessage, etag: string): Promise<Versioned<OutboxMessage>>;
}

/** Claim events the host is told about in their 1:1 chat. */
export const HOST_IS_TOLD_OF = ['approved', 'rejected', 'queried', 'paid'] as const;

/**
 * What someone must hear about a claim, and nothing about how it looks: the Teams edge renders it
 * (`bot/claims/claim-notification-cards.ts`).
 */
export type ClaimNotification =
  /** To the host, in their 1:1 chat: the IEV team approved, rejected or queried their claim, or it was paid. */
  | {
      readonly kind: 'claim-decided';
      readonly claim: ClaimDocument;
      readonly event: HistoryEntry & { readonly status: (typeof HOST_IS_TOLD_OF)[number] };
    }
  /** To everyone in the IEV channel: the claim's approval card, showing where the claim is now. */
  | { readonly kind: 'approval-status'; readonly claim: ClaimDocument; readonly approverIds: readonly string[] };

/** Delivers notifications outside a turn (proactively). Rejects when the message could not be delivered. */
export interface Notifier {
  /** Posts a new message; returns its id so it can be updated in place later. */
  post(address: ConversationAddress, notification: ClaimNotification): Promise<string | undefined>;
  /** Replaces a message already posted, for everyone who sees it. */
  update(address: ConversationAddress, messageId: string, notification: ClaimNotification): Promise<void>;
}
