import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createAdapter } from '../../bot/adapter.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { sharedEntra } from '../helpers/entra.js';
import { runServerExpectingExit, startServerProcess } from '../helpers/server-process.js';
import { appServiceEnvironment, AZURE_SAMPLE } from './bicep-text.js';
import { loopbackCertificate, startManagedIdentityEndpoint, type ManagedIdentityEndpoint } from './azure-stand-ins.js';

/**
 * Production on the Bicep app settings, with Azure played by local stand-ins: App Service's managed
 * identity endpoint (IDENTITY_ENDPOINT/IDENTITY_HEADER, as App Service sets them), a Cosmos-protocol
 * server and a Bot Connector. Nothing reaches Azure; every token the app uses must come from the identity.
 */

const FAKE_TOKEN = 'managed-identity-token-for-tests';
const IDENTITY_HEADER = randomUUID();
const IDENTITY_CLIENT_ID = AZURE_SAMPLE['identity.properties.clientId']!;

interface Recorded {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

async function listen(server: Server, scheme = 'http'): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server | undefined): Promise<void> {
  if (!server) return;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

describe('production with the managed identity (no key anywhere)', () => {
  const cosmosAuthorizations: string[] = [];
  let identity: ManagedIdentityEndpoint;
  let tokenRequests: URLSearchParams[];
  let identityUrl: string;
  let cosmosServer: Server;
  let cosmosUrl: string;
  let certificatePath: string;
  const scratch = mkdtempSync(join(tmpdir(), 'hub-mi-'));

  before(async () => {
    identity = await startManagedIdentityEndpoint(IDENTITY_HEADER, () => FAKE_TOKEN);
    identityUrl = identity.url;
    tokenRequests = identity.requests;
    // The embedded Cosmos-protocol server with our certificate, noting how each request authenticates.
    const { createHttpsServer } = createRequire(import.meta.url)('@vercel/cosmosdb-server') as {
      createHttpsServer: (options: object) => Server;
    };
    const { key, cert, certPath } = loopbackCertificate(scratch);
    certificatePath = certPath;
    cosmosServer = createHttpsServer({ key, cert });
    cosmosServer.prependListener('request', (req: IncomingMessage) =>
      cosmosAuthorizations.push(decodeURIComponent(String(req.headers.authorization ?? ''))),
    );
    cosmosUrl = `${await listen(cosmosServer, 'https')}/`;
  });
  after(async () => {
    await identity?.close();
    await close(cosmosServer);
    rmSync(scratch, { recursive: true, force: true });
  });

  it("starts on the Bicep app settings and reaches Cosmos DB with the identity's token, never a key", async () => {
    const env = {
      ...appServiceEnvironment(AZURE_SAMPLE),
      COSMOS_ENDPOINT: cosmosUrl,
      COSMOS_DATABASE: `mi-${randomUUID().slice(0, 8)}`,
      HOST: '127.0.0.1',
      PORT: '0',
      IDENTITY_ENDPOINT: identityUrl,
      IDENTITY_HEADER,
      NODE_EXTRA_CA_CERTS: certificatePath,
    };
    const server = await startServerProcess(env);
    try {
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', database: 'reachable', mode: 'azure' });
      assert.match(server.output(), /"credential":"managed-identity"/);
    } finally {
      assert.equal(await server.stop('SIGTERM'), 0);
    }
    // The SDK asks for a token for the account it talks to (https://<account>.documents.azure.com in Azure).
    const cosmosTokens = tokenRequests.filter((request) => request.get('resource') === new URL(cosmosUrl).origin);
    assert.ok(
      cosmosTokens.length > 0,
      `the app asked the identity endpoint for a Cosmos token (asked for: ${tokenRequests.map((r) => r.get('resource')).join(', ') || 'nothing'})`,
    );
    assert.ok(
      cosmosTokens.every((request) => request.get('client_id') === IDENTITY_CLIENT_ID),
      'it asks as the user-assigned identity (AZURE_CLIENT_ID)',
    );
    assert.ok(cosmosAuthorizations.length > 0);
    for (const authorization of cosmosAuthorizations) {
      assert.equal(authorization, `type=aad&ver=1.0&sig=${FAKE_TOKEN}`, 'every Cosmos request carries the Entra token');
    }
  });

  it("sends bot messages with a token for the bot's managed identity, not an app password", async () => {
    const received: Recorded[] = [];
    const connector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', query: new URLSearchParams(), headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'activity-1' }));
      });
    });
    const serviceUrl = await listen(connector);
    // App Service sets IDENTITY_ENDPOINT/IDENTITY_HEADER for the process, and MSAL picks the identity source
    // once per process: so this test uses the process's one local Entra (tests/helpers/entra.ts), as the
    // inline-receipts test does, rather than a second endpoint MSAL would never ask.
    const entra = await sharedEntra();
    try {
      const config = loadConfig(appServiceEnvironment(AZURE_SAMPLE));
      const adapter = createAdapter(config.bot, createLogger('silent'));
      await adapter.continueConversationAsync(
        config.bot!.appId,
        {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: 'a:host-chat', isGroup: false, conversationType: 'personal', name: '' },
          bot: { id: `28:${config.bot!.appId}`, name: 'Involvement Hub' },
        },
        async (context) => {
          await context.sendActivity('Your claim was approved.');
        },
      );
    } finally {
      await close(connector);
    }
    assert.equal(received.length, 1);
    assert.match(received[0]!.path, /^\/v3\/conversations\/a%3Ahost-chat\/activities/);
    assert.ok(
      await entra.verify(received[0]!.headers.authorization, IDENTITY_CLIENT_ID),
      'the message carries an Entra token issued to the user-assigned identity for the Bot Connector',
    );
    assert.match(received[0]!.body, /Your claim was approved\./);
    assert.ok(
      entra.issued.some(
        (token) => token.clientId === IDENTITY_CLIENT_ID && token.resource === 'https://api.botframework.com',
      ),
      'the bot asked the identity endpoint for a Bot Framework token as the user-assigned identity',
    );
  });

  it('refuses to start in production when the Bicep settings lose the identity or the database, naming each', async () => {
    const { MicrosoftAppId: _bot, COSMOS_ENDPOINT: _cosmos, ...incomplete } = appServiceEnvironment(AZURE_SAMPLE);
    const { code, output } = await runServerExpectingExit({ ...incomplete, PORT: '0', HOST: '127.0.0.1' });
    assert.equal(code, 2);
    assert.match(output, /MicrosoftAppId is required in production/);
    assert.match(output, /COSMOS_ENDPOINT is required in production/);
    assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
  });
});
