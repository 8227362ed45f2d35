import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../helpers/app.js';

const TAB_DIR = join(import.meta.dirname, '..', '..', 'dist', 'tab');

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/**
 * node:http, not fetch: fetch adds its own accept-encoding and decompresses, which would hide exactly
 * what these tests look at (the bytes on the wire).
 */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** The hashed script index.html loads (Vite writes assets/index-<hash>.js). */
async function entryScript(): Promise<string> {
  const html = await readFile(join(TAB_DIR, 'index.html'), 'utf8');
  const src = /<script type="module" crossorigin src="\/tab\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  assert.ok(src, 'index.html loads a hashed script from assets/');
  return src;
}

describe('how the tab reaches the browser', () => {
  let app: TestApp;
  let script: string;
  let scriptOnDisk: Buffer;
  before(async () => {
    app = await startTestApp();
    script = await entryScript();
    scriptOnDisk = await readFile(join(TAB_DIR, script));
  });
  after(async () => {
    await app.stop();
  });

  it('sends the hashed script brotli-compressed to a browser that accepts brotli, cached for a year as immutable', async () => {
    const response = await get(`${app.url}/tab/${script}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-encoding'], 'br');
    assert.equal(response.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(response.headers.vary, 'accept-encoding');
    assert.equal(Number(response.headers['content-length']), response.body.length);
    assert.ok(
      response.body.length < scriptOnDisk.length / 3,
      `brotli sends ${response.body.length} bytes of ${scriptOnDisk.length}`,
    );
    assert.deepEqual(brotliDecompressSync(response.body), scriptOnDisk);
  });

  it('sends gzip to a client that accepts gzip but not brotli', async () => {
    for (const acceptEncoding of ['gzip', 'br;q=0, gzip;q=0.8', 'deflate, gzip']) {
      const response = await get(`${app.url}/tab/${script}`, { 'accept-encoding': acceptEncoding });
      assert.equal(response.headers['content-encoding'], 'gzip', acceptEncoding);
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.deepEqual(gunzipSync(response.body), scriptOnDisk);
    }
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    for (const headers of [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
      { 'accept-encoding': 'zstd' },
    ]) {
      const response = await get(`${app.url}/tab/${script}`, headers as Record<string, string>);
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-encoding'], undefined, JSON.stringify(headers));
      assert.equal(
        response.headers.vary,
        'accept-encoding',
        'a shared cache must not hand this copy to a brotli client or the reverse',
      );
      assert.deepEqual(response.body, scriptOnDisk);
    }
  });

  it('makes the browser revalidate index.html on every load, and answers 304 when it has not changed', async () => {
    for (const path of ['/tab/', '/tab/index.html']) {
      const response = await get(`${app.url}${path}`, { 'accept-encoding': 'br' });
      assert.equal(response.status, 200);
      assert.equal(response.headers['cache-control'], 'no-cache');
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
      assert.match(
        String(response.headers['content-security-policy']),
        /^frame-ancestors 'self' https:\/\/teams\.microsoft\.com /,
      );
      assert.match(brotliDecompressSync(response.body).toString('utf8'), /<title>Involvement Register<\/title>/);

      const etag = String(response.headers.etag);
      const again = await get(`${app.url}${path}`, { 'accept-encoding': 'br', 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const response = await get(`${app.url}/tab/${script}`, { 'accept-encoding': 'gzip' }, 'HEAD');
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-encoding'], 'gzip');
    assert.equal(response.body.length, 0);
  });

  it('finds nothing outside the build, nor the compressed copies under their own names', async () => {
    for (const path of [
      `/tab/${script}.br`,
      '/tab/../package.json',
      '/tab/%2e%2e/package.json',
      '/tab/assets/missing.js',
      '/tab/.vite/manifest.json',
    ]) {
      const response = await get(`${app.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.equal((JSON.parse(response.body.toString('utf8')) as { title: string }).title, 'Not found', path);
    }
  });
});
