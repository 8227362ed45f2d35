import { randomUUID } from 'node:crypto';
import { messageCard } from '../cards/message-card.js';
import { planStepCard } from './plan-step-card.js';
import { planSummaryCard } from './plan-summary-card.js';
import type { ValidationError } from '../../domain/errors.js';
import { isStaff } from '../../domain/people/actor.js';
import { groupTitle } from '../../domain/organisations/organisation.js';
import { suggestionsFor } from '../../domain/planning/method-suggestions.js';
import { gapsIn } from '../../domain/planning/plan-gaps.js';
import type { PlanService, StepPress } from '../../domain/planning/plan-service.js';
import { stepFor, type StepKey } from '../../domain/planning/plan-steps.js';
import { answersToValues, valuesToShow } from '../../domain/planning/step-answers.js';
import type { Plan } from '../../domain/planning/plan.js';
import type { PlanSpend } from '../../domain/claims/claim-service.js';
import type { CardInputs, Turn } from '../feature.js';
import type { SupportDependencies } from './support-actions.js';
import { organisationLine, reachWithOrganisations } from './reach-section.js';

export interface PlanningDependencies extends SupportDependencies {
  readonly plans: PlanService;
  /** The plan's expense claims, claimed and paid, shown on its summary against its budget. */
  readonly spendOnPlan?: (plan: Plan) => Promise<PlanSpend>;
}

/** Where a plan is: its current step card, or its summary. */
export async function viewOf(deps: PlanningDependencies, plan: Plan, notice?: string) {
  return plan.position === 'summary'
    ? summaryOf(deps, plan, notice)
    : stepCardFor(deps, plan, plan.position, 'walk', notice);
}

export async function summaryOf(deps: PlanningDependencies, plan: Plan, notice?: string) {
  return planSummaryCard(plan, gapsIn(plan), {
    notice,
    supportRequests: await deps.support.requestsFor(plan),
    ...(await reachWithOrganisations(deps, plan)),
    spend: await deps.spendOnPlan?.(plan),
    chosen: await deps.plans.chosenNames(plan),
  });
}

/** The card for one step; the partners step names the organisations that reach the groups the plan chose. */
export async function stepCardFor(
  deps: PlanningDependencies,
  plan: Plan,
  key: StepKey,
  mode: 'walk' | 'edit',
  notice?: string,
) {
  return planStepCard({
    step: stepFor(key),
    planId: plan.id,
    planTitle: plan.title,
    revision: plan.revision,
    mode,
    values: answersToValues(plan.answers[key]),
    notice,
    suggestions: key === 'methods' ? suggestionsFor(chosenGroups(plan)) : undefined,
    organisations: key === 'partners' ? await organisationsFor(deps, chosenGroups(plan)) : undefined,
  });
}

/** One line per chosen group the directory has organisations for, and the groups it has none for. */
async function organisationsFor(deps: PlanningDependencies, groups: readonly string[]) {
  if (groups.length === 0) return undefined;
  const found = await deps.organisations.suggestFor(groups);
  const missing = groups.filter((group) => (found[group] ?? []).length === 0).map(groupTitle);
  return {
    lines: groups
      .filter((group) => (found[group] ?? []).length > 0)
      .map((group) => `${groupTitle(group)}: ${found[group]!.map(organisationLine).join('; ')}`),
    missing,
  };
}

function chosenGroups(plan: Plan): string[] {
  const groups = plan.answers.people?.groups;
  return typeof groups === 'object' ? [...groups] : [];
}

/** Someone who can only view (a member of another team) is told so before they type a whole step. */
export function firstStepCardFor(turn: Turn) {
  if (!isStaff(turn.actor))
    return messageCard(
      'You can\u2019t make plans',
      'Only colleagues who host involvement work can make plans. If you need to, ask the IEV team to give you access.',
    );
  return planStepCard({ step: stepFor('purpose'), revision: 0, mode: 'walk', op: randomUUID(), values: {} });
}

/** The same card, the person's answers kept, each problem next to its input. */
export function stepCardAgain(press: StepPress, inputs: CardInputs, error: ValidationError) {
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
