import type { ConversationAddress } from '../people/ports.js';
import type { Clock, Versioned } from '../ports.js';
import { parseSupportSubject } from '../planning/support-service.js';
import { HOST_IS_TOLD_OF_SUPPORT, type SupportEvent, type SupportRequest } from '../planning/support-request.js';
import type { DeliveryOutcome } from './outbox-dispatcher.js';
import type { OutboxMessage } from './ports.js';

/** What someone must hear about a New Works request; the Teams edge decides how it looks. */
export type SupportNotification =
  /** To everyone in the IEV channel: the request's card, showing where it is now. */
  | { readonly kind: 'support-status'; readonly request: SupportRequest }
  /** To the host, in their 1:1 chat: a colleague has it, or it is done. */
  | { readonly kind: 'support-host'; readonly request: SupportRequest; readonly event: SupportEvent };

export interface SupportNotifier {
  post(address: ConversationAddress, notification: SupportNotification): Promise<string | undefined>;
  update(address: ConversationAddress, messageId: string, notification: SupportNotification): Promise<void>;
}

export interface SupportDelivererOptions {
  readonly find: (hostId: string, requestId: string) => Promise<Versioned<SupportRequest> | undefined>;
  /** Records where the card was posted; a failure here must not post the card again. */
  readonly recordPost: (
    request: Versioned<SupportRequest>,
    address: ConversationAddress,
    activityId: string,
  ) => Promise<unknown>;
  readonly notifier: () => SupportNotifier;
  readonly personalChatOf: (userId: string) => Promise<ConversationAddress | undefined>;
  readonly ievChannel: () => Promise<ConversationAddress | undefined>;
  readonly warn: (details: object, message: string) => void;
  readonly now?: Clock;
}

/** An event the outbox was told about but that was never written (the change lost a race, or we crashed first). */
const NEVER_HAPPENED_AFTER_MS = 60_000;

/**
 * Delivers a request's owed messages (topic `support`), deciding what to say from the request as it is now.
 * The channel card is posted once (by the request's first message, whenever a channel exists: a request saved
 * before the IEV channel was set up is posted then) and updated in place after that.
 */
export function supportDeliverer(
  options: SupportDelivererOptions,
): (message: OutboxMessage) => Promise<DeliveryOutcome> {
  return async (message) => {
    const subject = parseSupportSubject(message.subjectId);
    if (!subject) return 'void';
    const request = await options.find(subject.hostId, subject.requestId);
    if (!request) {
      const age = (options.now?.() ?? new Date()).getTime() - Date.parse(message.createdAt);
      return age > NEVER_HAPPENED_AFTER_MS ? 'void' : 'wait';
    }
    const event = (request.events ?? [])[message.seq];
    if (!event && message.seq > 0) {
      const age = (options.now?.() ?? new Date()).getTime() - Date.parse(message.createdAt);
      return age > NEVER_HAPPENED_AFTER_MS ? 'void' : 'wait';
    }
    if (message.target === 'host') {
      if (!event || !HOST_IS_TOLD_OF_SUPPORT.includes(event.kind)) return 'void';
      const chat = await options.personalChatOf(request.hostId);
      if (!chat) return 'wait';
      await options.notifier().post(chat, { kind: 'support-host', request, event });
      return 'delivered';
    }
    const channel = await options.ievChannel();
    if (!channel) return 'wait';
    const notification: SupportNotification = { kind: 'support-status', request };
    const post = request.channelPost;
    if (post && post.address.conversationId === channel.conversationId) {
      await options.notifier().update(post.address, post.activityId, notification);
      return 'delivered';
    }
    // Only the first message posts; later ones have nothing to update until it has (it posts the latest state).
    if (message.seq > 0) return 'void';
    const activityId = await options.notifier().post(channel, notification);
    if (activityId) {
      await options.recordPost(request, channel, activityId).catch((error: unknown) =>
        // Posted but not recorded: later changes will not update this card (Show the latest still does).
        // Posting it again would be worse: the channel would show the request twice.
        options.warn(
          { requestId: request.id, err: { name: (error as Error)?.name } },
          'support card posted, not recorded',
        ),
      );
    }
    return 'delivered';
  };
}
