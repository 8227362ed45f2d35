import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ChatClient } from '../helpers/chat.js';
import { LocalConnector } from '../helpers/connector.js';
import { startServerProcess } from '../helpers/server-process.js';
import { HOST, IEV } from '../helpers/users.js';
import { addMileage, IEV_CHANNEL, pressFor, submit } from '../claims/claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { scrubAttributes, withoutQuery } from '../../server/privacy-span-processor.js';

interface Envelope {
  readonly name: string;
  readonly tags?: Record<string, string>;
  readonly data?: {
    readonly baseType?: string;
    readonly baseData?: {
      readonly name?: string;
      readonly url?: string;
      readonly responseCode?: string;
      readonly target?: string;
      readonly data?: string;
      readonly metrics?: ReadonlyArray<{ readonly name: string }>;
    };
  };
}

/**
 * Stands in for Application Insights' ingestion endpoint (POST /v2.1/track), keeping every item it is sent. The
 * exporter only speaks https, so the stand-in has a certificate of its own for 127.0.0.1, which the server
 * process is told to trust (NODE_EXTRA_CA_CERTS); nothing else about TLS is relaxed.
 */
async function startIngestion(): Promise<{ url: string; caFile: string; items: Envelope[]; server: Server }> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-ingestion-'));
  const [keyFile, caFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      caFile,
    ],
    { stdio: 'ignore' },
  );
  const items: Envelope[] = [];
  const server = createServer({ key: await readFile(keyFile), cert: await readFile(caFile) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
      const received = text.trim().startsWith('[')
        ? (JSON.parse(text) as Envelope[])
        : text
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as Envelope);
      if (req.url?.includes('/track')) items.push(...received);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: received.length, itemsAccepted: received.length, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`, caFile, items, server };
}

function send(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const SEARCHED = 'Zebedee Quartermaine';
/** The first partner of the demo register the server process seeds. */
const PARTNER = fictionalPartner(0);
const USER_AGENT = 'PersonalBrowser/1.0 (zebedee.quartermaine@example.org)';

describe('telemetry to Application Insights (OpenTelemetry)', function () {
  this.timeout(120_000);

  it('reports requests and database and Bot Connector calls, with no personal data from a request that carried some', async () => {
    const ingestion = await startIngestion();
    const connector = await new LocalConnector().start();
    try {
      const server = await startServerProcess({
        NODE_ENV: 'development',
        PORT: '0',
        LOCAL_DATA_DIR: await mkdtemp(join(tmpdir(), 'hub-telemetry-')),
        SEED_DEMO_DATA: 'true',
        IEV_MEMBER_IDS: IEV.id,
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=${ingestion.url}`,
        NODE_EXTRA_CA_CERTS: ingestion.caFile,
      });
      try {
        const status = await send(`${server.url}/api/partners?q=${encodeURIComponent(SEARCHED)}&pageSize=5`, {
          'x-developer-identity': IEV.id,
          'user-agent': USER_AGENT,
        });
        assert.equal(status, 200);
        const host = new ChatClient(() => server.url, connector, HOST, { id: 'a:telemetry-chat', type: 'personal' });
        await host.say('help');
        // A claim reaching the IEV channel: a Bot Connector call and an outbox delivery, with a partner's name in every card.
        await new ChatClient(() => server.url, connector, IEV, {
          id: `${IEV_CHANNEL};messageid=1700000000000`,
          type: 'channel',
          teamId: '19:iev-team@thread.tacv2',
          channelId: IEV_CHANNEL,
        }).say('set up IEV channel');
        const created = await pressFor(host, CLAIM_VERBS.create.verb, {
          partnerSearch: PARTNER.displayName,
          partnerId: PARTNER.id,
          workTitle: 'Reading group',
        });
        const claimId = JSON.stringify(created).match(/"claimId":"(claim-[^"]+)"/)![1]!;
        await addMileage(host, claimId, '12');
        await submit(host, claimId);
        await connector.waitFor(
          (call) =>
            call.kind === 'send' &&
            call.conversationId === IEV_CHANNEL &&
            JSON.stringify(call.activity).includes(claimId),
        );
      } finally {
        // Stopping flushes what is buffered; nothing is left to timing.
        assert.equal(await server.stop('SIGTERM'), 0, server.output());
      }

      const requests = ingestion.items.filter((item) => item.data?.baseType === 'RequestData');
      const dependencies = ingestion.items.filter((item) => item.data?.baseType === 'RemoteDependencyData');
      const searched = requests.find((item) => (item.data?.baseData?.url ?? '').includes('/api/partners'));
      assert.ok(
        searched,
        `a request to /api/partners is reported among:\n${requests.map((item) => item.data?.baseData?.url).join('\n')}`,
      );
      assert.doesNotMatch(String(searched.data?.baseData?.url), /\?/, 'no query string');
      assert.equal(searched.data?.baseData?.responseCode, '200');
      assert.equal(
        searched.data?.baseData?.name,
        'GET /api/partners',
        'named by its route, so requests group by route and not by the ids in them',
      );
      assert.ok(
        requests.some((item) => (item.data?.baseData?.url ?? '').includes('/api/messages')),
        'the bot turn is reported',
      );

      const connectorHost = new URL(connector.serviceUrl).host;
      assert.ok(
        dependencies.some(
          (item) =>
            (item.data?.baseData?.target ?? '').includes(connectorHost) ||
            (item.data?.baseData?.data ?? '').includes(connectorHost),
        ),
        'the reply to the Bot Connector is a dependency',
      );
      assert.ok(
        dependencies.some((item) => /\/dbs\/|cosmos|documentdb/i.test(JSON.stringify(item.data?.baseData ?? {}))),
        'a Cosmos DB call is a dependency',
      );

      const everything = JSON.stringify(ingestion.items);
      const metricNames = ingestion.items.flatMap((item) =>
        (item.data?.baseData?.metrics ?? []).map((metric) => metric.name),
      );
      assert.ok(
        metricNames.includes('outbox.deliveries'),
        `the outbox's delivery count is a metric (got ${[...new Set(metricNames)].join(', ')})`,
      );

      for (const personal of [
        SEARCHED,
        encodeURIComponent(SEARCHED),
        'Zebedee',
        USER_AGENT,
        'zebedee.quartermaine',
        'PersonalBrowser',
        HOST.name,
        HOST.id,
        IEV.id,
        PARTNER.displayName,
      ]) {
        assert.ok(!everything.includes(personal), `"${personal}" must not be in telemetry`);
      }
      for (const item of ingestion.items) assert.equal(item.tags?.['ai.location.ip'], undefined, 'no client IP');
    } finally {
      await connector.stop();
      await new Promise((resolve) => ingestion.server.close(resolve));
    }
  });

  it('strips query strings, addresses, user agents, query texts and exception messages from span attributes', () => {
    const attributes: Record<string, unknown> = {
      'http.method': 'GET',
      'http.url': 'http://hub.example.org/api/partners?q=Zebedee#top',
      'url.full': 'https://user:secret@hub.example.org/api/partners?q=Zebedee',
      'http.target': '/api/partners?q=Zebedee',
      'url.path': '/api/partners',
      'url.query': 'q=Zebedee',
      'http.status_code': 200,
      'http.client_ip': '203.0.113.7',
      'client.address': '203.0.113.7',
      'net.peer.ip': '203.0.113.7',
      'network.peer.address': '203.0.113.7',
      'http.user_agent': USER_AGENT,
      'user_agent.original': USER_AGENT,
      'http.request.header.x-developer-identity': ['someone'],
      'enduser.id': 'someone',
      'db.statement': 'SELECT * FROM c WHERE c.name = "Zebedee"',
      'db.system': 'cosmosdb',
      'exception.type': 'Error',
      'exception.message': 'No partner called Zebedee',
      'exception.stacktrace': 'Error: No partner called Zebedee\n    at x',
    };
    scrubAttributes(attributes);
    assert.deepEqual(attributes, {
      'http.method': 'GET',
      'http.url': 'http://hub.example.org/api/partners',
      'url.full': 'https://hub.example.org/api/partners',
      'http.target': '/api/partners',
      'url.path': '/api/partners',
      'http.status_code': 200,
      'db.system': 'cosmosdb',
      'exception.type': 'Error',
    });
    assert.equal(withoutQuery('/tab/index.html'), '/tab/index.html');
    assert.equal(
      withoutQuery(
        'https://db.example.org:443/dbs/hub/colls/directory/docs/person:0f8fad5b-d9cb-469f-a165-70867728950e',
      ),
      'https://db.example.org:443/dbs/hub/colls/directory/docs/{id}',
    );
  });
});
