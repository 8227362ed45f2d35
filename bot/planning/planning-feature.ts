import { randomUUID } from 'node:crypto';
import { messageCard } from '../cards/message-card.js';
import { planListCard } from './plan-list-card.js';
import { planStepCard } from './plan-step-card.js';
import { planSavedCard } from './plan-saved-card.js';
import { planSummaryCard } from './plan-summary-card.js';
import { ValidationError } from '../../domain/errors.js';
import { isStaff } from '../../domain/people/actor.js';
import { suggestionsFor } from '../../domain/planning/method-suggestions.js';
import { gapsIn } from '../../domain/planning/plan-gaps.js';
import { StalePlanError, type PlanService, type StepPress } from '../../domain/planning/plan-service.js';
import { stepFor, type StepKey } from '../../domain/planning/plan-steps.js';
import { answersToValues, valuesToShow } from '../../domain/planning/step-answers.js';
import type { Plan } from '../../domain/planning/plan.js';
import type { PlanSpend } from '../../domain/claims/claim-service.js';
import { on, type ActionResult, type BotFeature, type Turn } from '../feature.js';
import { duringAfterActions, logSessionCommand } from './during-after-actions.js';
import { supportActions, supportCommands, type SupportDependencies } from './support-actions.js';
import { PLAN_VERBS } from './planning-verbs.js';
import { organisationLine, reachWithOrganisations } from './reach-section.js';
import { groupTitle } from '../../domain/organisations/organisation.js';

export interface PlanningDependencies extends SupportDependencies {
  readonly plans: PlanService;
  /** The plan's expense claims, claimed and paid, shown on its summary against its budget. */
  readonly spendOnPlan?: (plan: Plan) => Promise<PlanSpend>;
}

/**
 * "Before": the planning guide as a conversation of step cards. Each press answers with the next
 * card, which replaces the pressed one; every answer is saved as it is given.
 */
