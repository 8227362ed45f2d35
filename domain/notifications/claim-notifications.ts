import type { ClaimService } from '../claims/claim-service.js';
import { payableTotals } from '../claims/pricing.js';
import type { ClaimPaidSubscriber, ClaimRepository } from '../claims/ports.js';
import type { ConversationAddress } from '../people/ports.js';
import type { Clock } from '../ports.js';
import type { DeliveryOutcome } from './outbox-dispatcher.js';
import { HOST_IS_TOLD_OF, type ClaimNotification, type Notifier, type OutboxMessage } from './ports.js';

export interface ClaimNotificationOptions {
  readonly claims: Pick<ClaimRepository, 'findClaim'>;
  readonly claimService: Pick<ClaimService, 'rememberApprovalCard'>;
  /** A function: the Teams adapter exists only once the server has started. */
  readonly notifier: () => Notifier;
  readonly personalChatOf: (userId: string) => Promise<ConversationAddress | undefined>;
  readonly ievChannel: () => Promise<ConversationAddress | undefined>;
  /** The IEV approvers' ids: the approval card lists them so Teams refreshes their view by itself. */
  readonly approverIds: () => Promise<readonly string[]>;
  /** Partner messaging, once it is wired: told of each paid claim. */
  readonly claimPaid?: ClaimPaidSubscriber | undefined;
  readonly now?: Clock;
}

/** An event the outbox was told about but that was never written (the decision lost a race, or we crashed first). */
const NEVER_HAPPENED_AFTER_MS = 60_000;

/**
 * Delivers a claim's owed messages. What to say is decided here, at delivery time, from the claim's
 * own history (event `seq`), so a message is exactly about what happened, whoever won a race; how it
 * looks is the Teams edge's business (`Notifier`).
 */
export function claimDeliverer(
  options: ClaimNotificationOptions,
): (message: OutboxMessage) => Promise<DeliveryOutcome> {
  return async (message) => {
    const claim = await options.claims.findClaim(message.subjectId);
    if (!claim) return 'void';
    const event = claim.history[message.seq];
    if (!event) {
      const age = (options.now?.() ?? new Date()).getTime() - Date.parse(message.createdAt);
      return age > NEVER_HAPPENED_AFTER_MS ? 'void' : 'wait';
    }
    if (message.target === 'partner') {
      if (event.status !== 'paid' || !options.claimPaid || !claim.paidOn) return 'void';
      await options.claimPaid.claimPaid({
        claimId: claim.id,
        partnerId: claim.partnerId,
        paidOn: claim.paidOn,
        ...payableTotals(claim),
      });
      return 'delivered';
    }
    if (message.target === 'host') {
      const status = HOST_IS_TOLD_OF.find((told) => told === event.status);
      if (!status) return 'void';
      const address = await options.personalChatOf(claim.hostId);
      if (!address) return 'wait';
      await options.notifier().post(address, { kind: 'claim-decided', claim, event: { ...event, status } });
      return 'delivered';
    }
    if (message.target !== 'iev-channel') return 'void';
    const channel = await options.ievChannel();
    if (!channel) return 'wait';
    const notification: ClaimNotification = {
      kind: 'approval-status',
      claim,
      approverIds: await options.approverIds(),
    };
    if (claim.approvalCard && claim.approvalCard.conversationId === channel.conversationId) {
      await options.notifier().update(channel, claim.approvalCard.activityId, notification);
      return 'delivered';
    }
    const activityId = await options.notifier().post(channel, notification);
    if (activityId)
      await options.claimService.rememberApprovalCard(claim.id, { activityId, conversationId: channel.conversationId });
    return 'delivered';
  };
}
