import type { Next, Request, Response } from 'restify';
import type { AppConfig } from '../server/config.js';

/**
 * Limits for the public pages outside Teams (`/join`, `/how-was-it`, `/consent`): anyone on the internet can reach them,
 * so each request is counted per client address before its body is read.
 */

/** The client's address: App Service puts it in `x-client-ip`; elsewhere (local) the socket's. */
export function clientAddress(req: Request, config: Pick<AppConfig, 'mode'>): string {
  return (
    (config.mode === 'azure' ? String(req.header('x-client-ip') ?? '') : '') || req.socket.remoteAddress || 'unknown'
  );
}

/**
 * The first step of a public POST: the request is counted before its body is read, so a flood from one address
 * costs a map lookup each and its bodies are drained unread.
 */
export function countBeforeBody(
  limit: RateLimit,
  windowMs: number,
  addressOf: (req: Request) => string,
): (req: Request, res: Response, next: Next) => void {
  return (req, res, next) => {
    if (limit.allow(addressOf(req))) return next();
    req.resume();
    tooMany(res, windowMs);
    next(false);
  };
}

export function tooMany(res: Response, windowMs: number): void {
  res.setHeader('retry-after', String(Math.ceil(windowMs / 1000)));
  res.setHeader('content-type', 'application/problem+json; charset=utf-8');
  res.writeHead(429);
  res.end(
    JSON.stringify({
      status: 429,
      title: 'Please wait',
      detail: `Too many tries from here. Please wait ${Math.ceil(windowMs / 60_000)} minutes, or phone the Involvement team.`,
    }),
  );
}

/** A fixed window per client address, kept in memory and capped, so a flood of addresses cannot grow it without end. */
export class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxAddresses = 100_000,
  ) {}

  allow(address: string, now = Date.now()): boolean {
    const current = this.windows.get(address);
    if (!current || now - current.start >= this.windowMs) {
      if (this.windows.size >= this.maxAddresses) this.windows.delete(this.windows.keys().next().value!);
      this.windows.set(address, { start: now, count: 1 });
      return true;
    }
    current.count += 1;
    return current.count <= this.limit;
  }
}
