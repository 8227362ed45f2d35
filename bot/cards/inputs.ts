import { fieldError, type CardElement } from './adaptive-card.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Choice, StepField } from '../../domain/planning/plan-steps.js';

/**
 * The one way every card builds its inputs. Every input has a visible label (screen readers and Teams
 * both need it); a problem found on the server (`FieldProblem`, the one error shape of every card)
 * appears right under the input it belongs to, and the person's answer stays in the box.
 */
export interface InputOptions {
  readonly value?: string | undefined;
  readonly problems?: readonly FieldProblem[] | undefined;
  readonly required?: boolean | undefined;
  /** What Teams says when a required input is left empty; each input kind has a plain default. */
  readonly errorMessage?: string | undefined;
}

/** The first problem reported for an input, if any. */
export function problemFor(problems: readonly FieldProblem[] | undefined, field: string): FieldProblem | undefined {
  return problems?.find((item) => item.field === field);
}

function required(options: InputOptions, fallback: string): { isRequired?: true; errorMessage?: string } {
  return options.required ? { isRequired: true, errorMessage: options.errorMessage ?? fallback } : {};
}

function withProblem(input: CardElement, id: string, problems: readonly FieldProblem[] | undefined): CardElement[] {
  const problem = problemFor(problems, id);
  return problem ? [input, fieldError(id, problem.message)] : [input];
}

export function textInput(
  id: string,
  label: string,
  options: InputOptions & { maxLength: number; multiline?: boolean | undefined; placeholder?: string | undefined },
): CardElement[] {
  return withProblem(
    {
      type: 'Input.Text',
      id,
      label,
      maxLength: options.maxLength,
      ...(options.multiline ? { isMultiline: true } : {}),
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      ...(options.value ? { value: options.value } : {}),
      ...required(options, 'Please fill this in.'),
    },
    id,
    options.problems,
  );
}

export function choiceInput(
  id: string,
  label: string,
  choices: readonly Choice[],
  options: InputOptions & { multiple?: boolean | undefined; compact?: boolean | undefined },
): CardElement[] {
  return withProblem(
    {
      type: 'Input.ChoiceSet',
      id,
      label,
      choices: choices.map((choice) => ({ title: choice.title, value: choice.value })),
      style: options.compact ? 'compact' : 'expanded',
      ...(options.multiple ? { isMultiSelect: true } : {}),
      ...(options.value ? { value: options.value } : {}),
      ...required(options, 'Please choose.'),
    },
    id,
    options.problems,
  );
}

export function numberInput(
  id: string,
  label: string,
  options: InputOptions & { min: number; max: number; placeholder?: string | undefined },
): CardElement[] {
  const value =
    options.value !== undefined && options.value !== '' && Number.isFinite(Number(options.value))
      ? Number(options.value)
      : undefined;
  return withProblem(
    {
      type: 'Input.Number',
      id,
      label,
      min: options.min,
      max: options.max,
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      ...(value !== undefined ? { value } : {}),
      ...required(options, 'Please enter a number.'),
    },
    id,
    options.problems,
  );
}

export function dateInput(
  id: string,
  label: string,
  options: InputOptions & { max?: string | undefined },
): CardElement[] {
  return withProblem(
    {
      type: 'Input.Date',
      id,
      label,
      ...(options.max ? { max: options.max } : {}),
      ...(options.value && /^\d{4}-\d{2}-\d{2}$/.test(options.value) ? { value: options.value } : {}),
      ...required(options, 'Please choose a date.'),
    },
    id,
    options.problems,
  );
}

export function toggleInput(id: string, label: string, title: string, options: InputOptions): CardElement[] {
  return withProblem(
    {
      type: 'Input.Toggle',
      id,
      label,
      title,
      value: options.value === 'true' ? 'true' : 'false',
      valueOn: 'true',
      valueOff: 'false',
      ...required(options, 'Please tick this.'),
    },
    id,
    options.problems,
  );
}

/** The input for one field of the step table. */
export function stepFieldInput(
  field: StepField,
  value: string | undefined,
  problems: readonly FieldProblem[] | undefined,
): CardElement[] {
  const common = { value, problems, required: field.required };
  if (field.kind === 'text')
    return textInput(field.id, field.label, {
      ...common,
      maxLength: field.maxLength,
      multiline: field.multiline,
      placeholder: field.placeholder,
    });
  if (field.kind === 'choice')
    return choiceInput(field.id, field.label, field.choices, {
      ...common,
      multiple: field.multiple,
      compact: field.compact,
    });
  if (field.kind === 'date') return dateInput(field.id, field.label, common);
  return numberInput(field.id, field.label, {
    ...common,
    min: field.min,
    max: field.max,
    placeholder: field.placeholder,
  });
}

/** A short note at the top of a card whose answers were refused, so people know to look below. */
export function problemSummary(problems: readonly FieldProblem[] | undefined): CardElement[] {
  if (!problems || problems.length === 0) return [];
  const count = problems.length === 1 ? 'one answer' : `${problems.length} answers`;
  return [
    {
      type: 'TextBlock',
      text: `Nothing was saved yet. Please check ${count} marked below, then try again.`,
      wrap: true,
      color: 'Attention',
      weight: 'Bolder',
    },
  ];
}

/**
 * Card inputs to show again after a refused submission: only known inputs, only strings, cut to the
 * input's own limit (a forged huge value is not echoed back into a card).
 */
export function keptValues(
  data: Readonly<Record<string, unknown>>,
  limits: Readonly<Record<string, number>>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, limit] of Object.entries(limits)) {
    const value = data[key];
    if (typeof value === 'string') kept[key] = value.slice(0, limit);
    else if (typeof value === 'number' && Number.isFinite(value)) kept[key] = String(value);
  }
  return kept;
}
