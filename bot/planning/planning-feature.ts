import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { messageCard } from '../cards/message-card.js';
import { execute } from '../cards/adaptive-card.js';
import { planListCard } from './plan-list-card.js';
import { planStepCard } from './plan-step-card.js';
import { planSavedCard } from './plan-saved-card.js';
import { planSummaryCard } from './plan-summary-card.js';
import { ValidationError } from '../../domain/errors.js';
import { isStaff } from '../../domain/people/actor.js';
import { suggestionsFor } from '../../domain/planning/method-suggestions.js';
import { gapsIn } from '../../domain/planning/plan-gaps.js';
import { StalePlanError, type PlanService, type StepPress } from '../../domain/planning/plan-service.js';
import { STEP_KEYS, stepFor, type StepKey } from '../../domain/planning/plan-steps.js';
import { answersToValues, valuesToShow } from '../../domain/planning/step-answers.js';
import type { Plan } from '../../domain/planning/plan.js';
import type { ActionResult, BotFeature, Turn } from '../feature.js';
import { duringAfterActions, logSessionCommand } from './during-after-actions.js';
import { supportActions, supportCommands, type SupportDependencies } from './support-actions.js';
import { cardId } from './card-values.js';

export interface PlanningDependencies extends SupportDependencies {
  readonly plans: PlanService;
}

/** Card action data is user-controlled: only these ids are read from it, and only in these shapes. */
const id = cardId;
const stepPressSchema = z.object({
  planId: id.optional(),
  step: z.enum(STEP_KEYS),
  revision: z.coerce.number().int().min(0).max(1_000_000),
  mode: z.enum(['walk', 'edit']).default('walk'),
  op: id.optional(),
});
const planRefSchema = z.object({ planId: id });
const editSchema = z.object({ planId: id, step: z.enum(STEP_KEYS), revision: z.coerce.number().int().min(0).max(1_000_000) });

/**
 * "Before": the planning guide as a conversation of step cards. Each press answers with the next
 * card, which replaces the pressed one; every answer is saved as it is given.
 */
