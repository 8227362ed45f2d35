import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Serves the built tab (dist/tab) with plain Node http types, so it does not depend on the web framework's
 * static-file plugin. Vite names every file under assets/ after a hash of its content, so those can be
 * cached for a year and never asked for again; index.html is the one entry point that must be revalidated
 * on every load, or a deployment would not reach people whose browser kept the old one.
 * The build writes a brotli (.br) and a gzip (.gz) copy beside each text file (tab/vite.config.ts);
 * the copy is chosen per request from accept-encoding, so nothing is compressed while serving.
 */

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Best first: brotli is about a sixth smaller than gzip on the tab's JavaScript. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const PROBLEM_404 = JSON.stringify({ status: 404, title: 'Not found', detail: 'There is nothing at this address.' });

/**
 * A handler for GET and HEAD under `mountPath` (e.g. "/tab/"); "/tab/" itself is index.html.
 * Answers 404 (problem+json) for anything that is not a file of the build.
 */
export function tabFiles(
  rootDir: string,
  mountPath = '/tab/',
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const relative = relativePath(req.url ?? '/', mountPath);
    const file = relative === undefined ? undefined : await findFile(rootDir, relative);
    if (!file) {
      res.writeHead(404, {
        'content-type': 'application/problem+json; charset=utf-8',
        'content-length': Buffer.byteLength(PROBLEM_404),
      });
      res.end(req.method === 'HEAD' ? undefined : PROBLEM_404);
      return;
    }
    const encoding = file.compressible
      ? await chooseEncoding(file.path, String(req.headers['accept-encoding'] ?? ''))
      : undefined;
    const etag = `"${file.mtimeMs.toString(36)}-${file.size.toString(36)}${encoding ? `-${encoding.name}` : ''}"`;
    const headers: Record<string, string | number> = {
      'content-type': file.contentType,
      'cache-control': file.hashed ? IMMUTABLE : REVALIDATE,
      etag,
    };
    if (file.compressible) headers.vary = 'accept-encoding';
    if (encoding) headers['content-encoding'] = encoding.name;
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const body = await readFile(encoding ? `${file.path}${encoding.suffix}` : file.path);
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

interface FoundFile {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly contentType: string;
  readonly compressible: boolean;
  readonly hashed: boolean;
}

/** The path below the mount, or undefined when it tries to leave the build folder or is not a plain name. */
function relativePath(url: string, mountPath: string): string | undefined {
  const pathname = url.split(/[?#]/, 1)[0]!;
  if (!pathname.startsWith(mountPath)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice(mountPath.length));
  } catch {
    return undefined;
  }
  if (decoded === '') return 'index.html';
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const normalised = normalize(decoded);
  if (
    normalised.startsWith('..') ||
    normalised.startsWith(sep) ||
    normalised.split(sep).some((part) => part.startsWith('.'))
  )
    return undefined;
  return normalised;
}

async function findFile(rootDir: string, relative: string): Promise<FoundFile | undefined> {
  const extension = extname(relative);
  const contentType = CONTENT_TYPES[extension];
  // The precompressed copies are served only through negotiation, never under their own names.
  if (!contentType) return undefined;
  const path = join(rootDir, relative);
  const stats = await stat(path).catch(() => undefined);
  if (!stats?.isFile()) return undefined;
  return {
    path,
    size: stats.size,
    mtimeMs: Math.trunc(stats.mtimeMs),
    contentType,
    compressible: !/^(?:image\/png|image\/x-icon|font\/woff2)$/.test(contentType),
    // Vite writes content-hashed names (index-DCkQGjvi.js) under assets/; nothing else is hashed.
    hashed: relative.startsWith(`assets${sep}`),
  };
}

/** The best encoding the client accepts (q > 0) that the build wrote a copy for. */
async function chooseEncoding(path: string, acceptEncoding: string): Promise<(typeof ENCODINGS)[number] | undefined> {
  const weights = encodingWeights(acceptEncoding);
  for (const encoding of ENCODINGS) {
    if ((weights.get(encoding.name) ?? weights.get('*') ?? 0) <= 0) continue;
    const copy = await stat(`${path}${encoding.suffix}`).catch(() => undefined);
    if (copy?.isFile()) return encoding;
  }
  return undefined;
}

/** "br;q=0, gzip;q=0.5, *" → br 0, gzip 0.5, * 1 (RFC 9110 §12.5.3; no weight means 1). */
function encodingWeights(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = parameters
      .map((parameter) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(parameter)?.[1])
      .find((value) => value !== undefined);
    weights.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  return weights;
}

function matches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (typeof ifNoneMatch !== 'string') return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const value = candidate.trim().replace(/^W\//, '');
    return value === etag || value === '*';
  });
}
