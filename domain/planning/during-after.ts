import { z } from 'zod';
import { inputProblems } from '../schema-problems.js';
import type { FieldProblem } from '../errors.js';
import {
  CHECK_IN_ANSWERS,
  EVALUATION_RATINGS,
  SESSION_FORMATS,
  type EvaluationRating,
  type Plan,
  type PlanOutcome,
  type PlanSession,
  type YouSaidWeDid,
} from './plan.js';

/**
 * Checks for the "during" (session) and "after" (outcome) cards. Same rules as the step cards:
 * every value may be missing, of the wrong type, huge or invented, and problems are reported next
 * to the input they belong to.
 */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: FieldProblem[] };

export const YOU_SAID_PAIRS = 3;
export const MAX_PARTNERS_PER_SESSION = 50;

const blankToUndefined = (value: unknown) =>
  value === undefined || value === null || value === '' ? undefined : value;
const text = (max: number, required = false) =>
  z.preprocess(
    (value) => blankToUndefined(value) ?? '',
    z
      .string({ error: 'Please type your answer as text.' })
      .transform((value) => value.trim())
      .pipe(
        z
          .string()
          .max(max, { error: `Please keep this to ${max.toLocaleString('en-GB')} characters or fewer.` })
          .refine((value) => !required || value.length > 0, { error: 'Please fill this in.' }),
      ),
  );
const oneOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: message }));
const optionalOneOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: message }).optional());
const idList = z.preprocess(
  (value) =>
    blankToUndefined(value) === undefined
      ? []
      : typeof value === 'string'
        ? value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean)
        : value,
  z
    .array(z.string().min(1).max(100), { error: 'Please choose people from the list.' })
    .max(MAX_PARTNERS_PER_SESSION, { error: `Please choose ${MAX_PARTNERS_PER_SESSION} people or fewer.` })
    .transform((ids) => [...new Set(ids)]),
);

function sessionSchema(today: Date) {
  const latest = today.toISOString().slice(0, 10);
  return z.object({
    date: z.preprocess(
      blankToUndefined,
      z
        .string({ error: 'Please give the date of the session.' })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Please give the date of the session.' })
        .refine((value) => !Number.isNaN(Date.parse(value)) && value >= '2000-01-01', {
          error: 'Please give a real date.',
        })
        .refine((value) => value <= latest, {
          error: 'Please log sessions once they have happened: this date is in the future.',
        }),
    ),
    durationMinutes: z.preprocess(
      (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : blankToUndefined(value)),
      z
        .number({ error: 'Please give the length in minutes, for example 90.' })
        .int({ error: 'Please give whole minutes.' })
        .min(5, { error: 'Please give at least 5 minutes.' })
        .max(720, { error: 'Please give 720 minutes (12 hours) or fewer. Log longer work as more than one session.' }),
    ),
    format: oneOf(SESSION_FORMATS, 'Please choose how the session was held.'),
    partnerIds: idList,
    howItWent: text(2000),
    checkIn: oneOf(CHECK_IN_ANSWERS, 'Please say whether everyone felt engaged and heard.'),
    checkInNotes: text(1000),
  });
}

export function parseSession(
  submitted: Readonly<Record<string, unknown>>,
  today: Date,
): Parsed<Omit<PlanSession, 'id' | 'loggedAt'>> {
  const result = sessionSchema(today).safeParse(submitted);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: inputProblems(result.error) };
}

const outcomeSchema = z.object({
  decisions: text(2000, true),
  feedbackHow: text(1000),
  feedbackTo: text(300),
  thankPartners: z.preprocess(
    (value) => blankToUndefined(value) ?? 'false',
    z.enum(['true', 'false'], { error: 'Please tick or untick the box.' }),
  ),
  rating: optionalOneOf(EVALUATION_RATINGS, 'Please choose from the options shown.'),
  evaluationComment: text(1000),
  ...Object.fromEntries(
    Array.from({ length: YOU_SAID_PAIRS }, (_, index) => [
      [`youSaid${index + 1}`, text(1000)],
      [`weDid${index + 1}`, text(1000)],
      [
        `session${index + 1}`,
        z.preprocess(
          (value) => blankToUndefined(value) ?? '',
          z
            .string({ error: 'Please choose from the sessions shown.' })
            .max(100, { error: 'Please choose from the sessions shown.' }),
        ),
      ],
    ]).flat(),
  ),
});

export function parseOutcome(
  submitted: Readonly<Record<string, unknown>>,
  plan: Plan,
): Parsed<Omit<PlanOutcome, 'recordedAt'>> {
  const result = outcomeSchema.safeParse(submitted);
  if (!result.success) return { ok: false, problems: inputProblems(result.error) };
  const values = result.data as Record<string, string>;
  const problems: FieldProblem[] = [];
  const sessionIds = new Set(plan.sessions.map((session) => session.id));
  const youSaidWeDid: YouSaidWeDid[] = [];
  for (let index = 1; index <= YOU_SAID_PAIRS; index += 1) {
    const youSaid = values[`youSaid${index}`] ?? '';
    const weDid = values[`weDid${index}`] ?? '';
    const sessionId = values[`session${index}`] ?? '';
    if (sessionId && !sessionIds.has(sessionId))
      problems.push({ field: `session${index}`, message: 'Please choose from the sessions shown.' });
    if (youSaid && !weDid)
      problems.push({ field: `weDid${index}`, message: 'Please say what you did about it, or what happens next.' });
    if (weDid && !youSaid) problems.push({ field: `youSaid${index}`, message: 'Please say what people told you.' });
    if (youSaid && weDid) youSaidWeDid.push({ youSaid, weDid, sessionId: sessionId || undefined });
  }
  if (problems.length > 0) return { ok: false, problems };
  const partnerIds = [...new Set(plan.sessions.flatMap((session) => session.partnerIds))];
  const thanked = values.thankPartners === 'true' ? partnerIds : [];
  return {
    ok: true,
    value: {
      decisions: values.decisions ?? '',
      youSaidWeDid,
      feedbackHow: values.feedbackHow ?? '',
      feedbackTo: values.feedbackTo ?? '',
      thankedPartnerIds: thanked,
      thankYouMessage: thanked.length > 0 ? thankYouMessage(plan.title, youSaidWeDid) : '',
      evaluation: values.rating
        ? { rating: values.rating as EvaluationRating, comment: values.evaluationComment ?? '' }
        : undefined,
    },
  };
}

/** A thank-you the host can send to the partners involved, saying what changed because of them (seed 004, "After"). */
export function thankYouMessage(title: string, changes: readonly YouSaidWeDid[]): string {
  const lines = [`Thank you for taking part in \u201c${title}\u201d. Your experience and ideas made a difference.`];
  if (changes.length > 0)
    lines.push(
      'Here is what changed because of what you told us:',
      ...changes.map((change) => `You said: ${change.youSaid}. We did: ${change.weDid}.`),
    );
  return lines.join('\n');
}
