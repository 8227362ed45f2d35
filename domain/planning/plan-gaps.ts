import type { Plan } from './plan.js';
import type { StepKey } from './plan-steps.js';

/**
 * Something missing from a plan, measured against an involvement principle: the Trust's Involvement
 * Principles (seed 004) and the engagement principles of the planning guide (seed 002: clear,
 * inclusive, creative, flexible, honest, feedback, realistic).
 */
export interface PlanGap {
  readonly id: string;
  readonly message: string;
  /** The principle it falls short of, as the seeds name it. */
  readonly principle: string;
  /** Where to fix it. */
  readonly step: StepKey;
}

interface GapRule extends PlanGap {
  applies(plan: Plan): boolean;
}

const answer = (plan: Plan, step: StepKey, field: string) => plan.answers[step]?.[field];
const has = (plan: Plan, step: StepKey, field: string): boolean => {
  const value = answer(plan, step, field);
  return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
};
const is = (plan: Plan, step: StepKey, field: string, ...values: string[]): boolean =>
  values.includes(String(answer(plan, step, field)));

/** Read top to bottom: each row is one gap a reader can check by eye. */
export const GAP_RULES: readonly GapRule[] = [
  {
    id: 'no-objectives',
    message: 'No objectives yet: say what you want to have achieved at the end.',
    principle: 'Agree purpose and outcomes from the start',
    step: 'purpose',
    applies: (plan) => !has(plan, 'purpose', 'objectives'),
  },
  {
    id: 'no-seldom-heard',
    message: 'Seldom-heard groups not considered: choose who you will make an effort to reach.',
    principle: 'Include diverse communities',
    step: 'people',
    applies: (plan) => !has(plan, 'people', 'groups') && !has(plan, 'people', 'otherGroups'),
  },
  {
    id: 'one-method',
    message: 'Only one way to take part (or none): offer a range so more people can join in.',
    principle: 'Creative',
    step: 'methods',
    applies: (plan) => ((answer(plan, 'methods', 'methods') as readonly string[] | undefined)?.length ?? 0) < 2,
  },
  {
    id: 'no-community-partners',
    message: 'Nobody named who knows these communities: ask them what works.',
    principle: 'Creative',
    step: 'partners',
    applies: (plan) => !has(plan, 'partners', 'partnerOrganisations') && !has(plan, 'partners', 'communityContacts'),
  },
  {
    id: 'not-on-their-terms',
    message: 'People are expected to come to us: think about meeting them where they are.',
    principle: 'Go to where people are',
    step: 'timing',
    applies: (plan) => !has(plan, 'timing', 'whenWhere') || is(plan, 'timing', 'onTheirTerms', 'no'),
  },
  {
    id: 'influence-unclear',
    message: 'Not yet clear what people can and cannot influence: be honest about both.',
    principle: 'Honest',
    step: 'influence',
    applies: (plan) => !has(plan, 'influence', 'canInfluence') || !has(plan, 'influence', 'cannotInfluence'),
  },
  {
    id: 'no-level',
    message: 'Level of involvement not chosen.',
    principle: 'Honest',
    step: 'level',
    applies: (plan) => !has(plan, 'level', 'level'),
  },
  {
    id: 'no-feedback-route',
    message: 'No feedback route yet: decide how you will tell people what changed.',
    principle: 'Feed back on what has changed',
    step: 'feedback',
    applies: (plan) => !has(plan, 'feedback', 'feedbackRoute'),
  },
  {
    id: 'eia-not-started',
    message: 'EIA needed but not started.',
    principle: 'Inclusive (equality duties)',
    step: 'eia',
    applies: (plan) =>
      is(plan, 'eia', 'eiaNeeded', 'yes', 'not-sure') && !is(plan, 'eia', 'eiaStatus', 'in-progress', 'done'),
  },
  {
    id: 'eia-not-considered',
    message: 'Not yet decided whether an Equality Impact Assessment is needed.',
    principle: 'Inclusive (equality duties)',
    step: 'eia',
    applies: (plan) => !has(plan, 'eia', 'eiaNeeded'),
  },
  {
    id: 'no-budget',
    message: 'No budget yet: every piece of involvement needs one, at least for expenses.',
    principle: 'Realistic',
    step: 'budget',
    applies: (plan) => !has(plan, 'budget', 'budget'),
  },
  {
    id: 'expenses-not-offered',
    message: 'Expenses are not offered: some people cannot afford to take part without them.',
    principle: 'Pay expenses promptly',
    step: 'budget',
    applies: (plan) => !is(plan, 'budget', 'expensesOffered', 'yes'),
  },
];

/** The gaps in a plan, in step order. */
export function gapsIn(plan: Plan): PlanGap[] {
  return GAP_RULES.filter((rule) => rule.applies(plan)).map(({ id, message, principle, step }) => ({
    id,
    message,
    principle,
    step,
  }));
}
