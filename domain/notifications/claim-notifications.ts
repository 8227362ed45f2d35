import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import { approvalCard } from '../../bot/claims/approval-card.js';
import { claimOutcomeCard } from '../../bot/claims/claim-outcome-card.js';
import type { ClaimStore } from '../../storage/claim-store.js';
import type { ConversationAddress } from '../../storage/directory-store.js';
import type { OutboxMessage } from '../../storage/outbox-store.js';
import type { ClaimService } from '../claims/claim-service.js';
import type { DeliveryOutcome } from './outbox-dispatcher.js';

/** Sends and updates cards outside a turn. The bot's messenger implements it; the domain never sees Teams types. */
export interface CardPoster {
  sendCard(address: ConversationAddress, card: AdaptiveCard): Promise<string | undefined>;
  updateCard(address: ConversationAddress, activityId: string, card: AdaptiveCard): Promise<void>;
}

export interface ClaimNotificationOptions {
  readonly claims: ClaimStore;
  readonly claimService: ClaimService;
  readonly poster: () => CardPoster;
  readonly personalChatOf: (userId: string) => Promise<ConversationAddress | undefined>;
  readonly ievChannel: () => Promise<ConversationAddress | undefined>;
  readonly claimUrl: (claimId: string) => string;
  /** The IEV approvers' ids, listed on approval cards so Teams refreshes their view by itself. */
  readonly approverIds: () => Promise<readonly string[]>;
  readonly now?: () => Date;
}

/** An event the outbox was told about but that was never written (the decision lost a race, or we crashed first). */
const NEVER_HAPPENED_AFTER_MS = 60_000;

/**
 * Delivers a claim's owed messages. The content is built at delivery time from the claim's own
 * history (event `seq`), so a message is exactly about what happened, whoever won a race.
 */
export function claimDeliverer(options: ClaimNotificationOptions): (message: OutboxMessage) => Promise<DeliveryOutcome> {
  return async (message) => {
    const claim = await options.claims.findClaim(message.subjectId);
    if (!claim) return 'void';
    const event = claim.history[message.seq];
    if (!event) {
      const age = (options.now?.() ?? new Date()).getTime() - Date.parse(message.createdAt);
      return age > NEVER_HAPPENED_AFTER_MS ? 'void' : 'wait';
    }
    if (message.target === 'host') {
      const card = claimOutcomeCard(claim, event, options.claimUrl(claim.id));
      if (!card) return 'void';
      const address = await options.personalChatOf(claim.hostId);
      if (!address) return 'wait';
      await options.poster().sendCard(address, card);
      return 'delivered';
    }
    const channel = await options.ievChannel();
    if (!channel) return 'wait';
    const card = approvalCard(claim, { kind: 'status' }, options.claimUrl(claim.id), await options.approverIds());
    if (claim.approvalCard && claim.approvalCard.conversationId === channel.conversationId) {
      await options.poster().updateCard(channel, claim.approvalCard.activityId, card);
      return 'delivered';
    }
    const activityId = await options.poster().sendCard(channel, card);
    if (activityId) await options.claimService.rememberApprovalCard(claim.id, { activityId, conversationId: channel.conversationId });
    return 'delivered';
  };
}
