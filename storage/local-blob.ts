import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Azurite's Blob service for local mode and tests: the same protocol as Azure Blob Storage,
 * persisted under `<dataDir>/blobs` so local receipts survive a restart. Started on first use.
 *
 * It runs as a child process rather than in ours: restify extends Node's request prototype, which
 * breaks Azurite's (Express) request routing when both share a process. A development dependency,
 * resolved lazily so production installs can omit it.
 */

/** Azurite's published, well-known development account. Never valid against real Azure. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const START_TIMEOUT_MS = 20_000;

export interface LocalBlobServer {
  readonly connectionString: string;
  stop(): Promise<void>;
}

export async function startLocalBlobServer(dataDir: string): Promise<LocalBlobServer> {
  const directory = join(dataDir, 'blobs');
  await mkdir(directory, { recursive: true });
  const require = createRequire(import.meta.url);
  const script = require.resolve('azurite/dist/src/blob/main.js');
  const child = spawn(
    process.execPath,
    [
      script,
      '--location',
      directory,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--skipApiVersionCheck',
      '--disableTelemetry',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // If this process ends without a clean stop (a crash, mocha --exit), do not leave Azurite running.
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  const port = await listeningPort(child);
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

function listeningPort(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error('Azurite did not start in time')), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve(match[1]!);
      }
    });
    child.stderr!.resume();
    child.once('exit', (code) => fail(new Error(`Azurite exited before it was ready (code ${code})`)));
    child.once('error', fail);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
