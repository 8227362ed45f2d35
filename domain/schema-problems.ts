import { z } from 'zod';
import type { FieldProblem } from './errors.js';

/**
 * Schema problems in words for people, one per field. Our schemas write their own messages where a person
 * needs telling something particular (`z.string().min(1, 'Give a name')`); everything else is zod's default
 * wording ("Invalid input: expected string, received undefined"), which is replaced here by plain words
 * chosen from the kind of problem. Parse with `{ error: plainIssueMessage }` so that zod asks for these words
 * only where a schema gave none; `schemaProblems` also rewords anything still in zod's wording (an error parsed
 * without it), so no caller can show a library's sentence.
 */

/** What a person is told when the whole request is not the form it should be (null, a list, a string). */
export const UNREADABLE_FORM = 'The form could not be read. Please reload the page and try again.';
const UNEXPECTED_FIELDS = 'The form had something it did not expect. Please reload the page and try again.';
const CHECK = 'Check this answer.';

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

/**
 * Zod's per-parse error map (`schema.safeParse(value, { error: plainIssueMessage })`): asked only for issues
 * without a message of their own. Unexpected fields are left to `schemaProblems`, which names each one.
 */
export const plainIssueMessage = (issue: z.core.$ZodRawIssue): string | undefined =>
  issue.code === 'unrecognized_keys' ? undefined : plainWords(issue);

/** The problems of a failed parse, each under its field's path (`emergencyContact.phone`, or `form`), in plain English. */
export function schemaProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    if (!inZodWords(issue.message)) return [{ field: fieldOf(issue.path), message: issue.message }];
    if (issue.code === 'unrecognized_keys') return unexpectedFields(issue.path, issue.keys);
    return [{ field: fieldOf(issue.path), message: plainWords(issue) }];
  });
}

const fieldOf = (path: readonly PropertyKey[]): string => path.map(String).join('.') || 'form';

/** Each field the form should not have sent, under its own name: a few plain names only, since they echo what was sent. */
function unexpectedFields(path: readonly PropertyKey[], keys: readonly string[]): FieldProblem[] {
  const named = keys.length <= 10 && keys.every((key) => /^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(key));
  if (!named) return [{ field: fieldOf(path), message: UNEXPECTED_FIELDS }];
  return keys.map((key) => ({ field: fieldOf([...path, key]), message: UNEXPECTED_FIELDS }));
}

// Every default message of zod's English locale begins so (node_modules/zod/v4/locales/en.js); none of ours does.
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized keys?|Expected)\b/;

function inZodWords(message: string): boolean {
  return ZOD_WORDING.test(message);
}

function plainWords(issue: Issue): string {
  const path = issue.path ?? [];
  if (path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return UNREADABLE_FORM;
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(issue, path);
    case 'invalid_value':
      return choices(issue.values);
    case 'too_big':
      return tooBig(issue.origin, issue.maximum);
    case 'too_small':
      return tooSmall(issue.origin, issue.minimum, path);
    case 'invalid_format':
      return FORMAT_WORDS[issue.format] ?? CHECK;
    case 'unrecognized_keys':
      return UNEXPECTED_FIELDS;
    default:
      return CHECK;
  }
}

function wrongType(issue: Issue & { code: 'invalid_type' }, path: readonly PropertyKey[]): string {
  // Only the raw issue (inside the parse) still holds the value; "received undefined" is zod's word for a missing one.
  const missing = 'input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message ?? '');
  if (missing) return `Fill in ${nameOf(path)}.`;
  if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') return 'Give a number.';
  if (issue.expected === 'boolean') return 'Choose yes or no.';
  if (issue.expected === 'array') return 'Choose from the list.';
  return CHECK;
}

function choices(values: readonly unknown[]): string {
  const words = values.filter((value) => typeof value === 'string' || typeof value === 'number').map(String);
  if (words.length < 2 || words.length > 8) return 'Choose one of the options given.';
  return `Choose one of: ${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function tooBig(origin: string, maximum: number | bigint): string {
  if (origin === 'string') return `This is too long: keep it to ${String(maximum)} characters or fewer.`;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return 'This number is too big.';
  if (origin === 'array' || origin === 'set') return `Choose ${String(maximum)} at most.`;
  if (origin === 'file') return 'This file is too large.';
  return 'This is too long.';
}

function tooSmall(origin: string, minimum: number | bigint, path: readonly PropertyKey[]): string {
  if (origin === 'string') return Number(minimum) <= 1 ? `Fill in ${nameOf(path)}.` : 'This is too short.';
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return 'This number is too small.';
  if (origin === 'array' || origin === 'set')
    return Number(minimum) <= 1 ? 'Choose at least one.' : `Choose at least ${String(minimum)}.`;
  return CHECK;
}

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  date: 'Enter a date, for example 2026-03-01.',
  datetime: 'Enter a date and time.',
  time: 'Enter a time, for example 10:30.',
  email: 'Enter an email address, like name@example.org.',
  url: 'Enter a web address starting with https://.',
};

/** `emergencyContact.phone` → "phone"; `completedOn` → "completed on"; a list's item or the form → "this answer". */
function nameOf(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return 'this answer';
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The same problems for a card's form, whose inputs are flat: each under its input's id (the first part of the
 * path), the first problem of each input only, as a card shows one message under each input.
 */
export function inputProblems(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  return schemaProblems(error).flatMap((problem) => {
    const field = problem.field.split('.')[0] ?? 'form';
    if (seen.has(field)) return [];
    seen.add(field);
    return [{ field, message: problem.message }];
  });
}
