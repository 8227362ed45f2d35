import type { ZodError } from 'zod';
import { itemInputSchema, type ItemInput, type ItemKind } from '../../domain/claims/claim.js';
import { parsePounds } from '../../domain/claims/money.js';
import { ValidationError } from '../../domain/errors.js';

/** Card inputs arrive as strings; this turns them into a checked item, or errors keyed by input id. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: Record<string, string> };

const ITEM_KINDS: readonly ItemKind[] = ['mileage', 'fare', 'taxi', 'parking', 'care', 'subsistence', 'involvement-time'];

export function itemKindOf(value: unknown): ItemKind | undefined {
  return ITEM_KINDS.find((kind) => kind === value);
}

export function parseItem(kind: ItemKind, data: Readonly<Record<string, unknown>>): Parsed<ItemInput> {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key]).trim() : typeof data[key] === 'number' ? String(data[key]) : '');
  const number = (key: string) => (text(key) === '' ? undefined : Number(text(key)));
  const errors: Record<string, string> = {};
  let amountPence: number | undefined;
  if ('amount' in data || !['mileage', 'involvement-time'].includes(kind)) {
    amountPence = parsePounds(text('amount'));
    if (amountPence === undefined) errors.amount = 'Enter an amount in pounds and pence, for example 4.50';
  }
  const candidate = {
    kind,
    date: text('date'),
    vehicle: text('vehicle') || undefined,
    from: text('from'),
    to: text('to'),
    miles: number('miles'),
    passengers: number('passengers') ?? 0,
    mode: text('mode') || undefined,
    description: text('description'),
    priorAgreement: text('priorAgreement') || undefined,
    careType: text('careType') || undefined,
    levelId: text('levelId'),
    hours: number('hours'),
    amountPence,
  };
  const parsed = itemInputSchema.safeParse(candidate);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error, { amountPence: 'amount' }), { ...errors });
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** First message per field, keyed by card input id. */
export function fieldErrors(error: ZodError, rename: Readonly<Record<string, string>> = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    const id = rename[field] ?? field;
    errors[id] ??= issue.message;
  }
  return errors;
}

/** Field problems from a domain ValidationError, keyed by input id. */
export function problemsOf(error: ValidationError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of error.problems) errors[problem.field] ??= problem.message;
  if (Object.keys(errors).length === 0) errors.form = error.userMessage;
  return errors;
}

/** Only the string inputs a card sent back, to redisplay them. */
export function keptValues(data: Readonly<Record<string, unknown>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) if (typeof value === 'string' && key !== 'verb' && key !== 'claimId') values[key] = value.slice(0, 1000);
  return values;
}

export function idFrom(data: Readonly<Record<string, unknown>>, key: string): string {
  const value = data[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw new ValidationError('That button is out of date. Type \u201cclaim expenses\u201d to start again.');
  return value;
}
