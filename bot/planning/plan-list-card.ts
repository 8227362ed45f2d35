import {
  actionSet,
  card,
  container,
  facts,
  heading,
  paragraph,
  subheading,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive-card.js';
import { PHASE_NAMES, type Plan } from '../../domain/planning/plan.js';
import { STEP_COUNT, stepFor, stepNumber } from '../../domain/planning/plan-steps.js';
import { PLAN_VERBS } from './planning-verbs.js';

/** "My plans": each of the host's plans with its stage and what to do next. */
export function planListCard(plans: readonly Plan[]): AdaptiveCard {
  const body: CardElement[] = [heading('Your plans')];
  if (plans.length === 0)
    body.push(paragraph('You have no plans yet. Start one and I will walk you through it, one short step at a time.'));
  for (const plan of plans) {
    body.push(
      container([
        subheading(plan.title),
        facts([
          ['Stage', PHASE_NAMES[plan.phase]],
          ['Next', nextStepText(plan)],
        ]),
        actionSet([PLAN_VERBS.resume.action(plan.phase === 'planning' ? 'Continue' : 'Open', { planId: plan.id })]),
      ]),
    );
  }
  return card(body, [PLAN_VERBS.start.action('Start a new plan')], { fallbackText: `You have ${plans.length} plans.` });
}

export function nextStepText(plan: Plan): string {
  if (plan.phase === 'closed') return 'Nothing: this work is finished. Thank you.';
  if (plan.position !== 'summary')
    return `Step ${stepNumber(plan.position)} of ${STEP_COUNT}: ${stepFor(plan.position).title}`;
  if (plan.phase === 'running') return 'Log your sessions, then record the outcome';
  return 'Start involving people, then log your first session';
}
