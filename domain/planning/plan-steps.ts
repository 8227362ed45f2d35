/**
 * The planning conversation as data: one entry per step card. The order and questions follow the
 * 11-step engagement planning guide (seed 002, Haringey & Islington CCGs) and the "before" checklist
 * of "Working with Involvement Partners" (seed 004, Nottinghamshire Healthcare). Guidance is short
 * and in plain English: a busy colleague reads it on a phone.
 */

import { COMMISSIONING_BUDGET_AND_PARTNERS_STEPS } from './plan-steps/commissioning-budget-and-partners.js';
import { PURPOSE_AND_PEOPLE_STEPS } from './plan-steps/purpose-and-people.js';
import { STEP_KEYS, type ChoiceField, type PlanStep, type StepKey } from './plan-steps/step-types.js';
import { TIMING_SAY_AND_FEEDBACK_STEPS } from './plan-steps/timing-say-and-feedback.js';

export type {
  Choice,
  ChoiceField,
  DateField,
  NumberField,
  PlanStep,
  StepField,
  StepKey,
  TextField,
} from './plan-steps/step-types.js';
export { STEP_KEYS } from './plan-steps/step-types.js';
export { INCLUSION_GROUPS, PROTECTED_CHARACTERISTICS } from './plan-steps/choices.js';

/** The steps in the order of STEP_KEYS (the guide's order). */
export const PLAN_STEPS: readonly PlanStep[] = [
  ...PURPOSE_AND_PEOPLE_STEPS,
  ...TIMING_SAY_AND_FEEDBACK_STEPS,
  ...COMMISSIONING_BUDGET_AND_PARTNERS_STEPS,
];

export const STEP_COUNT = PLAN_STEPS.length;

export function stepFor(key: StepKey): PlanStep {
  return PLAN_STEPS.find((step) => step.key === key)!;
}

export function stepNumber(key: StepKey): number {
  return STEP_KEYS.indexOf(key) + 1;
}

export function nextStepKey(key: StepKey): StepKey | undefined {
  return STEP_KEYS[STEP_KEYS.indexOf(key) + 1];
}

export function previousStepKey(key: StepKey): StepKey | undefined {
  const index = STEP_KEYS.indexOf(key);
  return index > 0 ? STEP_KEYS[index - 1] : undefined;
}

export function choiceTitle(field: ChoiceField, value: string): string {
  return field.choices.find((choice) => choice.value === value)?.title ?? value;
}
