import type { Request, RequestHandler } from 'restify';
import type { z } from 'zod';
import { jsonBody } from '../server/json-body.js';
import { ValidationError } from '../domain/errors.js';

/** Parses a request part with its schema; failures become a problem response listing each field's message. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  summary = 'Some answers need checking.',
): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || 'form',
    message: issue.message,
  }));
  throw new ValidationError(summary, problems);
}

/** The path parameters the router matched (restify types `req.params` as any); each is still parsed by a schema. */
export function pathParams(req: Request): Readonly<Record<string, string | undefined>> {
  return (req.params ?? {}) as Record<string, string | undefined>;
}

/**
 * The tab's forms are a few kilobytes of JSON (the largest, registering a partner, stays under 60 KB even
 * with every list full). The limit leaves room for a forged form to reach validation and be told which
 * field is wrong; anything larger is refused while it is being read.
 */
export const formBody = (): RequestHandler => jsonBody({ maxBytes: 262_144 });
