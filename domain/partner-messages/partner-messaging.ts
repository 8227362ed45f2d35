import { retryOnConflict, withoutVersion } from '../concurrency.js';
import { ForbiddenError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { DeliveryOutcome } from '../notifications/outbox-dispatcher.js';
import type { OutboxMessage, OutboxRepository } from '../notifications/ports.js';
import type { Clock, DomainLogger, Versioned } from '../ports.js';
import type { PartnerRepository } from '../register/ports.js';
import type { ClaimPaid, ClaimPaidSubscriber } from '../claims/ports.js';
import type { PartnerRecordHolder } from '../register/partner-rights.js';
import { failureWords, KIND_LABELS, NOT_SENT_WORDS } from './message-words.js';
import {
  RefusedMessageError,
  type MessageCondition,
  type MessageKind,
  type MessageSender,
  type MessageStatus,
  type NotSentReason,
  type PartnerMessage,
  type PartnerMessageRepository,
} from './ports.js';
import { outcomeOfNotifyStatus, routeFor } from './routing.js';

/** A message an event owes a partner. `eventId` names the event: owing it twice (a retry, a race) sends it once. */
export interface OwedMessage {
  readonly eventId: string;
  readonly partnerId: string;
  readonly kind: MessageKind;
  readonly facts?: Readonly<Record<string, string>>;
  readonly condition?: MessageCondition;
}

export interface PartnerMessagingOptions {
  readonly messages: PartnerMessageRepository;
  /** The durable outbox (messages to partners have the topic `partner-message`). */
  readonly outbox: OutboxRepository;
  readonly partners: Pick<PartnerRepository, 'find' | 'replace'>;
  /** GOV.UK Notify; undefined while it is not set up (messages wait). */
  readonly sender: MessageSender | undefined;
  /** Whether a plan's outcome was saved (a "you said, we did" message waits for it). */
  readonly planClosed: (planId: string, hostId: string) => Promise<boolean>;
  readonly logger: DomainLogger;
  readonly onEnqueued?: () => void;
  readonly now?: Clock;
}

/** What IEV sees of one message on the partner's page. */
export interface MessageView {
  readonly id: string;
  readonly kind: MessageKind;
  readonly label: string;
  readonly status: MessageStatus;
  readonly channel: PartnerMessage['channel'];
  readonly createdAt: string;
  readonly sentAt: string | undefined;
  readonly completedAt: string | undefined;
  /** Why it did not go or was not delivered, and what to do: only when something needs IEV. */
  readonly problem?: { readonly why: string; readonly todo: string };
}

/** An event whose message was owed but never saved (we crashed first, or the change was refused). */
const NEVER_HAPPENED_AFTER_MS = 60_000;

export const messageIdFor = (eventId: string): string => `msg-${eventId}`.replace(/[/\\?#]/g, '-').slice(0, 250);

/**
 * Messages to Involvement Partners, by GOV.UK Notify: email, text message or letter as they prefer, only with
 * their consent to be contacted. Every message goes through the partners' durable outbox, keyed by the event,
 * so it is sent exactly once, also across a crash or a restart; a send whose answer was lost is found again at
 * Notify by its reference before anything is sent twice. Delivery is then checked until Notify's final word.
 */
export class PartnerMessaging implements PartnerRecordHolder, ClaimPaidSubscriber {
  readonly name = 'messages';

  constructor(private readonly options: PartnerMessagingOptions) {}

  /** Records the messages and puts them in the outbox. Idempotent, so call it before saving the event it is about. */
  async owe(owed: readonly OwedMessage[], now = this.now()): Promise<void> {
    for (const message of owed) {
      const id = messageIdFor(message.eventId);
      await this.options.messages.create({
        id,
        type: 'partner-message',
        schemaVersion: 1,
        partnerId: message.partnerId,
        kind: message.kind,
        facts: message.facts ?? {},
        ...(message.condition ? { condition: message.condition } : {}),
        status: 'queued',
        createdAt: now.toISOString(),
      });
      await this.options.outbox.enqueue(
        {
          id: `partner-message:${id}`,
          topic: 'partner-message',
          target: 'partner',
          subjectId: `${message.partnerId}|${id}`,
          seq: 0,
        },
        now,
      );
    }
    if (owed.length > 0) this.options.onEnqueued?.();
  }

  /** Whether an event already owes its message, and where that message stands. */
  async owedFor(
    eventId: string,
    partnerId: string,
  ): Promise<{ readonly createdAt: string; readonly status: MessageStatus } | undefined> {
    const message = await this.options.messages.find(messageIdFor(eventId), partnerId);
    return message && { createdAt: message.createdAt, status: message.status };
  }

  /** A claim was paid (told once per claim by the claims' outbox; idempotent by claim): "your expenses were paid". */
  async claimPaid(event: ClaimPaid): Promise<void> {
    await this.owe([
      {
        eventId: `claim-paid:${event.claimId}`,
        partnerId: event.partnerId,
        kind: 'expenses-paid',
        facts: {
          amount: formatPounds(event.expensesPence + event.paymentsPence),
          paid_on: formatLongDate(event.paidOn),
        },
      },
    ]);
  }

  /** The partner's messages for their page (IEV only), newest first, with what to do about any that did not arrive. */
  async forPartner(actor: Actor, partnerId: string): Promise<MessageView[]> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team sees the messages sent to a partner.');
    const messages = await this.options.messages.forPartner(partnerId);
    return messages.map(viewOf);
  }

  /** Everything held about the partner's messages, for their data export. */
  async exportFor(partnerId: string): Promise<PartnerMessage[]> {
    return (await this.options.messages.forPartner(partnerId)).map(withoutVersion);
  }

  /**
   * Erasure: messages still queued are cancelled, and what every message said about the partner is removed
   * (the record that a message of that kind was sent, and when, stays).
   */
  async eraseFor(partnerId: string): Promise<void> {
    for (const message of await this.options.messages.forPartner(partnerId)) {
      await retryOnConflict(async (tryNumber) => {
        const latest = tryNumber === 1 ? message : await this.options.messages.find(message.id, partnerId);
        if (!latest) return;
        const cancelled = latest.status === 'queued';
        if (!cancelled && Object.keys(latest.facts).length === 0) return;
        await this.options.messages.replace(
          {
            ...withoutVersion(latest),
            facts: {},
            ...(cancelled ? { status: 'cancelled' as const, reason: 'erased' as const } : {}),
          },
          latest._etag,
        );
      });
    }
  }

  /** Delivers the partners' outbox: a message to send, or a delivery to check. */
  async deliver(entry: OutboxMessage): Promise<DeliveryOutcome> {
    const [partnerId, id] = splitSubject(entry.subjectId);
    if (!partnerId || !id) return 'void';
    const message = await this.options.messages.find(id, partnerId);
    if (!message) return this.ageOf(entry) > NEVER_HAPPENED_AFTER_MS ? 'void' : 'wait';
    return entry.target === 'partner-status' ? this.checkDelivery(message) : this.send(message, entry);
  }

  private async send(message: Versioned<PartnerMessage>, entry: OutboxMessage): Promise<DeliveryOutcome> {
    if (message.status !== 'queued')
      return message.status === 'cancelled' || message.status === 'not-sent' ? 'void' : 'delivered';
    if (message.condition && !(await this.conditionMet(message.condition))) {
      if (this.ageOf(entry) <= NEVER_HAPPENED_AFTER_MS) return 'wait';
      await this.notSent(message, 'event-not-saved');
      return 'void';
    }
    const partner = await this.options.partners.find(message.partnerId);
    const route = partner ? routeFor(partner) : { refused: 'erased' as const };
    if ('refused' in route) {
      await this.notSent(message, route.refused);
      return 'void';
    }
    const sender = this.options.sender;
    if (!sender) return 'wait';
    // A send whose answer was lost (a crash, a dropped connection) is at Notify under our reference: never send it twice.
    let notifyId = (await sender.findByReference(message.id))?.notifyId;
    if (!notifyId) {
      try {
        notifyId = (
          await sender.send({
            kind: message.kind,
            to: route.to,
            personalisation: { name: partner!.displayName, ...message.facts },
            reference: message.id,
          })
        ).notifyId;
      } catch (error) {
        if (!(error instanceof RefusedMessageError)) throw error;
        this.options.logger.warn(
          { messageId: message.id, code: error.code },
          'GOV.UK Notify refused a partner message',
        );
        await this.notSent(message, 'refused-by-notify', route.to.channel);
        return 'void';
      }
    }
    const at = this.now().toISOString();
    await this.options.messages.replace(
      {
        ...withoutVersion(message),
        status: 'sent',
        channel: route.to.channel,
        notifyId,
        notifyStatus: 'created',
        sentAt: at,
      },
      message._etag,
    );
    await this.options.outbox.enqueue(
      {
        id: `partner-status:${message.id}`,
        topic: 'partner-message',
        target: 'partner-status',
        subjectId: entry.subjectId,
        seq: 0,
      },
      this.now(),
    );
    if (message.kind === 'welcome') await this.markWelcomed(message.partnerId, at);
    this.options.onEnqueued?.();
    return 'delivered';
  }

  private async checkDelivery(message: Versioned<PartnerMessage>): Promise<DeliveryOutcome> {
    if (!message.notifyId || message.status !== 'sent') return 'void';
    const sender = this.options.sender;
    if (!sender) return 'wait';
    const notifyStatus = await sender.statusOf(message.notifyId);
    const outcome = outcomeOfNotifyStatus(notifyStatus);
    if (outcome === 'pending' && notifyStatus === message.notifyStatus) return 'wait';
    await this.options.messages.replace(
      {
        ...withoutVersion(message),
        notifyStatus,
        ...(outcome === 'pending' ? {} : { status: outcome, completedAt: this.now().toISOString() }),
      },
      message._etag,
    );
    return outcome === 'pending' ? 'wait' : 'delivered';
  }

  private async notSent(
    message: Versioned<PartnerMessage>,
    reason: NotSentReason,
    channel?: PartnerMessage['channel'],
  ) {
    await this.options.messages.replace(
      {
        ...withoutVersion(message),
        status: 'not-sent',
        reason,
        ...(channel ? { channel } : {}),
        completedAt: this.now().toISOString(),
      },
      message._etag,
    );
  }

  private async conditionMet(condition: MessageCondition): Promise<boolean> {
    return this.options.planClosed(condition.planId, condition.hostId);
  }

  /** The "Welcome to Involvement" task is done once the welcome went. */
  private async markWelcomed(partnerId: string, at: string): Promise<void> {
    await retryOnConflict(async () => {
      const partner = await this.options.partners.find(partnerId);
      if (!partner || partner.welcome.status === 'sent') return;
      const { _etag, ...stored } = partner;
      await this.options.partners.replace({ ...stored, welcome: { status: 'sent', recordedAt: at } }, _etag);
    });
  }

  private ageOf(entry: OutboxMessage): number {
    return this.now().getTime() - Date.parse(entry.createdAt);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function formatPounds(pence: number): string {
  return `£${(pence / 100).toFixed(2)}`;
}

/** "1 December 2026", as GOV.UK writes dates. */
function formatLongDate(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? day
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

function splitSubject(subjectId: string): [string | undefined, string | undefined] {
  const at = subjectId.indexOf('|');
  return at < 0 ? [undefined, undefined] : [subjectId.slice(0, at), subjectId.slice(at + 1)];
}

function viewOf(message: PartnerMessage): MessageView {
  const problem =
    message.status === 'not-sent' && message.reason
      ? NOT_SENT_WORDS[message.reason]
      : message.status === 'failed'
        ? failureWords(message.notifyStatus)
        : undefined;
  return {
    id: message.id,
    kind: message.kind,
    label: KIND_LABELS[message.kind],
    status: message.status,
    channel: message.channel,
    createdAt: message.createdAt,
    sentAt: message.sentAt,
    completedAt: message.completedAt,
    ...(problem ? { problem } : {}),
  };
}
