import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface PageLoad {
  /** Bytes on the wire for every response of the load (headers and compressed bodies), as Chromium counts them. */
  readonly transferredBytes: number;
  /** Each response: its path, status and bytes on the wire (0 when it came from the browser's cache). */
  readonly responses: ReadonlyArray<{ readonly path: string; readonly status: number; readonly bytes: number }>;
}

/**
 * Loads `url` in `page` and counts what crossed the network until `ready` resolves and the network is
 * quiet, with Chromium's own accounting (the DevTools protocol's encodedDataLength).
 */
export async function measurePageLoad(
  page: Page,
  url: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<PageLoad> {
  // Leave the page first: going to the URL it is already on would only change the hash, not load anything.
  await page.goto('about:blank');
  const session = await page.context().newCDPSession(page);
  const requests = new Map<string, { path: string; status: number; bytes: number }>();
  session.on('Network.responseReceived', (event) => {
    requests.set(event.requestId, {
      path: new URL(event.response.url).pathname,
      status: event.response.status,
      bytes: 0,
    });
  });
  session.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (request) request.bytes = event.encodedDataLength;
  });
  await session.send('Network.enable');
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await ready(page);
    await page.waitForLoadState('networkidle');
  } finally {
    await session.detach();
  }
  const responses = [...requests.values()];
  return { transferredBytes: responses.reduce((sum, response) => sum + response.bytes, 0), responses };
}

/** The built tab's size on disk, uncompressed (the precompressed .br and .gz copies left out). */
export async function tabBundleBytes(tabDir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(tabDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /\.(?:br|gz)$/.test(entry.name)) continue;
    total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
