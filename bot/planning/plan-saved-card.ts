import { card, heading, paragraph, type AdaptiveCard } from '../cards/adaptive-card.js';
import type { Plan } from '../../domain/planning/plan.js';
import { nextStepText } from './plan-list-card.js';
import { PLAN_VERBS } from './planning-verbs.js';

/** After "Save and exit": reassurance that nothing is lost, and the way back. */
export function planSavedCard(plan: Plan): AdaptiveCard {
  return card(
    [
      heading(`Saved: ${plan.title}`, 'Medium'),
      paragraph(
        'Your answers are saved. Come back whenever you like, on any device: type \u201cmy plans\u201d or press Continue.',
      ),
      paragraph(`Next time: ${nextStepText(plan)}`, { subtle: true }),
    ],
    [PLAN_VERBS.resume.action('Continue', { planId: plan.id }), PLAN_VERBS.list.action('My plans')],
    { fallbackText: `Saved ${plan.title}. Type "my plans" to continue.` },
  );
}
