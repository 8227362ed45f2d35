import { card, heading, paragraph, type AdaptiveCard } from '../cards/adaptive-card.js';
import type { SupportRequest } from '../../domain/planning/support-request.js';
import { PLAN_VERBS } from './planning-verbs.js';

/** What the host sees after asking for help: sent to the channel, or kept until the IEV channel is set up. */
export function supportSentCard(request: SupportRequest, posted: boolean): AdaptiveCard {
  const message = posted
    ? 'Your request is with the IEV team. I will tell you here when someone picks it up.'
    : 'Your request is saved, but the IEV team have not told me which channel to use yet, so I could not post it. They will see it when they check open requests. If it is urgent, email the IEV team.';
  return card(
    [
      heading(posted ? 'Sent to the IEV team' : 'Request saved', 'Medium'),
      paragraph(message),
      paragraph(`About: ${request.planTitle}`, { subtle: true }),
    ],
    [PLAN_VERBS.resume.action('Back to my plan', { planId: request.planId })],
    { fallbackText: message },
  );
}
