import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalConnector } from '../helpers/connector.js';
import { ChatClient } from '../helpers/chat.js';
import { cardText, cardsIn } from '../helpers/cards.js';
import { runServerExpectingExit, startServerProcess } from '../helpers/server-process.js';
import { HOST } from '../helpers/users.js';

describe('the server process', () => {
  it('keeps every record across SIGTERM and a fresh start in local mode', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hub-process-'));
    const env = { NODE_ENV: 'development', PORT: '0', LOCAL_DATA_DIR: dataDir, SEED_DEMO_DATA: 'false' };
    const connector = await new LocalConnector().start();
    try {
      const first = await startServerProcess(env);
      const health = await fetch(`${first.url}/healthz`);
      assert.equal(health.status, 200);
      let chat = new ChatClient(() => first.url, connector, HOST, { id: 'a:restart-chat', type: 'personal' });
      const welcome = await chat.install();
      assert.match(cardText(cardsIn(welcome)[0]), /Hello/);
      assert.equal(await first.stop('SIGTERM'), 0);

      const second = await startServerProcess(env);
      try {
        chat = new ChatClient(() => second.url, connector, HOST, { id: 'a:restart-chat', type: 'personal' });
        // The "welcomed" record made before the stop is still there, so no second welcome.
        assert.equal((await chat.install()).length, 0);
      } finally {
        assert.equal(await second.stop('SIGTERM'), 0);
      }
    } finally {
      await connector.stop();
    }
  });

  it('refuses to start in production without credentials, naming what is missing', async () => {
    const { code, output } = await runServerExpectingExit({ NODE_ENV: 'production' });
    assert.notEqual(code, 0);
    assert.match(output, /MicrosoftAppId is required in production/);
    assert.match(output, /COSMOS_ENDPOINT is required in production/);
    assert.match(output, /AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID are required/);
    assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
  });

  it('refuses an invalid variable with a message naming it', async () => {
    const { code, output } = await runServerExpectingExit({ PORT: 'eighty' });
    assert.equal(code, 2);
    assert.match(output, /PORT:/);
  });
});
