import type { Response } from 'restify';
import { DomainError } from '../domain/errors.js';
import type { Logger } from '../server/logger.js';
import type { Problem } from '../contract/common.js';

/** RFC 9457 problem details (contract/common.ts), thrown where no domain error fits. */
export class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

export const unauthorized = (detail = 'Please sign in again.'): HttpProblem =>
  new HttpProblem({ status: 401, title: 'Not signed in', detail });

const STATUS_BY_KIND = { 'not-found': 404, conflict: 409, forbidden: 403, invalid: 400, unavailable: 503 } as const;
const TITLE_BY_KIND = {
  'not-found': 'Not found',
  conflict: 'Changed by someone else',
  forbidden: 'Not allowed',
  invalid: 'Check your answers',
  unavailable: 'Try again shortly',
} as const;

/** Maps any failure to a problem response, once, at the edge. Unexpected errors never leak detail. */
export function sendProblem(res: Response, error: unknown, logger: Logger): void {
  const problem = toProblem(error, logger);
  // sendRaw: restify has no formatter for application/problem+json and would send octet-stream.
  res.sendRaw(problem.status, JSON.stringify(problem), { 'content-type': 'application/problem+json; charset=utf-8' });
}

export function toProblem(error: unknown, logger: Logger): Problem {
  if (error instanceof HttpProblem) return error.problem;
  if (error instanceof DomainError) {
    const problems =
      'problems' in error ? (error as { problems: ReadonlyArray<{ field: string; message: string }> }).problems : [];
    return {
      status: STATUS_BY_KIND[error.kind],
      title: TITLE_BY_KIND[error.kind],
      detail: error.userMessage,
      ...(problems.length > 0 ? { errors: problems } : {}),
    };
  }
  logger.error(
    { err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) },
    'unexpected API error',
  );
  return {
    status: 500,
    title: 'Something went wrong',
    detail: 'Something went wrong on our side and nothing was changed. Please try again.',
  };
}
