import {
  card,
  container,
  heading,
  paragraph,
  bulletList,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../cards/adaptive-card.js';
import { problemSummary, stepFieldInput } from '../cards/inputs.js';
import type { FieldProblem } from '../../domain/errors.js';
import { STEP_COUNT, stepNumber, type PlanStep } from '../../domain/planning/plan-steps.js';
import { PLAN_VERBS } from './planning-verbs.js';

export interface PlanStepCardInput {
  readonly step: PlanStep;
  /** Absent until the first step has been saved. */
  readonly planId?: string | undefined;
  readonly planTitle?: string | undefined;
  readonly revision: number;
  /** Identifies this first card, so a retried first save does not create two plans. */
  readonly op?: string | undefined;
  /** "edit" when changing one answer from the summary: Save returns to the summary. */
  readonly mode: 'walk' | 'edit';
  readonly values: Readonly<Record<string, string>>;
  readonly problems?: readonly FieldProblem[] | undefined;
  /** Shown at the top, e.g. why an out-of-date card was replaced by this one. */
  readonly notice?: string | undefined;
  /** Ideas matched to the groups the host chose (methods step). */
  readonly suggestions?: readonly string[] | undefined;
  /** Directory organisations that reach the groups the host chose (partners step), and the groups none reach. */
  readonly organisations?: { readonly lines: readonly string[]; readonly missing: readonly string[] } | undefined;
}

/** One step of the planning guide: progress, short guidance, the questions, and Next / Back / Skip / Save and exit. */
export function planStepCard(input: PlanStepCardInput): AdaptiveCard {
  const number = stepNumber(input.step.key);
  const progress = `Step ${number} of ${STEP_COUNT}${input.planTitle ? ` \u00b7 ${input.planTitle}` : ''}`;
  const body: CardElement[] = [
    paragraph(progress, { subtle: true }),
    heading(input.step.title),
    ...(input.notice ? [container([paragraph(input.notice)], { style: 'warning' })] : []),
    container(
      input.step.guidance.map((text) => paragraph(text)),
      { style: 'emphasis' },
    ),
    ...suggestionBlock(input.suggestions),
    ...organisationBlock(input.organisations),
    ...problemSummary(input.problems),
    ...input.step.fields.flatMap((field) => stepFieldInput(field, input.values[field.id], input.problems)),
  ];
  return card(body, actionsFor(input, number), { fallbackText: `${progress}: ${input.step.title}` });
}

function suggestionBlock(suggestions: readonly string[] | undefined): CardElement[] {
  if (!suggestions || suggestions.length === 0) return [];
  return [container([paragraph('Ideas for the groups you chose', { color: 'Accent' }), bulletList(suggestions)])];
}

function organisationBlock(organisations: PlanStepCardInput['organisations']): CardElement[] {
  if (!organisations) return [];
  return [
    container([
      paragraph('Organisations that reach the groups you chose', { color: 'Accent' }),
      ...(organisations.lines.length > 0 ? [bulletList(organisations.lines)] : []),
      ...(organisations.missing.length > 0
        ? [
            paragraph(
              `The directory has no organisation yet for: ${organisations.missing.join('; ')}. The IEV team may know one: ask them for help from your plan.`,
            ),
          ]
        : []),
      paragraph('From the IEV team\u2019s community organisations directory.', { subtle: true }),
    ]),
  ];
}

function actionsFor(input: PlanStepCardInput, number: number): CardAction[] {
  const data = {
    step: input.step.key,
    revision: input.revision,
    mode: input.mode,
    ...(input.planId ? { planId: input.planId } : {}),
    ...(input.op ? { op: input.op } : {}),
  };
  // Editing one answer happens from the summary, so the plan exists.
  if (input.mode === 'edit' && input.planId) {
    return [
      PLAN_VERBS.next.action('Save and go back to my plan', data, { style: 'positive' }),
      PLAN_VERBS.summary.action(
        'Cancel',
        { planId: input.planId, revision: input.revision },
        { associatedInputs: 'none' },
      ),
    ];
  }
  const last = number === STEP_COUNT;
  return [
    PLAN_VERBS.next.action(last ? 'Finish and see my plan' : 'Next', data, { style: 'positive' }),
    ...(number > 1 ? [PLAN_VERBS.back.action('Back', data, { associatedInputs: 'none' })] : []),
    ...(input.planId ? [PLAN_VERBS.skip.action('Skip', data, { associatedInputs: 'none' })] : []),
    PLAN_VERBS.exit.action('Save and exit', data),
  ];
}
