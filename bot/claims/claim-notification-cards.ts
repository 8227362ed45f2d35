import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { approvalCard } from './approval-card.js';
import { claimOutcomeCard } from './claim-outcome-card.js';
import type { ClaimNotification, Notifier } from '../../domain/notifications/ports.js';
import type { Messenger } from '../messenger.js';

/** How each claim notification looks in Teams. The domain decides what is said and to whom. */
export function claimNotificationCard(
  notification: ClaimNotification,
  claimUrl: (claimId: string) => string,
): AdaptiveCard {
  const { claim } = notification;
  if (notification.kind === 'approval-status')
    return approvalCard(claim, { kind: 'status' }, claimUrl(claim.id), notification.approverIds);
  const card = claimOutcomeCard(claim, notification.event, claimUrl(claim.id));
  if (!card) throw new Error(`No card for a claim event of status ${notification.event.status}`);
  return card;
}

/** The domain's `Notifier`, as cards sent and updated through the bot's messenger. */
export function cardNotifier(messenger: () => Messenger, claimUrl: (claimId: string) => string): Notifier {
  return {
    post: (address, notification) => messenger().sendCard(address, claimNotificationCard(notification, claimUrl)),
    update: (address, messageId, notification) =>
      messenger().updateCard(address, messageId, claimNotificationCard(notification, claimUrl)),
  };
}
