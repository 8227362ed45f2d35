import { card, execute, heading, paragraph, type AdaptiveCard } from '../cards/adaptive-card.js';
import type { Plan } from '../../domain/planning/plan.js';
import { nextStepText } from './plan-list-card.js';

/** After "Save and exit": reassurance that nothing is lost, and the way back. */
export function planSavedCard(plan: Plan): AdaptiveCard {
  return card(
    [
      heading(`Saved: ${plan.title}`, 'Medium'),
      paragraph('Your answers are saved. Come back whenever you like, on any device: type \u201cmy plans\u201d or press Continue.'),
      paragraph(`Next time: ${nextStepText(plan)}`, { subtle: true }),
    ],
    [execute('Continue', 'plan.resume', { planId: plan.id }), execute('My plans', 'plan.list')],
    { fallbackText: `Saved ${plan.title}. Type "my plans" to continue.` },
  );
}
