import { randomUUID } from 'node:crypto';
import { EMULATOR_KEY, startLocalCosmosServer, type LocalCosmosServer } from '../../storage/local-cosmos.js';
import type { CosmosConnection } from '../../storage/cosmos.js';

/**
 * One embedded Cosmos server (real protocol, HTTPS) for the whole test run; every test app gets a
 * fresh database on it, so tests never see each other's data.
 */
let shared: Promise<LocalCosmosServer> | undefined;

export async function sharedCosmos(): Promise<CosmosConnection> {
  shared ??= startLocalCosmosServer();
  const server = await shared;
  return { kind: 'local', endpoint: server.endpoint, key: EMULATOR_KEY };
}

/** The shared server itself (benchmarks and tests count the requests a page makes). */
export async function sharedCosmosServer(): Promise<LocalCosmosServer> {
  await sharedCosmos();
  return shared!;
}

export function freshDatabaseName(prefix = 'test'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function stopSharedCosmos(): Promise<void> {
  if (!shared) return;
  const server = await shared;
  shared = undefined;
  await server.stop();
}
