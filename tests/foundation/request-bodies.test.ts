import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp } from '../helpers/app.js';
import { BOT_ENV } from '../helpers/bot-tokens.js';
import { assertNoInternals } from '../helpers/problems.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { SSO_ENV } from '../api/test-tokens.js';

const MB = 1024 * 1024;
const SIZE = 12 * MB;
const BOUNDARY = 'hub-test-boundary';

/** The four kinds of large body an attacker would try, 12 MB each. */
const BODIES: ReadonlyArray<{ kind: string; contentType: string; body: () => Buffer }> = [
  {
    kind: 'multipart',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: () =>
      Buffer.concat([
        Buffer.from(
          `--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="big.bin"\r\ncontent-type: application/octet-stream\r\n\r\n`,
        ),
        Buffer.alloc(SIZE, 0x61),
        Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
      ]),
  },
  {
    kind: 'urlencoded',
    contentType: 'application/x-www-form-urlencoded',
    body: () => Buffer.concat([Buffer.from('field='), Buffer.alloc(SIZE, 0x61)]),
  },
  { kind: 'octet-stream', contentType: 'application/octet-stream', body: () => Buffer.alloc(SIZE, 0x61) },
  {
    kind: 'JSON',
    contentType: 'application/json',
    body: () => Buffer.concat([Buffer.from('{"displayName":"'), Buffer.alloc(SIZE, 0x61), Buffer.from('"}')]),
  },
];

/** Sends `body` with node:http (fetch refuses bodies on GET), declared by length or chunked; resolves with the answer. */
function send(
  base: string,
  method: string,
  path: string,
  contentType: string,
  body: Buffer,
  chunked: boolean,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const headers: Record<string, string> = {
      'content-type': contentType,
      ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(body.length) }),
    };
    // Keep-alive, as browsers send: the server answers early and discards the rest; `connection: close` would make it hang up instead.
    const agent = new Agent({ keepAlive: true });
    const req = request(`${base}${path}`, { method, agent, headers, timeout: 30_000 }, (res) => {
      // An early answer is the point: stop sending the rest, read the answer, close.
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        req.destroy();
        agent.destroy();
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 30 s`)));
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    let offset = 0;
    const writeMore = () => {
      while (offset < body.length && !answered) {
        const chunk = body.subarray(offset, offset + MB);
        offset += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      if (!answered) req.end();
    };
    writeMore();
  });
}

/** Every file under `dir`, with its size; but tsx's compile cache (the test runner's, not the server's). */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && !entry.parentPath.includes(`${dir}/tsx-`))
    .map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => `${file} ${(await stat(file)).size}`));
}

/** A concrete address for a route pattern. */
const pathOf = (pattern: string) => pattern.replace(/:[A-Za-z]+/g, 'x').replace(/\*$/, 'x');

describe('no request body is parsed unless a route takes JSON, none is written to disk, and large ones are refused', function () {
  this.timeout(300_000);
  let routes: ReadonlyArray<{ method: string; path: string }> = [];

  before(async () => {
    // The routes as the server itself lists them: a new route is covered without changing this test.
    const app = await startTestApp();
    try {
      routes = app.app.routes;
    } finally {
      await app.stop();
    }
    assert.ok(routes.some((route) => route.path === '/api/messages'));
    assert.ok(routes.some((route) => route.method === 'POST' && route.path === '/api/partners'));
  });

  for (const [setup, extraEnv, credentials] of [
    ['without credentials (local mode)', {}, false],
    ['with bot credentials and tab SSO configured', { ...BOT_ENV, ...SSO_ENV }, true],
  ] as const) {
    describe(setup, () => {
      let server: ServerProcess;
      let temp: string;
      before(async () => {
        temp = await mkdtemp(join(tmpdir(), 'hub-bodies-tmp-'));
        const dataDir = await mkdtemp(join(tmpdir(), 'hub-bodies-data-'));
        server = await startServerProcess({
          NODE_ENV: 'development',
          PORT: '0',
          LOCAL_DATA_DIR: dataDir,
          SEED_DEMO_DATA: 'false',
          TMPDIR: temp,
          ...extraEnv,
        });
      });
      after(async () => server?.stop());

      it('answers a 12 MB multipart, urlencoded, octet-stream or JSON body to every route with a 4xx, and leaves no file in the temp directory', async () => {
        const before = await filesIn(temp);
        const answers: string[] = [];
        for (const { kind, contentType, body } of BODIES) {
          const bytes = body();
          for (const route of routes) {
            for (const chunked of [false, true]) {
              const { status, text } = await send(
                server.url,
                route.method,
                pathOf(route.path),
                contentType,
                bytes,
                chunked,
              );
              answers.push(`${route.method} ${route.path} ${kind}${chunked ? ' chunked' : ''}: ${status}`);
              assert.ok(
                status >= 400 && status < 500,
                `${route.method} ${route.path} with a 12 MB ${kind} body${chunked ? ' (chunked)' : ''} answered ${status}`,
              );
              if (text) assertNoInternals(text, `${route.method} ${route.path} (${kind})`);
            }
          }
        }
        assert.deepEqual(await filesIn(temp), before, 'no file was left in the temp directory');
        assert.ok(answers.length >= routes.length * BODIES.length * 2);
      });

      it('stops reading a JSON body at the limit when no length is declared', async () => {
        const { status, text } = await send(
          server.url,
          'POST',
          '/api/messages',
          'application/json',
          BODIES[3]!.body(),
          true,
        );
        assert.equal(status, credentials ? 401 : 413);
        assertNoInternals(text, 'chunked JSON');
      });
    });
  }
});
