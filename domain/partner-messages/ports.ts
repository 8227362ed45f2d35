import type { CreateResult, StoredDocument, Versioned } from '../ports.js';

/** What we tell Involvement Partners (BRIEF journey 9). The wording lives in GOV.UK Notify templates, one per kind and channel. */
export const MESSAGE_KINDS = [
  'welcome',
  'expenses-paid',
  'you-said-we-did',
  'evaluation-invitation',
  'invitation',
  'consent-renewal',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** GOV.UK Notify's three channels. */
export const CHANNELS = ['email', 'sms', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Why a message did not go: each has plain words and what IEV can do (`message-words.ts`). */
export const NOT_SENT_REASONS = [
  'no-contact-consent',
  'prefers-phone-call',
  'no-contact-details',
  'no-email',
  'no-phone',
  'no-postal-address',
  'left-register',
  'erased',
  'refused-by-notify',
  'event-not-saved',
] as const;
export type NotSentReason = (typeof NOT_SENT_REASONS)[number];

/** Where a message stands, as IEV sees it. */
export const MESSAGE_STATUSES = ['queued', 'sent', 'delivered', 'not-sent', 'failed', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * One message owed to a partner, keyed by the event that owes it (`id`), so an event can owe it only once.
 * Stored in `messages` (partition key /partnerId): a partner's messages are one partition, for their page,
 * export and erasure. It holds no address, email or phone number: those are read from the register when
 * the message goes, so a correction or an erasure made meanwhile is respected.
 */
export interface PartnerMessage extends StoredDocument {
  readonly type: 'partner-message';
  readonly schemaVersion: 1;
  readonly partnerId: string;
  readonly kind: MessageKind;
  /** Personalisation decided when the event happened (an amount, the work's title, what changed, a link). */
  readonly facts: Readonly<Record<string, string>>;
  /** The event is saved after the message is owed; the message goes only once the event is there. */
  readonly condition?: MessageCondition | undefined;
  readonly status: MessageStatus;
  readonly reason?: NotSentReason | undefined;
  readonly channel?: Channel | undefined;
  /** GOV.UK Notify's id for the notification, once it took it. */
  readonly notifyId?: string | undefined;
  /** Notify's own status word (created, sending, delivered, permanent-failure, temporary-failure, technical-failure…). */
  readonly notifyStatus?: string | undefined;
  readonly createdAt: string;
  readonly sentAt?: string | undefined;
  readonly completedAt?: string | undefined;
}

/** An event the message depends on, checked when the message goes. */
export type MessageCondition = { readonly kind: 'plan-closed'; readonly planId: string; readonly hostId: string };

export interface PartnerMessageRepository {
  /** Idempotent by id: owing the same event's message again stores it once. */
  create(message: PartnerMessage): Promise<CreateResult<PartnerMessage>>;
  find(id: string, partnerId: string): Promise<Versioned<PartnerMessage> | undefined>;
  /** StaleVersionError when the message changed since `etag`. */
  replace(message: PartnerMessage, etag: string): Promise<Versioned<PartnerMessage>>;
  /** A partner's messages, newest first. */
  forPartner(partnerId: string): Promise<Array<Versioned<PartnerMessage>>>;
}

/** A message as GOV.UK Notify takes it: the template is named by kind and channel, the sender maps it to an id. */
export type Outgoing =
  | { readonly channel: 'email'; readonly emailAddress: string }
  | { readonly channel: 'sms'; readonly phoneNumber: string }
  | { readonly channel: 'letter'; readonly addressLines: readonly string[] };

export interface SendRequest {
  readonly kind: MessageKind;
  readonly to: Outgoing;
  readonly personalisation: Readonly<Record<string, string>>;
  /** Our message id: Notify keeps it, so a send whose answer was lost can be found again. */
  readonly reference: string;
}

/** GOV.UK Notify, as the domain needs it (storage/notify-sender.ts implements it with the official client). */
export interface MessageSender {
  /**
   * Hands the message to Notify; resolves with Notify's id. Rejects with `RefusedMessageError` when Notify
   * refuses the message itself (not a mobile number, not a real postcode): sending it again cannot help.
   */
  send(request: SendRequest): Promise<{ readonly notifyId: string }>;
  /** The notification we sent with this reference, if Notify has one (a send whose answer was lost). */
  findByReference(reference: string): Promise<{ readonly notifyId: string; readonly status: string } | undefined>;
  /** Notify's status word for one notification. */
  statusOf(notifyId: string): Promise<string>;
}

/** Notify refused the message itself; the code is Notify's error class, never its text (it can echo the address). */
export class RefusedMessageError extends Error {
  constructor(readonly code: string) {
    super(`GOV.UK Notify refused the message (${code})`);
    this.name = 'RefusedMessageError';
  }
}
