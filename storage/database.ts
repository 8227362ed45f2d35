import type { CosmosClient, Database } from '@azure/cosmos';
import {
  createCosmosClient,
  cosmosCredentialKind,
  ensureContainers,
  pingDatabase,
  type Containers,
  type CosmosConnection,
  type CosmosCredentialKind,
} from './cosmos.js';
import { EMULATOR_KEY, LocalCosmosPersistence, startLocalCosmosServer } from './local-cosmos.js';

export interface DatabaseOptions {
  readonly databaseId: string;
  /** A real account, or an embedded server that is already running (tests share one). */
  readonly connection?: CosmosConnection;
  /** Local mode only: where snapshots of the embedded database are kept. Omit to keep nothing. */
  readonly persistDir?: string;
}

export interface DatabaseHandle {
  readonly client: CosmosClient;
  readonly database: Database;
  readonly containers: Containers;
  readonly credentialKind: CosmosCredentialKind;
  readonly endpoint: string;
  ping(): Promise<void>;
  /** Saves local data (if persisted) and closes what this handle started. */
  close(): Promise<void>;
}

/** Connects to Cosmos (starting the embedded server when no connection is given) and makes sure every container exists. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const embedded = options.connection ? undefined : await startLocalCosmosServer();
  const connection: CosmosConnection = options.connection ?? {
    kind: 'local',
    endpoint: embedded!.endpoint,
    key: EMULATOR_KEY,
  };
  const client = createCosmosClient(connection);
  // Only the embedded server this handle started is snapshotted; a shared one belongs to whoever started it.
  const persistence =
    options.persistDir && embedded ? new LocalCosmosPersistence(client, options.persistDir) : undefined;
  try {
    await persistence?.restore();
    const { database, containers } = await ensureContainers(client, options.databaseId);
    if (persistence) embedded?.onWrite(() => persistence.scheduleSave());
    return {
      client,
      database,
      containers,
      credentialKind: cosmosCredentialKind(connection),
      endpoint: connection.endpoint,
      ping: () => pingDatabase(database),
      close: async () => {
        await persistence?.flush();
        client.dispose();
        await embedded?.stop();
      },
    };
  } catch (error) {
    client.dispose();
    await embedded?.stop();
    throw error;
  }
}
