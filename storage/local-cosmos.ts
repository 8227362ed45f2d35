import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Server as HttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CosmosClient } from '@azure/cosmos';

/**
 * The embedded Cosmos-compatible server for local mode and tests (`@vercel/cosmosdb-server`).
 * It speaks the real Cosmos REST protocol over HTTPS, so the app uses the real `@azure/cosmos` SDK.
 *
 * It is a development dependency, loaded lazily so production installs can omit it.
 * The emulator keeps everything in memory; `LocalCosmosPersistence` snapshots it to disk so a
 * normal stop and start of the local app loses nothing.
 */

/** The published, well-known emulator key. The embedded server accepts any key. */
export const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface LocalCosmosServer {
  readonly endpoint: string;
  readonly key: string;
  /** Called after every write the server accepted (used to schedule snapshots). */
  onWrite(listener: () => void): void;
  /** Called for every request as it arrives (benchmarks count what a page asks of the database). */
  onRequest(
    listener: (request: { readonly method: string; readonly path: string; readonly query: boolean }) => void,
  ): void;
  stop(): Promise<void>;
}

export async function startLocalCosmosServer(port = 0): Promise<LocalCosmosServer> {
  const require = createRequire(import.meta.url);
  const { createHttpsServer } = require('@vercel/cosmosdb-server') as {
    createHttpsServer: (options?: { keepAlive?: boolean }) => HttpsServer;
  };
  const server = createHttpsServer({ keepAlive: true });
  server.keepAliveTimeout = 60_000;
  const writeListeners: Array<() => void> = [];
  const requestListeners: Array<(request: { method: string; path: string; query: boolean }) => void> = [];
  const [emulatorHandler] = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  if (!emulatorHandler) throw new Error('The embedded Cosmos server did not register a request handler');
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    for (const listener of requestListeners)
      listener({
        method: req.method ?? 'GET',
        path: req.url ?? '',
        query: Boolean(req.headers['x-ms-documentdb-isquery']),
      });
    // The emulator has no query-plan endpoint and would run every query twice; a quick 400 makes the
    // SDK fall back to planning the query itself, with the same results.
    if (req.headers['x-ms-cosmos-is-query-plan-request']) {
      res.writeHead(400, { 'content-type': 'application/json', 'x-ms-activity-id': 'local' });
      res.end(JSON.stringify({ code: 'BadRequest', message: 'Query plan is not supported by the local server' }));
      return;
    }
    if (isWrite(req)) {
      res.on('finish', () => {
        if (res.statusCode < 300) for (const listener of writeListeners) listener();
      });
    }
    emulatorHandler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${address.port}/`,
    key: EMULATOR_KEY,
    onWrite: (listener) => writeListeners.push(listener),
    onRequest: (listener) => requestListeners.push(listener),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function isWrite(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  return !req.headers['x-ms-documentdb-isquery'];
}

interface Snapshot {
  readonly savedAt: string;
  readonly databases: Array<{
    readonly id: string;
    readonly containers: Array<{
      readonly id: string;
      readonly definition: Record<string, unknown>;
      readonly items: unknown[];
    }>;
  }>;
}

const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_ts', '_attachments'] as const;

/**
 * Saves the whole embedded database to `<dataDir>/cosmos.json` shortly after writes and on stop,
 * and loads it back on start. Writes go to a temporary file first, so a crash never leaves half a file.
 */
export class LocalCosmosPersistence {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(
    private readonly client: CosmosClient,
    dataDir: string,
    private readonly debounceMs = 500,
  ) {
    this.file = join(dataDir, 'cosmos.json');
  }

  async restore(): Promise<number> {
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(await readFile(this.file, 'utf8')) as Snapshot;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw new Error(`Could not read the local database snapshot at ${this.file}`, { cause: error });
    }
    let restored = 0;
    for (const database of snapshot.databases) {
      const { database: db } = await this.client.databases.createIfNotExists({ id: database.id });
      for (const container of database.containers) {
        const { container: target } = await db.containers.createIfNotExists({
          ...container.definition,
          id: container.id,
        });
        for (const item of container.items) {
          await target.items.upsert(item as Record<string, unknown>);
          restored += 1;
        }
      }
    }
    return restored;
  }

  /** Schedules a save; many writes in a burst produce one save. */
  scheduleSave(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save().catch(() => undefined);
    }, this.debounceMs);
    this.timer.unref();
  }

  async save(): Promise<void> {
    const previous = this.saving;
    this.saving = previous.then(() => this.writeSnapshot());
    return this.saving;
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.save();
  }

  private async writeSnapshot(): Promise<void> {
    const snapshot: Snapshot = { savedAt: new Date().toISOString(), databases: [] };
    const { resources: databases } = await this.client.databases.readAll().fetchAll();
    for (const { id } of databases) {
      const db = this.client.database(id);
      const { resources: containers } = await db.containers.readAll().fetchAll();
      const entry: Snapshot['databases'][number] = { id, containers: [] };
      for (const definition of containers) {
        const { resources: items } = await db.container(definition.id).items.readAll().fetchAll();
        entry.containers.push({
          id: definition.id,
          definition: {
            partitionKey: definition.partitionKey,
            indexingPolicy: definition.indexingPolicy,
            uniqueKeyPolicy: definition.uniqueKeyPolicy,
          },
          items: items.map(withoutSystemProperties),
        });
      }
      snapshot.databases.push(entry);
    }
    await mkdir(join(this.file, '..'), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(snapshot));
    await rename(temporary, this.file);
  }
}

function withoutSystemProperties(item: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...item };
  for (const key of SYSTEM_PROPERTIES) delete copy[key];
  return copy;
}
