import { z } from 'zod';
import { schemaProblems } from '../schema-problems.js';
import type { FieldProblem } from '../errors.js';
import type { AnswerValue, StepAnswers } from './plan.js';
import type { ChoiceField, DateField, NumberField, PlanStep, StepField, TextField } from './plan-steps.js';

/**
 * Turns what a card sent for one step into answers, or into problems next to each input. Cards are
 * user-controlled input: values may be missing, of the wrong type, huge, or invented, so every field
 * is checked against the step table here, on the server. Only the step's own fields are read.
 */
export type ParsedStep =
  { readonly ok: true; readonly answers: StepAnswers } | { readonly ok: false; readonly problems: FieldProblem[] };

const absent = (value: unknown): boolean => value === undefined || value === null || value === '';

function textSchema(field: TextField) {
  return z.preprocess(
    (value) => (absent(value) ? '' : value),
    z
      .string({ error: 'Please type your answer as text.' })
      .transform((text) => text.replace(/\r\n/g, '\n').trim())
      .pipe(
        z
          .string()
          .max(field.maxLength, {
            error: `Please keep this to ${field.maxLength.toLocaleString('en-GB')} characters or fewer.`,
          })
          .refine((text) => !field.required || text.length > 0, {
            error: 'Please fill this in. It is needed to make a plan.',
          }),
      ),
  );
}

/** Teams sends a multi-select ChoiceSet as "a,b,c"; other clients may send an array. */
function choiceSchema(field: ChoiceField) {
  const allowed = new Set(field.choices.map((choice) => choice.value));
  const unknownChoice = { error: 'Please choose from the options shown.' };
  if (field.multiple) {
    return z.preprocess(
      (value) =>
        absent(value)
          ? []
          : typeof value === 'string'
            ? value
                .split(',')
                .map((item) => item.trim())
                .filter(Boolean)
            : value,
      z
        .array(z.string(unknownChoice), unknownChoice)
        .max(field.choices.length, unknownChoice)
        .refine((values) => values.every((value) => allowed.has(value)), unknownChoice)
        .transform((values) => [...new Set(values)])
        .refine((values) => !field.required || values.length > 0, { error: 'Please choose at least one.' }),
    );
  }
  return z.preprocess(
    (value) => (absent(value) ? '' : value),
    z
      .string(unknownChoice)
      .refine((value) => value === '' || allowed.has(value), unknownChoice)
      .refine((value) => !field.required || value !== '', { error: 'Please choose one.' }),
  );
}

function numberSchema(field: NumberField) {
  const message = { error: `Please enter a whole number from ${field.min} to ${field.max.toLocaleString('en-GB')}.` };
  return z.preprocess(
    (value) => {
      if (absent(value)) return undefined;
      if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value.replace(/[,£]/g, '')))
        return Number(value.replace(/[,£]/g, ''));
      return value;
    },
    z
      .number(message)
      .int(message)
      .min(field.min, message)
      .max(field.max, message)
      .optional()
      .refine((value) => !field.required || value !== undefined, { error: 'Please enter a number.' }),
  );
}

function dateSchema(field: DateField) {
  const message = { error: 'Please choose a date, for example 2026-03-01.' };
  return z.preprocess(
    (value) => (absent(value) ? undefined : value),
    z.iso
      .date(message)
      .optional()
      .refine((value) => !field.required || value !== undefined, message),
  );
}

function schemaFor(field: StepField) {
  if (field.kind === 'text') return textSchema(field);
  if (field.kind === 'choice') return choiceSchema(field);
  if (field.kind === 'date') return dateSchema(field);
  return numberSchema(field);
}

export function parseStepAnswers(step: PlanStep, submitted: Readonly<Record<string, unknown>>): ParsedStep {
  const answers: Record<string, AnswerValue> = {};
  const problems: FieldProblem[] = [];
  for (const field of step.fields) {
    const result = schemaFor(field).safeParse(submitted[field.id]);
    if (!result.success) {
      problems.push({
        field: field.id,
        message: schemaProblems(result.error)[0]?.message ?? 'Please check this answer.',
      });
      continue;
    }
    const value = result.data as AnswerValue | undefined;
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    answers[field.id] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/**
 * What to show again in the inputs after a refused submission: the person's own answers, kept, but
 * trimmed to what the input allows (a forged 50 KB string is not echoed back into a card).
 */
export function valuesToShow(step: PlanStep, submitted: Readonly<Record<string, unknown>>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const field of step.fields) {
    const raw = submitted[field.id];
    if (typeof raw === 'number' && field.kind === 'number') shown[field.id] = String(raw);
    if (typeof raw !== 'string') continue;
    if (field.kind === 'text') shown[field.id] = raw.slice(0, field.maxLength);
    else if (field.kind === 'number') shown[field.id] = raw.slice(0, 12);
    else if (field.kind === 'date') shown[field.id] = raw.slice(0, 10);
    else {
      const allowed = new Set(field.choices.map((choice) => choice.value));
      shown[field.id] = raw
        .split(',')
        .filter((value) => allowed.has(value))
        .join(',');
    }
  }
  return shown;
}

/** Stored answers as input values for a card. */
export function answersToValues(answers: StepAnswers | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [id, value] of Object.entries(answers ?? {}))
    values[id] = Array.isArray(value) ? value.join(',') : String(value);
  return values;
}
