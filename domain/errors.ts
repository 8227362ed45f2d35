/**
 * Typed failures the domain can report. Each edge maps them once: the bot to a card with a
 * plain-English message, the HTTP API to a problem+json response.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'not-found' | 'conflict' | 'forbidden' | 'invalid' | 'unavailable';
  /** Safe to show to the person who caused it. Never contains personal data of anyone else. */
  readonly userMessage: string;
  constructor(userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.userMessage = userMessage;
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

/** Someone else changed the record first (optimistic concurrency), or the move is no longer legal. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/**
 * A conditional write found the record changed since it was read (its etag no longer matches):
 * reading again and redoing the change may succeed (`retryOnConflict`). Other conflicts are rules.
 */
export class StaleVersionError extends ConflictError {}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

export interface FieldProblem {
  /** The input id or field path the problem belongs to. */
  readonly field: string;
  readonly message: string;
}

export class ValidationError extends DomainError {
  readonly kind = 'invalid';
  constructor(
    userMessage: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(userMessage);
  }
}

/** The database or another dependency could not be reached; we do not know whether a write happened. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
}
