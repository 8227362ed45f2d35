import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { appServiceEnvironment, AZURE_SAMPLE } from './bicep-text.js';
import { loopbackCertificate, startManagedIdentityEndpoint, type ManagedIdentityEndpoint } from './azure-stand-ins.js';

/**
 * Receipts in Azure mode: Blob storage reached with the managed identity's token, no key or connection
 * string. Azurite stands in for Azure Storage over TLS with OAuth on (it checks each bearer token's issuer,
 * audience and lifetime); a local endpoint plays App Service's managed identity endpoint.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const IDENTITY_HEADER = randomUUID();
const TENANT = AZURE_SAMPLE['identity.properties.tenantId']!;

/** A token shaped like Entra's for Azure Storage. Azurite checks the claims, not the signature. */
function storageToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud: 'https://storage.azure.com', iss: `https://sts.windows.net/${TENANT}/`, iat: now, nbf: now - 60, exp: now + 3600, oid: randomUUID() })}.c2lnbmF0dXJl`;
}

function startAzurite(
  dir: string,
  certPath: string,
  keyPath: string,
): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const script = createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
  const child = spawn(
    process.execPath,
    [
      script,
      '--location',
      dir,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--oauth',
      'basic',
      '--cert',
      certPath,
      '--key',
      keyPath,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listens on https:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        resolve({
          endpoint: `https://127.0.0.1:${match[1]}/devstoreaccount1/`,
          stop: () => (child.kill('SIGTERM'), exited),
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`Azurite exited (${code}):\n${output}`)));
  });
}

describe('receipts on Azure Blob storage with the managed identity', () => {
  let scratch: string;
  let identity: ManagedIdentityEndpoint | undefined;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'hub-blob-mi-'));
  });
  after(async () => {
    await identity?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("stores and reads back a receipt with the identity's token (no key, no connection string)", async function () {
    this.timeout(90_000);
    const { keyPath, certPath } = loopbackCertificate(scratch);
    identity = await startManagedIdentityEndpoint(IDENTITY_HEADER, storageToken);
    const azurite = await startAzurite(join(scratch, 'blobs'), certPath, keyPath);
    try {
      const env = {
        ...appServiceEnvironment(AZURE_SAMPLE),
        BLOB_ENDPOINT: azurite.endpoint,
        IDENTITY_ENDPOINT: identity.url,
        IDENTITY_HEADER,
        NODE_EXTRA_CA_CERTS: certPath,
        PATH: process.env.PATH ?? '',
      };
      // Asynchronously: this process must stay free to answer the child's token requests.
      const { stdout } = await promisify(execFile)(
        join(ROOT, 'node_modules', '.bin', 'tsx'),
        ['tests/infra/fixtures/receipt-round-trip.ts'],
        { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 },
      );
      const result = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
      assert.deepEqual(result, {
        blobKind: 'azure',
        connectionString: null,
        text: 'Bus fare £3.40',
        contentType: 'text/plain',
      });
    } finally {
      await azurite.stop();
    }
    const storageRequests = identity.requests.filter((query) => query.get('resource') === 'https://storage.azure.com');
    assert.ok(storageRequests.length > 0, 'the store asked the identity endpoint for a Storage token');
    assert.ok(
      storageRequests.every((query) => query.get('client_id') === AZURE_SAMPLE['identity.properties.clientId']),
      'as the user-assigned identity',
    );
  });
});
