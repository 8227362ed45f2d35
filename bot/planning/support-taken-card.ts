import { card, heading, paragraph, type AdaptiveCard } from '../cards/adaptive-card.js';
import type { SupportRequest } from '../../domain/planning/support-request.js';
import { PLAN_VERBS } from './planning-verbs.js';

/** Sent to the host's 1:1 chat when an IEV member takes their request on. */
export function supportTakenCard(request: SupportRequest): AdaptiveCard {
  const who = request.takenBy?.name ?? 'Someone from the IEV team';
  return card(
    [
      heading('The IEV team is on it', 'Medium'),
      paragraph(
        `${who} has picked up your request for help with \u201c${request.planTitle}\u201d and will be in touch.`,
      ),
    ],
    [PLAN_VERBS.resume.action('Open my plan', { planId: request.planId })],
    { fallbackText: `${who} has picked up your request for help.` },
  );
}
