import { StaleVersionError } from './errors.js';
import type { Versioned } from './ports.js';

/** How many times one read-change-replace is tried before a conflict is reported: one policy for every record. */
export const CONFLICT_ATTEMPTS = 5;

/**
 * Optimistic concurrency, written once. `attempt` reads the latest version of a record, decides, and
 * writes conditionally on the etag it read; when another write landed first (StaleVersionError, also
 * `StalePlanError`) it runs again on a fresh read, up to CONFLICT_ATTEMPTS times, after which the
 * conflict reaches the caller. A rule's ConflictError ("already sent") is not retried: it reaches the
 * person at once. `attempt` is told which try this is (from 1), so a caller that already
 * holds a fresh copy can use it on the first try and re-read only after a conflict.
 */
export async function retryOnConflict<R>(attempt: (tryNumber: number) => Promise<R>): Promise<R> {
  for (let tryNumber = 1; ; tryNumber += 1) {
    try {
      return await attempt(tryNumber);
    } catch (error) {
      if (!(error instanceof StaleVersionError) || tryNumber >= CONFLICT_ATTEMPTS) throw error;
    }
  }
}

/** A record as read, without its etag: what a replace writes back (the etag goes in the condition, not the body). */
export function withoutVersion<T extends object>(record: Versioned<T>): T {
  const { _etag: _version, ...stored } = record;
  return stored as unknown as T;
}
