import { messageCard } from '../cards/message-card.js';
import { planListCard } from './plan-list-card.js';
import { planSavedCard } from './plan-saved-card.js';
import { ValidationError } from '../../domain/errors.js';
import { StalePlanError } from '../../domain/planning/plan-service.js';
import type { ActionHandler } from '../feature.js';
import { PLAN_VERBS } from './planning-verbs.js';
import {
  firstStepCardFor,
  stepCardAgain,
  stepCardFor,
  summaryOf,
  viewOf,
  type PlanningDependencies,
} from './plan-views.js';

/** "Before": walking the planning guide, one step card at a time; each press answers with the next card. */

type PlanHandler<K extends keyof typeof PLAN_VERBS> = ActionHandler<(typeof PLAN_VERBS)[K], PlanningDependencies>;
type StepHandler = ActionHandler<typeof PLAN_VERBS.next, PlanningDependencies>;

export const startPlan: PlanHandler<'start'> = async (_deps, turn) => ({ card: firstStepCardFor(turn) });

export const showMyPlans: PlanHandler<'list'> = async (deps, turn) => ({
  card: planListCard(await deps.plans.myPlans(turn.actor)),
});

export const resumePlan: PlanHandler<'resume'> = async (deps, turn, { planId }) => ({
  card: await viewOf(deps, await deps.plans.open(turn.actor, planId)),
});

export const showPlanSummary: PlanHandler<'summary'> = async (deps, turn, { planId }) => ({
  card: await summaryOf(deps, await deps.plans.open(turn.actor, planId)),
});

export const editStep: PlanHandler<'edit'> = async (deps, turn, { planId, step, revision }) => {
  try {
    const plan = await deps.plans.openCurrent(turn.actor, planId, revision);
    return { card: await stepCardFor(deps, plan, step, 'edit') };
  } catch (error) {
    if (error instanceof StalePlanError)
      return {
        card: await summaryOf(
          deps,
          error.plan,
          'Your plan changed since that card was sent, so here is the latest. Nothing was changed.',
        ),
      };
    throw error;
  }
};

/**
 * A press on a step card (Next, Save and exit, Skip or Back): a stale card shows the plan as it is now, and
 * answers that are not valid come back on the same card with each problem next to its input.
 */
function stepPress(change: StepHandler): StepHandler {
  return async (deps, turn, press, inputs) => {
    try {
      return await change(deps, turn, press, inputs);
    } catch (error) {
      if (error instanceof StalePlanError) return { card: await viewOf(deps, error.plan, error.userMessage) };
      if (error instanceof ValidationError && error.problems.length > 0) {
        return { card: stepCardAgain(press, inputs, error) };
      }
      throw error;
    }
  };
}

export const answerStep = stepPress(async (deps, turn, press, inputs) => ({
  card: await viewOf(deps, await deps.plans.answerStep(turn.actor, press, inputs)),
}));

export const saveAndExit = stepPress(async (deps, turn, press, inputs) => ({
  card: planSavedCard(await deps.plans.answerStep(turn.actor, press, inputs)),
}));

export const skipStep = stepPress(async (deps, turn, press) => ({
  card: await viewOf(deps, await deps.plans.skipStep(turn.actor, press)),
}));

export const goBackAStep = stepPress(async (deps, turn, press) => ({
  card: await viewOf(deps, await deps.plans.goBack(turn.actor, press)),
}));

/** A damaged or out-of-date plan button changes nothing and offers the person's plans. */
export const brokenButton = { damaged: () => ({ card: brokenButtonCard() }) };

export function brokenButtonCard() {
  return messageCard(
    'That button didn\u2019t work',
    'The card it came from looks damaged or out of date, so nothing was changed. Here are your plans.',
    [PLAN_VERBS.list.action('My plans')],
  );
}
