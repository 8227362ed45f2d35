import type { Next, Request, RequestHandler, Response } from 'restify';

/**
 * Request bodies, in one place. Only a route that puts `jsonBody({ maxBytes })` in its chain reads a
 * body, and only JSON, counted while it arrives: past the limit it stops reading and answers 413. Nothing
 * is parsed as multipart or a form, and nothing is written to disk. `refuseUnexpectedBodies` (run for every
 * request) answers 415 to a body sent to a route that takes none, so a new route cannot forget.
 */
export interface JsonBodyOptions {
  /** The largest body the route accepts, in bytes of the request as sent. */
  readonly maxBytes: number;
}

const JSON_READERS = new WeakSet<RequestHandler>();

export interface BodyProblem {
  readonly status: 400 | 413 | 415;
  readonly title: string;
  readonly detail: string;
}

export const BODY_PROBLEMS = {
  unreadable: {
    status: 400,
    title: 'Check your answers',
    detail: 'The request could not be read. Please reload the page and try again.',
  },
  tooLarge: { status: 413, title: 'Too large', detail: 'The request is too large. Please send less at once.' },
  notJson: {
    status: 415,
    title: 'Check your answers',
    detail: 'The request could not be read. Please send it as JSON.',
  },
  noBodyHere: { status: 415, title: 'Nothing to send here', detail: 'This address does not take a request body.' },
} as const satisfies Record<string, BodyProblem>;

/** Route handler: reads the JSON body into `req.body` (undefined when there is none). */
export function jsonBody(options: JsonBodyOptions): RequestHandler {
  const handler = (req: Request, res: Response, next: Next): void => {
    if (!carriesBody(req)) {
      req.body = undefined;
      next();
      return;
    }
    const refused = refusalOf(req, options.maxBytes);
    if (refused) {
      answer(req, res, refused);
      next(false);
      return;
    }
    readLimited(req, options.maxBytes).then(
      (result) => {
        if (result.kind === 'aborted') return next(false);
        if (result.kind === 'too-large') {
          answer(req, res, BODY_PROBLEMS.tooLarge);
          return next(false);
        }
        try {
          req.body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(result.bytes)) as unknown;
        } catch {
          answer(req, res, BODY_PROBLEMS.unreadable);
          return next(false);
        }
        next();
      },
      () => next(false),
    );
  };
  JSON_READERS.add(handler);
  return handler;
}

/** Global handler (`server.use`): a body sent to a route without `jsonBody` is refused before the route runs. */
export function refuseUnexpectedBodies(req: Request, res: Response, next: Next): void {
  if (!carriesBody(req)) return next();
  const route = req.getRoute() as ReturnType<Request['getRoute']> | undefined;
  if (route?.chain.getHandlers().some((handler) => JSON_READERS.has(handler))) return next();
  answer(req, res, BODY_PROBLEMS.noBodyHere);
  next(false);
}

function carriesBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** What can be refused from the headers alone, before a byte of the body is read. */
function refusalOf(req: Request, maxBytes: number): BodyProblem | undefined {
  const [mediaType = '', ...parameters] = (req.headers['content-type'] ?? '')
    .split(';')
    .map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) return BODY_PROBLEMS.notJson;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return BODY_PROBLEMS.notJson;
  const length = Number(req.headers['content-length'] ?? 0);
  if (!Number.isSafeInteger(length) || length > maxBytes) return BODY_PROBLEMS.tooLarge;
  return undefined;
}

type ReadResult = { kind: 'complete'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/** Reads at most `maxBytes`; past that, stops keeping what arrives (Node discards the rest) and says so. */
function readLimited(req: Request, maxBytes: number): Promise<ReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (result: ReadResult) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
      if (result.kind === 'too-large') req.resume();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) finish({ kind: 'too-large' });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: 'complete', bytes: Buffer.concat(chunks, received) });
    const onError = () => finish({ kind: 'aborted' });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('aborted', onError);
  });
}

function answer(req: Request, res: Response, problem: BodyProblem): void {
  // Whatever is left of the body is discarded as it arrives (never kept), so the client can finish sending and read this.
  req.resume();
  res.sendRaw(problem.status, JSON.stringify(problem), {
    'content-type': 'application/problem+json; charset=utf-8',
    'cache-control': 'no-store',
  });
}