export function planningFeature(deps: PlanningDependencies): BotFeature {
  const { plans } = deps;

  const stepAction = (verb: string, change: (turn: Turn, press: StepPress, data: Readonly<Record<string, unknown>>) => Promise<ActionResult>) => ({
    verb,
    handle: async (turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> => {
      const press = stepPressSchema.safeParse(data);
      if (!press.success) return { card: brokenButtonCard() };
      try {
        return await change(turn, press.data, data);
      } catch (error) {
        if (error instanceof StalePlanError) return { card: await viewOf(error.plan, error.userMessage) };
        if (error instanceof ValidationError && error.problems.length > 0) {
          return { card: stepCardAgain(press.data, data, error) };
        }
        throw error;
      }
    },
  });

  const summaryOf = async (plan: Plan, notice?: string) => planSummaryCard(plan, gapsIn(plan), { notice, supportRequests: await deps.support.requestsFor(plan) });
  /** Where a plan is: its current step card, or its summary. */
  const viewOf = async (plan: Plan, notice?: string) => (plan.position === 'summary' ? summaryOf(plan, notice) : stepCardFor(plan, plan.position, 'walk', notice));

  return {
    name: 'planning',
    commands: [
      {
        command: 'plan',
        description: 'Plan a piece of involvement work, one short step at a time',
        scopes: ['personal'],
        patterns: [
          /^(new |start (a )?)?plan\b/i,
          /\bi( want| need| would like|['\u2019]d like) to (plan|involve|engage|consult)\b/i,
          /\b(plan|planning|organis(e|ing)|set(ting)? up)\b.*\b(engagement|involvement|involving|consultation|focus group|workshop)\b/i,
        ],
        handle: async (turn) => {
          await turn.sendCard(firstStepCardFor(turn));
        },
      },
      {
        command: 'my plans',
        description: 'See your plans and carry on where you left off',
        scopes: ['personal'],
        patterns: [/^my plans?\b/i, /^(continue|resume)\b/i, /\b(show|see|list)\b.*\bplans\b/i],
        handle: async (turn) => {
          await turn.sendCard(planListCard(await plans.myPlans(turn.actor)));
        },
      },
      logSessionCommand(deps),
      ...supportCommands(deps),
    ],
    actions: [
      { verb: 'plan.start', handle: async (turn) => ({ card: firstStepCardFor(turn) }) },
      { verb: 'plan.list', handle: async (turn) => ({ card: planListCard(await plans.myPlans(turn.actor)) }) },
      {
        verb: 'plan.resume',
        handle: async (turn, data) => {
          const ref = planRefSchema.safeParse(data);
          if (!ref.success) return { card: brokenButtonCard() };
          return { card: await viewOf(await plans.open(turn.actor, ref.data.planId)) };
        },
      },
      {
        verb: 'plan.summary',
        handle: async (turn, data) => {
          const ref = planRefSchema.safeParse(data);
          if (!ref.success) return { card: brokenButtonCard() };
          return { card: await summaryOf(await plans.open(turn.actor, ref.data.planId)) };
        },
      },
      {
        verb: 'plan.edit',
        handle: async (turn, data) => {
          const ref = editSchema.safeParse(data);
          if (!ref.success) return { card: brokenButtonCard() };
          try {
            const plan = await plans.openCurrent(turn.actor, ref.data.planId, ref.data.revision);
            return { card: stepCardFor(plan, ref.data.step, 'edit') };
          } catch (error) {
            if (error instanceof StalePlanError) return { card: await summaryOf(error.plan, 'Your plan changed since that card was sent, so here is the latest. Nothing was changed.') };
            throw error;
          }
        },
      },
      stepAction('plan.next', async (turn, press, data) => ({ card: await viewOf(await plans.answerStep(turn.actor, press, data)) })),
      stepAction('plan.exit', async (turn, press, data) => ({ card: planSavedCard(await plans.answerStep(turn.actor, press, data)) })),
      stepAction('plan.skip', async (turn, press) => ({ card: await viewOf(await plans.skipStep(turn.actor, press)) })),
      stepAction('plan.back', async (turn, press) => ({ card: await viewOf(await plans.goBack(turn.actor, press)) })),
      ...supportActions(deps),
      ...duringAfterActions(deps),
    ],
  };
}

/** Someone who can only view (a member of another team) is told so before they type a whole step. */
function firstStepCardFor(turn: Turn) {
  if (!isStaff(turn.actor)) return messageCard('You can\u2019t make plans', 'Only colleagues who host involvement work can make plans. If you need to, ask the IEV team to give you access.');
  return firstStepCard();
}

function firstStepCard() {
  return planStepCard({ step: stepFor('purpose'), revision: 0, mode: 'walk', op: randomUUID(), values: {} });
}


function stepCardFor(plan: Plan, key: StepKey, mode: 'walk' | 'edit', notice?: string) {
  return planStepCard({
    step: stepFor(key),
    planId: plan.id,
    planTitle: plan.title,
    revision: plan.revision,
    mode,
    values: answersToValues(plan.answers[key]),
    notice,
    suggestions: key === 'methods' ? suggestionsFor(chosenGroups(plan)) : undefined,
  });
}

function chosenGroups(plan: Plan): string[] {
  const groups = plan.answers.people?.groups;
  return typeof groups === 'object' ? [...groups] : [];
}

/** The same card, the person's answers kept, each problem next to its input. */
function stepCardAgain(press: StepPress, data: Readonly<Record<string, unknown>>, error: ValidationError) {
  const step = stepFor(press.step);
  return planStepCard({
    step,
    planId: press.planId,
    revision: press.revision,
    mode: press.mode,
    op: press.op,
    values: valuesToShow(step, data),
    problems: error.problems,
    notice: error.problems.some((problem) => !step.fields.some((field) => field.id === problem.field)) ? error.userMessage : undefined,
  });
}

export function brokenButtonCard() {
  return messageCard('That button didn\u2019t work', 'The card it came from looks damaged or out of date, so nothing was changed. Here are your plans.', [execute('My plans', 'plan.list')]);
}
