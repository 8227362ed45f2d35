import type { ZodError } from 'zod';
import { itemInputSchema, type ItemInput, type ItemKind } from '../../domain/claims/claim.js';
import { parsePounds } from '../../domain/claims/money.js';
import type { FieldProblem, ValidationError } from '../../domain/errors.js';

/** Card inputs arrive as strings; this turns them into a checked item, or problems keyed by input id. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

export function parseItem(kind: ItemKind, data: Readonly<Record<string, unknown>>): Parsed<ItemInput> {
  const text = (key: string) =>
    typeof data[key] === 'string' ? data[key].trim() : typeof data[key] === 'number' ? String(data[key]) : '';
  const number = (key: string) => (text(key) === '' ? undefined : Number(text(key)));
  const problems: FieldProblem[] = [];
  let amountPence: number | undefined;
  if ('amount' in data || !['mileage', 'involvement-time'].includes(kind)) {
    amountPence = parsePounds(text('amount'));
    if (amountPence === undefined)
      problems.push({ field: 'amount', message: 'Enter an amount in pounds and pence, for example 4.50' });
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
  // The amount's own message (above) comes first: it says how to write pounds and pence.
  if (!parsed.success) problems.push(...fieldProblems(parsed.error, { amountPence: 'amount' }));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}

/** One problem per issue, keyed by card input id. */
function fieldProblems(error: ZodError, rename: Readonly<Record<string, string>> = {}): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? 'form');
    return { field: rename[field] ?? field, message: issue.message };
  });
}

/** Field problems from a domain ValidationError; one for the whole form when it names no field. */
export function problemsOf(error: ValidationError): readonly FieldProblem[] {
  return error.problems.length > 0 ? error.problems : [{ field: 'form', message: error.userMessage }];
}

/** The inputs of each claims card, with the length each may be shown again at (`keptValues`, bot/cards/inputs.ts). */
export const CLAIM_INPUT_LIMITS = {
  start: { partnerSearch: 80, partnerId: 100, workTitle: 150, planId: 200, sessionId: 200 },
  item: {
    date: 10,
    vehicle: 20,
    from: 120,
    to: 120,
    miles: 12,
    passengers: 12,
    mode: 20,
    description: 120,
    priorAgreement: 200,
    careType: 20,
    levelId: 60,
    hours: 12,
    amount: 12,
  },
  submit: { answer: 1000, partnerDeclaration: 10, hostDeclaration: 10 },
  approver: { reason: 500, question: 500 },
} as const satisfies Readonly<Record<string, Readonly<Record<string, number>>>>;
