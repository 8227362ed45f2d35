import { card, heading, paragraph, type AdaptiveCard } from '../cards/adaptive-card.js';
import type { SupportNotification, SupportNotifier } from '../../domain/notifications/support-notifications.js';
import type { Messenger } from '../messenger.js';
import { supportRequestCard } from './support-request-card.js';
import { supportTakenCard } from './support-taken-card.js';
import { PLAN_VERBS } from './planning-verbs.js';

/** How each support notification looks in Teams. The domain decides what is said and to whom. */
function supportNotificationCard(notification: SupportNotification): AdaptiveCard {
  const { request } = notification;
  if (notification.kind === 'support-status') return supportRequestCard(request, 'everyone');
  if (notification.event.kind === 'done') {
    const text = `${notification.event.byName} from the IEV team has marked your request for help with \u201c${request.planTitle}\u201d as done.`;
    return card(
      [
        heading('Your request for help is done', 'Medium'),
        paragraph(text),
        paragraph('If you still need help, ask again from your plan.'),
      ],
      [PLAN_VERBS.resume.action('Open my plan', { planId: request.planId })],
      { fallbackText: text },
    );
  }
  return supportTakenCard(request);
}

/** The domain's `SupportNotifier`, as cards sent and updated through the bot's messenger. */
export function supportCardNotifier(messenger: () => Messenger): SupportNotifier {
  return {
    post: (address, notification) => messenger().sendCard(address, supportNotificationCard(notification)),
    update: (address, messageId, notification) =>
      messenger().updateCard(address, messageId, supportNotificationCard(notification)),
  };
}
