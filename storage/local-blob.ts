import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Azurite's Blob service for local mode and tests: the same protocol as Azure Blob Storage,
 * persisted under `<dataDir>/blobs` so local receipts survive a restart. A development dependency,
 * loaded lazily (only when a receipt is first stored or read) so production installs can omit it.
 */

/** Azurite's published, well-known development account. Never valid against real Azure. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface LocalBlobServer {
  readonly connectionString: string;
  stop(): Promise<void>;
}

interface AzuriteBlobServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

export async function startLocalBlobServer(dataDir: string): Promise<LocalBlobServer> {
  const directory = join(dataDir, 'blobs');
  await mkdir(join(directory, 'extents'), { recursive: true });
  const require = createRequire(import.meta.url);
  const BlobServer = (require('azurite/dist/src/blob/BlobServer') as { default: new (config: unknown) => AzuriteBlobServer }).default;
  const BlobConfiguration = (require('azurite/dist/src/blob/BlobConfiguration') as { default: new (...args: unknown[]) => unknown }).default;
  const configuration = new BlobConfiguration(
    '127.0.0.1',
    0,
    5_000,
    join(directory, 'metadata.json'),
    join(directory, 'extents.json'),
    [{ locationId: 'Default', locationPath: join(directory, 'extents'), maxConcurrency: 10 }],
    false, // access log
    undefined,
    false, // debug log
    undefined,
    false, // loose
    true, // skip API version check: the SDK may be newer than the emulator
  );
  const server = new BlobServer(configuration);
  await server.start();
  const port = new URL(server.getHttpServerAddress()).port;
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    stop: () => server.close(),
  };
}
