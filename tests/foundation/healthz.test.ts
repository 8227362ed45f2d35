import assert from 'node:assert/strict';
import { startTestApp } from '../helpers/app.js';
import { startAppOnItsOwnDatabase } from '../helpers/outage.js';

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
    const { app, cosmos } = await startAppOnItsOwnDatabase('health');
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
