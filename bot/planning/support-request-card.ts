import { card, facts, heading, paragraph, type AdaptiveCard, type CardAction } from '../cards/adaptive-card.js';
import { supportKindTitle, type SupportRequest } from '../../domain/planning/support-request.js';
import { SUPPORT_VERBS } from './planning-verbs.js';

export type SupportCardViewer = 'iev' | 'everyone';

/**
 * The request as posted in the IEV channel. Everyone sees its status; when Teams refreshes the card
 * for a viewer (automatic in channels of up to 60 people, or "Show the latest"), IEV members get
 * their own view with "I'll take this". The server checks the role again when it is pressed.
 */
export function supportRequestCard(request: SupportRequest, viewer: SupportCardViewer): AdaptiveCard {
  const ids = { requestId: request.id, hostId: request.hostId };
  const status = request.takenBy ? `Picked up by ${request.takenBy.name}` : 'Waiting for someone to pick it up';
  const open = request.status === 'open';
  const actions: CardAction[] = !open
    ? []
    : viewer === 'iev'
      ? [SUPPORT_VERBS.take.action('I\u2019ll take this', ids, { style: 'positive' })]
      : [SUPPORT_VERBS.refresh.action('Show the latest', ids)];
  return card(
    [
      paragraph('New Works request', { subtle: true }),
      heading(request.planTitle, 'Medium'),
      facts([
        ['From', request.hostName],
        ['Help with', request.kinds.map(supportKindTitle).join('; ')],
        ['Asked on', request.createdAt.slice(0, 10)],
        ['Status', status],
      ]),
      paragraph(request.description),
    ],
    actions,
    {
      fallbackText: `New Works request from ${request.hostName}: ${status}`,
      refresh: { action: SUPPORT_VERBS.refresh.action('Show the latest', ids) },
    },
  );
}
