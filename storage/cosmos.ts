import { Agent } from 'node:https';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { CONTAINERS, type ContainerName } from './containers.js';

export type Containers = { readonly [name in ContainerName]: Container };

export type CosmosConnection =
  | { readonly kind: 'local'; readonly endpoint: string; readonly key: string }
  | {
      readonly kind: 'azure';
      readonly endpoint: string;
      readonly key: string | undefined;
      readonly managedIdentityClientId: string | undefined;
    };

/** Which credential the client authenticates with; exposed so tests can check the keyless path is chosen. */
export type CosmosCredentialKind = 'emulator-key' | 'account-key' | 'managed-identity';

export function cosmosCredentialKind(connection: CosmosConnection): CosmosCredentialKind {
  if (connection.kind === 'local') return 'emulator-key';
  return connection.key ? 'account-key' : 'managed-identity';
}

const RETRY_OPTIONS = {
  // The SDK retries 429s honouring x-ms-retry-after-ms; these bound how long a request may wait.
  maxRetryAttemptCount: 9,
  fixedRetryIntervalInMilliseconds: 0,
  maxWaitTimeInSeconds: 30,
};

export function createCosmosClient(connection: CosmosConnection): CosmosClient {
  const connectionPolicy = { retryOptions: RETRY_OPTIONS, requestTimeout: 10_000 };
  if (connection.kind === 'local') {
    return new CosmosClient({
      endpoint: connection.endpoint,
      key: connection.key,
      connectionPolicy: { ...connectionPolicy, enableEndpointDiscovery: false },
      // The embedded server's certificate is self-signed. Trust it for this loopback client only,
      // never process-wide and never for a real Azure endpoint.
      agent: new Agent({ rejectUnauthorized: false, keepAlive: true }),
    });
  }
  if (connection.key) {
    return new CosmosClient({ endpoint: connection.endpoint, key: connection.key, connectionPolicy });
  }
  const aadCredentials = new DefaultAzureCredential(
    connection.managedIdentityClientId ? { managedIdentityClientId: connection.managedIdentityClientId } : {},
  );
  return new CosmosClient({ endpoint: connection.endpoint, aadCredentials, connectionPolicy });
}

/** Creates the database and every container if missing. Idempotent; safe on every start. */
export async function ensureContainers(
  client: CosmosClient,
  databaseId: string,
): Promise<{ database: Database; containers: Containers }> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  const entries = await Promise.all(
    (Object.keys(CONTAINERS) as ContainerName[]).map(async (name) => {
      const { container } = await database.containers.createIfNotExists(CONTAINERS[name]);
      return [name, container] as const;
    }),
  );
  return { database, containers: Object.fromEntries(entries) as Containers };
}

/** A cheap round trip that proves the database answers (used by /healthz). */
export async function pingDatabase(database: Database): Promise<void> {
  await database.read();
}
