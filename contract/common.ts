import { z } from 'zod';

/** Ids in paths: anything else cannot name a record, so it is refused before any store is asked. */
export const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'Not a valid id');

/** Continuation tokens are opaque to the tab; the cap keeps a forged one from reaching the database. */
export const continuationSchema = z.string().max(4000);

/** One page of a list; `continuation` asks for the next page and is absent on the last. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly continuation?: string | undefined;
}

export interface FieldProblem {
  /** The field's path in the request (`emergencyContact.phone`), or `form`. */
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details: every failure's shape, with a plain-English title and detail. */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors?: readonly FieldProblem[];
}