export function planningFeature(deps: PlanningDependencies): BotFeature {
  const { plans } = deps;

  /** A press on a step card: Next, Save and exit, Skip or Back. */
  const stepAction = (
    verb: StepVerb,
    change: (turn: Turn, press: StepPress, inputs: Readonly<Record<string, unknown>>) => Promise<ActionResult>,
  ) =>
    on(
      verb,
      async (turn, press, inputs) => {
        try {
          return await change(turn, press, inputs);
        } catch (error) {
          if (error instanceof StalePlanError) return { card: await viewOf(error.plan, error.userMessage) };
          if (error instanceof ValidationError && error.problems.length > 0) {
            return { card: stepCardAgain(press, inputs, error) };
          }
          throw error;
        }
      },
      damaged,
    );

  const summaryOf = async (plan: Plan, notice?: string) =>
    planSummaryCard(plan, gapsIn(plan), {
      notice,
      supportRequests: await deps.support.requestsFor(plan),
      ...(await reachWithOrganisations(deps, plan)),
      spend: await deps.spendOnPlan?.(plan),
      chosen: await plans.chosenNames(plan),
    });
  /** Where a plan is: its current step card, or its summary. */
  const viewOf = async (plan: Plan, notice?: string) =>
    plan.position === 'summary' ? summaryOf(plan, notice) : stepCardFor(plan, plan.position, 'walk', notice);
  /** The card for one step; the partners step names the organisations that reach the groups the plan chose. */
  const stepCardFor = async (plan: Plan, key: StepKey, mode: 'walk' | 'edit', notice?: string) =>
    planStepCard({
      step: stepFor(key),
      planId: plan.id,
      planTitle: plan.title,
      revision: plan.revision,
      mode,
      values: answersToValues(plan.answers[key]),
      notice,
      suggestions: key === 'methods' ? suggestionsFor(chosenGroups(plan)) : undefined,
      organisations: key === 'partners' ? await organisationsFor(chosenGroups(plan)) : undefined,
    });
  /** One line per chosen group the directory has organisations for, and the groups it has none for. */
  const organisationsFor = async (groups: readonly string[]) => {
    if (groups.length === 0) return undefined;
    const found = await deps.organisations.suggestFor(groups);
    const missing = groups.filter((group) => (found[group] ?? []).length === 0).map(groupTitle);
    return {
      lines: groups
        .filter((group) => (found[group] ?? []).length > 0)
        .map((group) => `${groupTitle(group)}: ${found[group]!.map(organisationLine).join('; ')}`),
      missing,
    };
  };

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
      on(PLAN_VERBS.start, async (turn) => ({ card: firstStepCardFor(turn) })),
      on(PLAN_VERBS.list, async (turn) => ({ card: planListCard(await plans.myPlans(turn.actor)) })),
      on(
        PLAN_VERBS.resume,
        async (turn, { planId }) => ({ card: await viewOf(await plans.open(turn.actor, planId)) }),
        damaged,
      ),
      on(
        PLAN_VERBS.summary,
        async (turn, { planId }) => ({ card: await summaryOf(await plans.open(turn.actor, planId)) }),
        damaged,
      ),
      on(
        PLAN_VERBS.edit,
        async (turn, { planId, step, revision }) => {
          try {
            const plan = await plans.openCurrent(turn.actor, planId, revision);
            return { card: await stepCardFor(plan, step, 'edit') };
          } catch (error) {
            if (error instanceof StalePlanError)
              return {
                card: await summaryOf(
                  error.plan,
                  'Your plan changed since that card was sent, so here is the latest. Nothing was changed.',
                ),
              };
            throw error;
          }
        },
        damaged,
      ),
      stepAction(PLAN_VERBS.next, async (turn, press, inputs) => ({
        card: await viewOf(await plans.answerStep(turn.actor, press, inputs)),
      })),
      stepAction(PLAN_VERBS.exit, async (turn, press, inputs) => ({
        card: planSavedCard(await plans.answerStep(turn.actor, press, inputs)),
      })),
      stepAction(PLAN_VERBS.skip, async (turn, press) => ({
        card: await viewOf(await plans.skipStep(turn.actor, press)),
      })),
      stepAction(PLAN_VERBS.back, async (turn, press) => ({
        card: await viewOf(await plans.goBack(turn.actor, press)),
      })),
      ...supportActions(deps),
      ...duringAfterActions(deps),
    ],
  };
}

/** Someone who can only view (a member of another team) is told so before they type a whole step. */
function firstStepCardFor(turn: Turn) {
  if (!isStaff(turn.actor))
    return messageCard(
      'You can\u2019t make plans',
      'Only colleagues who host involvement work can make plans. If you need to, ask the IEV team to give you access.',
    );
  return firstStepCard();
}

function firstStepCard() {
  return planStepCard({ step: stepFor('purpose'), revision: 0, mode: 'walk', op: randomUUID(), values: {} });
}

function chosenGroups(plan: Plan): string[] {
  const groups = plan.answers.people?.groups;
  return typeof groups === 'object' ? [...groups] : [];
}

/** The same card, the person's answers kept, each problem next to its input. */
function stepCardAgain(press: StepPress, inputs: Readonly<Record<string, unknown>>, error: ValidationError) {
  const step = stepFor(press.step);
  return planStepCard({
    step,
    planId: press.planId,
    revision: press.revision,
    mode: press.mode,
    op: press.op,
    values: valuesToShow(step, inputs),
    problems: error.problems,
    notice: error.problems.some((problem) => !step.fields.some((field) => field.id === problem.field))
      ? error.userMessage
      : undefined,
  });
}

const damaged = { damaged: () => ({ card: brokenButtonCard() }) };
type StepVerb = typeof PLAN_VERBS.next;

export function brokenButtonCard() {
  return messageCard(
    'That button didn\u2019t work',
    'The card it came from looks damaged or out of date, so nothing was changed. Here are your plans.',
    [PLAN_VERBS.list.action('My plans')],
  );
}
