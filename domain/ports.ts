/**
 * What every domain area trades in with its stores, and the small services it is given. Each area
 * declares its own ports beside its rules (`domain/<area>/ports.ts`); `storage/` implements them and
 * `server/` wires them, so the rules can be read, and tested, without a database.
 */

/** Every stored record names its type and the version of its shape, so old records can be migrated on read. */
export interface StoredDocument {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
}

/** A record as read: the etag is the version token a conditional write must match (optimistic concurrency). */
export type Versioned<T> = T & { readonly _etag: string };

export interface Page<T> {
  readonly items: T[];
  /** Opaque; pass back to get the next page. Undefined on the last page. */
  readonly continuation: string | undefined;
}

export interface CreateResult<T> {
  readonly document: Versioned<T>;
  /** False when a record with this id already existed: the write had already happened. */
  readonly created: boolean;
}

/** Feedback about the app itself ("engage on engagement"), kept for the IEV team to read. */
export interface AppFeedback {
  /** The operation id comes from the Teams activity, so a redelivered message is kept once. */
  record(input: { operationId: string; authorId: string; text: string }): Promise<unknown>;
}

/** The time, given to services so tests and retries agree on "now". */
export type Clock = () => Date;

/** Where domain services report what happened. Ids and outcomes only, never personal data. */
export interface DomainLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}
