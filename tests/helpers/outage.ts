import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { EMULATOR_KEY, startLocalCosmosServer, type LocalCosmosServer } from '../../storage/local-cosmos.js';

/**
 * The app on a database server of its own, which the test stops to see what people get while the database cannot
 * be reached (healthz, card actions, the API).
 */
export async function startAppOnItsOwnDatabase(
  database: string,
  env: Record<string, string> = {},
): Promise<{ app: RunningApp; cosmos: LocalCosmosServer }> {
  const cosmos = await startLocalCosmosServer();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    COSMOS_DATABASE: database,
    LOCAL_DATA_DIR: await mkdtemp(join(tmpdir(), `hub-${database}-`)),
    ...env,
  });
  const app = await startApp(config, createLogger('silent'), {
    cosmosConnection: { kind: 'local', endpoint: cosmos.endpoint, key: EMULATOR_KEY },
  });
  return { app, cosmos };
}
