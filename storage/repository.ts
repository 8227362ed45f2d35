import type { Container, ItemDefinition, SqlQuerySpec } from '@azure/cosmos';
import {
  ConflictError,
  NotFoundError,
  StaleVersionError,
  UnavailableError,
  ValidationError,
} from '../domain/errors.js';
import type { CreateResult, Page, StoredDocument, Versioned } from '../domain/ports.js';

export type { CreateResult, Page, StoredDocument, Versioned };

const SYSTEM_PROPERTIES = ['_rid', '_self', '_ts', '_attachments'] as const;
const TRANSIENT_WRITE_RETRIES = 2;

/**
 * Typed access to one container. Errors come out as domain errors: 404 → NotFoundError,
 * 412 (stale etag) → ConflictError, unreachable → UnavailableError.
 *
 * Writes are idempotent by design: callers give documents stable ids (from a Teams activity id or a
 * client operation id), so a create that is retried after a lost response finds the first copy (409)
 * and reports "already saved" instead of writing a duplicate.
 */
export class CosmosRepository<T extends StoredDocument> {
  constructor(
    protected readonly container: Container,
    private readonly partitionKeyOf: (document: T) => string,
    private readonly describe: string = container.id,
  ) {}

  async find(id: string, partitionKey: string): Promise<Versioned<T> | undefined> {
    try {
      const { resource } = await this.container.item(id, partitionKey).read<T & ItemDefinition>();
      return resource ? clean<T>(resource) : undefined;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw mapError(error, this.describe);
    }
  }

  async get(id: string, partitionKey: string): Promise<Versioned<T>> {
    const found = await this.find(id, partitionKey);
    if (!found) throw new NotFoundError(`That ${this.describe} could not be found. It may have been removed.`);
    return found;
  }

  /** Creates the document, or returns the one already stored under its id. Retries transient failures: safe because the id is stable. */
  async create(document: T): Promise<CreateResult<T>> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { resource } = await this.container.items.create<T & ItemDefinition>(document);
        return { document: clean<T>(resource!), created: true };
      } catch (error) {
        if (statusOf(error) === 409) {
          return { document: await this.get(document.id, this.partitionKeyOf(document)), created: false };
        }
        if (isTransient(error) && attempt < TRANSIENT_WRITE_RETRIES) continue;
        throw mapError(error, this.describe);
      }
    }
  }

  /** Replaces the document only if nobody changed it since `etag` was read. */
  async replace(document: T, etag: string): Promise<Versioned<T>> {
    try {
      const { resource } = await this.container
        .item(document.id, this.partitionKeyOf(document))
        .replace<T & ItemDefinition>(document, { accessCondition: { type: 'IfMatch', condition: etag } });
      return clean<T>(resource!);
    } catch (error) {
      throw mapError(error, this.describe);
    }
  }

  /** Last-writer-wins write, for documents with a single writer (bot state, settings). */
  async upsert(document: T): Promise<Versioned<T>> {
    try {
      const { resource } = await this.container.items.upsert<T & ItemDefinition>(document);
      return clean<T>(resource!);
    } catch (error) {
      throw mapError(error, this.describe);
    }
  }

  async delete(id: string, partitionKey: string, etag?: string): Promise<void> {
    try {
      await this.container
        .item(id, partitionKey)
        .delete(etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined);
    } catch (error) {
      if (statusOf(error) === 404) return;
      throw mapError(error, this.describe);
    }
  }

  /**
   * One page of a query. Paging uses continuation tokens (Cosmos has no cheap OFFSET). The
   * partition filter must be in the WHERE clause: the `partitionKey` option alone is not enough
   * for the local server, and stating it keeps the query honest about its scope.
   */
  async queryPage(
    query: SqlQuerySpec,
    options: { pageSize: number; continuation?: string | undefined; partitionKey?: string },
  ): Promise<Page<Versioned<T>>> {
    try {
      const iterator = this.container.items.query<T & ItemDefinition>(query, {
        maxItemCount: options.pageSize,
        continuationToken: options.continuation,
        ...(options.partitionKey !== undefined ? { partitionKey: options.partitionKey } : {}),
      });
      const response = await iterator.fetchNext();
      return {
        items: response.resources.map((item) => clean<T>(item)),
        continuation: response.continuationToken ?? undefined,
      };
    } catch (error) {
      throw pageError(error, options.continuation, this.describe);
    }
  }

  /** Every result of a query. Only for queries whose result is small by construction. */
  async queryAll(query: SqlQuerySpec, options: { partitionKey?: string } = {}): Promise<Array<Versioned<T>>> {
    try {
      const { resources } = await this.container.items
        .query<T & ItemDefinition>(
          query,
          options.partitionKey !== undefined ? { partitionKey: options.partitionKey } : {},
        )
        .fetchAll();
      return resources.map((item) => clean<T>(item));
    } catch (error) {
      throw mapError(error, this.describe);
    }
  }

  /** Scalar queries such as `SELECT VALUE COUNT(1) ...`. */
  async queryValues<V>(query: SqlQuerySpec): Promise<V[]> {
    try {
      const { resources } = await this.container.items.query<V>(query).fetchAll();
      return resources;
    } catch (error) {
      throw mapError(error, this.describe);
    }
  }
}

function clean<T>(resource: ItemDefinition): Versioned<T> {
  const copy: Record<string, unknown> = { ...resource };
  for (const key of SYSTEM_PROPERTIES) delete copy[key];
  return copy as Versioned<T>;
}

export function statusOf(error: unknown): number | undefined {
  const code =
    (error as { code?: unknown; statusCode?: unknown } | null)?.code ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status === 408 || status === 429 || status === 449 || status === 503) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE' || code === 'ECONNREFUSED';
}

/** A failed page of a query. The token comes back from the caller: one the database cannot read was damaged or forged on the way. */
export function pageError(error: unknown, continuation: string | undefined, describe: string): Error {
  if (continuation !== undefined && statusOf(error) === 400) {
    return new ValidationError('That page of the list is out of date. Please start the list again.', [
      { field: 'continuation', message: 'Start the list again from the first page.' },
    ]);
  }
  return mapError(error, describe);
}

/** A Cosmos failure as a domain error (404 → NotFound, 409/412 → Conflict, unreachable → Unavailable). */
export function mapError(error: unknown, describe: string): Error {
  const status = statusOf(error);
  if (status === 404)
    return new NotFoundError(`That ${describe} could not be found. It may have been removed.`, { cause: error });
  if (status === 412) {
    return new StaleVersionError(
      `Someone else changed this ${describe} at the same time. Please look at the latest version and try again.`,
      { cause: error },
    );
  }
  if (status === 409) {
    return new ConflictError(
      `Someone else changed this ${describe} at the same time. Please look at the latest version and try again.`,
      { cause: error },
    );
  }
  if (isTransient(error) || status === undefined || status >= 500) {
    return new UnavailableError(
      'We could not reach the database just now, so we cannot be sure your change was saved. Please try again in a minute.',
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
