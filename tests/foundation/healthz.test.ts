import assert from 'node:assert/strict';
import { startLocalCosmosServer, EMULATOR_KEY } from '../../storage/local-cosmos.js';
import { startApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { startTestApp } from '../helpers/app.js';

describe('GET /healthz', () => {
  it('answers 200 when the database is reachable', async () => {
    const app = await startTestApp();
    try {
      const response = await fetch(`${app.url}/healthz`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok', database: 'reachable', mode: 'local' });
    } finally {
      await app.stop();
    }
  });

  it('answers 503 with a reason when the database cannot be reached', async () => {
    const cosmos = await startLocalCosmosServer();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: 'false',
      COSMOS_DATABASE: 'health',
    });
    const app = await startApp(config, createLogger('silent'), {
      cosmosConnection: { kind: 'local', endpoint: cosmos.endpoint, key: EMULATOR_KEY },
    });
    try {
      await cosmos.stop();
      const response = await fetch(`${app.url}/healthz`);
      assert.equal(response.status, 503);
      assert.deepEqual(await response.json(), { status: 'unavailable', reason: 'The database cannot be reached' });
    } finally {
      await app.stop().catch(() => undefined);
    }
  });
});
