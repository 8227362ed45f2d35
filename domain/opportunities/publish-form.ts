import { z } from 'zod';
import type { FieldProblem } from '../errors.js';
import { ValidationError } from '../errors.js';
import { schemaProblems } from '../schema-problems.js';
import type { Plan } from '../planning/plan.js';
import { LIVED_EXPERIENCE } from '../register/service-areas.js';
import { ACCESS_KEYS, OPPORTUNITY_FORMATS, OPPORTUNITY_KINDS, type AccessArrangement } from './opportunity.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((value) => value || undefined);
const list = (max: number) =>
  z
    .union([z.array(text(80)), z.string().max(2000)])
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : (value ?? '').split(','))
        .map((item) => item.trim())
        .filter(Boolean)
        .slice(0, max),
    );

/**
 * What a host fills in to publish an opportunity, from the bot's card or the tab's form (one schema for both,
 * with the messages each input shows). Card inputs arrive as strings, so booleans and numbers are coerced.
 */
export const publishFormSchema = z.object({
  planId: text(100).min(1, 'Choose the plan this opportunity is for.'),
  /** The form's own id: publishing it again (a retry, a double press) publishes it once. */
  operationId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'This form is out of date. Please open it again.'),
  kind: z.enum(OPPORTUNITY_KINDS, { message: 'Choose what kind of opportunity it is.' }),
  role: optionalText(120),
  title: text(120).min(1, 'Give the opportunity a short title.'),
  what: text(2000).min(1, 'Say what it is and what people will do.'),
  date: z.string().regex(DAY, 'Give the date it happens.'),
  time: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time as HH:MM, for example 10:30.')
        .optional(),
    ),
  format: z.enum(OPPORTUNITY_FORMATS, { message: 'Choose in person, online, or either.' }),
  place: optionalText(300),
  access: list(ACCESS_KEYS.length).pipe(
    z.array(z.enum(ACCESS_KEYS as [AccessArrangement, ...AccessArrangement[]], { message: 'Choose from the list.' })),
  ),
  accessNotes: optionalText(500),
  expensesPaid: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((value) => value === true || value === 'true'),
  payment: optionalText(200),
  places: z.coerce
    .number({ message: 'Say how many people you need.' })
    .int('Give a whole number.')
    .min(1, 'At least 1.')
    .max(100, 'At most 100.'),
  closesOn: z.string().regex(DAY, 'Give the last day people can say they are interested.'),
  interests: list(10),
  livedExperience: list(LIVED_EXPERIENCE.length),
});

export type PublishForm = z.infer<typeof publishFormSchema>;

/** The form checked: its schema, then the rules between its answers. ValidationError lists each problem under its input. */
export function parsePublishForm(values: unknown, today: string): PublishForm {
  const parsed = publishFormSchema.safeParse(values);
  const problems: FieldProblem[] = parsed.success
    ? []
    : schemaProblems(parsed.error).map((problem) => ({ ...problem, field: problem.field.split('.')[0] ?? 'form' }));
  if (parsed.success) {
    const form = parsed.data;
    if (form.date < today) problems.push({ field: 'date', message: 'The date has passed. Give a date from today.' });
    if (form.closesOn < today)
      problems.push({ field: 'closesOn', message: 'The closing date has passed. Give a date from today.' });
    else if (form.closesOn > form.date)
      problems.push({ field: 'closesOn', message: 'Close it on or before the day it happens.' });
    if (form.format !== 'online' && !form.place)
      problems.push({ field: 'place', message: 'Say where it happens (or choose online).' });
    if (form.kind === 'interview-panel' && !form.role)
      problems.push({ field: 'role', message: 'Say which role the panel is interviewing for.' });
    if (form.livedExperience.some((kind) => !(LIVED_EXPERIENCE as readonly string[]).includes(kind)))
      problems.push({ field: 'livedExperience', message: 'Choose from the list.' });
    if (problems.length === 0) return form;
  }
  throw new ValidationError('Check the opportunity: some answers need changing.', dedupe(problems));
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => !seen.has(problem.field) && seen.add(problem.field));
}

const DAY_MS = 86_400_000;

/**
 * The form filled in from the plan, for the host to check: the title and purpose, the first session's date
 * (closing a week before it, or in two weeks), where, how many partners and what lived experience the plan
 * asked for, and whether it offers expenses and payments.
 */
export function formFromPlan(plan: Plan, now: Date): Omit<PublishForm, 'operationId'> {
  const answers = plan.answers;
  const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
  const first = textOf(answers.timing?.firstSession).slice(0, 10);
  const date = DAY.test(first) && first >= day(now) ? first : day(new Date(now.getTime() + 28 * DAY_MS));
  const closes = day(new Date(Math.max(now.getTime(), Date.parse(`${date}T12:00:00Z`) - 7 * DAY_MS)));
  const count = Number(answers.involvementPartners?.partnerCount);
  const livedText = textOf(answers.involvementPartners?.livedExperience).toLowerCase();
  const methods = answers.methods?.methods;
  const online = Array.isArray(methods) && methods.some((method) => /online/.test(String(method)));
  return {
    planId: plan.id,
    kind: 'involvement',
    title: plan.title.slice(0, 120),
    what: textOf(answers.purpose?.purpose).slice(0, 2000),
    date,
    format: online ? 'hybrid' : 'in-person',
    place: textOf(answers.timing?.whenWhere).slice(0, 300) || undefined,
    access: ['step-free', 'quiet-space', 'carer-welcome'] as AccessArrangement[],
    expensesPaid: answers.budget?.expensesOffered !== 'no',
    payment: answers.budget?.involvementPayments === 'yes' ? 'An involvement payment for your time' : undefined,
    role: undefined,
    time: undefined,
    accessNotes: undefined,
    places: Number.isInteger(count) && count >= 1 ? Math.min(count, 100) : 4,
    closesOn: closes < date ? closes : date,
    interests: [],
    livedExperience: LIVED_EXPERIENCE.filter((kind) => livedText.includes(kind.toLowerCase())),
  };
}

export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
