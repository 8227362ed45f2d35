import type { RequestHandler } from 'restify';
import type { z } from 'zod';
import { jsonBody } from '../server/json-body.js';
import { ValidationError } from '../domain/errors.js';
import { plainIssueMessage, schemaProblems } from '../domain/schema-problems.js';

/** Parses a request part with its schema; failures become a problem response listing each field's message in plain words. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  summary = 'Some answers need checking.',
): z.infer<S> {
  const result = schema.safeParse(value ?? {}, { error: plainIssueMessage });
  if (result.success) return result.data;
  throw new ValidationError(summary, schemaProblems(result.error));
}

/**
 * The tab's forms are a few kilobytes of JSON (the largest, registering a partner, stays under 60 KB even
 * with every list full). The limit leaves room for a forged form to reach validation and be told which
 * field is wrong; anything larger is refused while it is being read.
 */
export const formBody = (): RequestHandler => jsonBody({ maxBytes: 262_144 });
