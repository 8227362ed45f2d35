import { createHash } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Container } from '@azure/cosmos';
import { CosmosRepository, type StoredDocument } from '../storage/repository.js';
import { ConflictError } from '../domain/errors.js';

interface StateDocument extends StoredDocument {
  readonly type: 'bot-state';
  readonly key: string;
  readonly state: Record<string, unknown>;
}

/**
 * Bot Framework conversation and user state in Cosmos, so no server instance holds state of its own.
 * Honours botbuilder's eTag contract: '*' or no eTag writes unconditionally, otherwise the write fails
 * if someone else wrote first.
 */
export class CosmosBotStorage implements Storage {
  private readonly repository: CosmosRepository<StateDocument>;

  constructor(container: Container) {
    this.repository = new CosmosRepository<StateDocument>(container, (document) => document.id, 'conversation state');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const entries = await Promise.all(
      keys.map(async (key) => [key, await this.repository.find(documentId(key), documentId(key))] as const),
    );
    const items: StoreItems = {};
    for (const [key, document] of entries) {
      if (document) items[key] = { ...document.state, eTag: document._etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, value]) => {
        const { eTag, ...state } = (value ?? {}) as Record<string, unknown> & { eTag?: string };
        const document: StateDocument = { id: documentId(key), type: 'bot-state', schemaVersion: 1, key, state };
        if (!eTag || eTag === '*') {
          await this.repository.upsert(document);
          return;
        }
        await this.repository.replace(document, eTag).catch(async (error: unknown) => {
          // A first write carries botbuilder's placeholder eTag for a document that does not exist yet.
          if (error instanceof ConflictError || (error as { kind?: string }).kind !== 'not-found') throw error;
          await this.repository.create(document);
        });
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.repository.delete(documentId(key), documentId(key))));
  }
}

/** Cosmos ids may not contain '/', '\\', '?' or '#', and are at most 255 characters. */
function documentId(key: string): string {
  return `state-${createHash('sha256').update(key).digest('hex')}`;
}
