import type { Request, RequestHandler, Response, Server } from 'restify';
import type { z } from 'zod';
import { ValidationError, type FieldProblem } from '../domain/errors.js';
import { jsonBody } from '../server/json-body.js';
import type { Logger } from '../server/logger.js';
import { escapeHtml, publicPage } from './public-page.js';
import { clientAddress, countBeforeBody, RateLimit } from './public-limits.js';
import { setPublicPagePolicy } from './public-policy.js';
import { sendProblem, toProblem } from './problem.js';
import type { ApiContext } from './routes.js';
import { parseOrThrow } from './validate.js';

/**
 * The one door of the pages partners open outside Teams (`/join`, `/how-was-it`, `/invitation`, `/consent`), their
 * forms and their files. Anyone on the internet can reach them, so every request, in this order: gets the public
 * pages' strict Content-Security-Policy (on every answer, refusals included); is counted per client address before
 * anything is read (a flood costs a map lookup each, its bodies drained unread); has its body refused unless it is
 * JSON within the route's limit; has its query and body parsed with the route's schemas. The handler then gets
 * parsed input and answers a page, JSON, a file or a redirect; any failure is mapped once (api/problem.ts): a page
 * opened in a browser gets the plain error page, a form's script gets problem+json.
 */

/** Requests per client address per window. */
export interface PublicLimit {
  readonly perWindow: number;
  readonly windowMs: number;
}

export interface PublicRouteOptions<Query, Body> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly limit?: PublicLimit;
  /** The query string's schema. A page's should not fail (`.catch`): a bad link gets its plain page, not an error. */
  readonly query?: Query;
  /** The JSON body: its schema, its largest size, and the summary shown when it does not fit the schema. */
  readonly body?: { readonly schema: Body; readonly maxBytes: number; readonly summary?: string };
}

export type PublicAnswer =
  /** HTML. A page that holds a personal link is never kept (`no-store`, the default). */
  | { readonly page: string; readonly status?: number; readonly cache?: 'no-store' | 'no-cache' }
  /** JSON for a form's script, never kept. */
  | { readonly json: unknown; readonly status?: number }
  | { readonly file: string | Buffer; readonly contentType: string; readonly cache: string }
  | { readonly redirect: string };

type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

export type PublicHandler<Query, Body> = (input: {
  readonly query: Parsed<Query>;
  readonly body: Parsed<Body>;
  readonly req: Request;
  readonly log: Logger;
}) => Promise<PublicAnswer>;

export type PublicRoute = <
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
>(
  options: PublicRouteOptions<Query, Body>,
  handler: PublicHandler<Query, Body>,
) => void;

/** The public route helper for this server: limits per client address as the configuration locates it. */
export function createPublicRoute(server: Server, context: Pick<ApiContext, 'config' | 'logger'>): PublicRoute {
  const addressOf = (req: Request): string => clientAddress(req, context.config);
  return (options, handler) => {
    const chain: RequestHandler[] = [withPublicPolicy];
    if (options.limit) {
      const { perWindow, windowMs } = options.limit;
      chain.push(countBeforeBody(new RateLimit(perWindow, windowMs), windowMs, addressOf));
    }
    if (options.body) chain.push(jsonBody({ maxBytes: options.body.maxBytes }));
    chain.push(answering(options, handler, context.logger));
    if (options.method === 'GET') server.get(options.path, ...chain);
    else server.post(options.path, ...chain);
  };
}

/** The last step: parse the query and the body, run the handler, send its answer; any failure mapped once. */
function answering<Query extends z.ZodType | undefined, Body extends z.ZodType | undefined>(
  options: PublicRouteOptions<Query, Body>,
  handler: PublicHandler<Query, Body>,
  logger: Logger,
): RequestHandler {
  return async (req: Request, res: Response) => {
    const log = (req as unknown as { log?: Logger }).log ?? logger;
    try {
      const query = (options.query ? parseOrThrow(options.query, req.query) : undefined) as Parsed<Query>;
      const body = (
        options.body ? parseOrThrow(options.body.schema!, req.body, options.body.summary) : undefined
      ) as Parsed<Body>;
      send(res, await handler({ query, body, req, log }));
    } catch (error) {
      sendFailure(req, res, error, log);
    }
  };
}

/**
 * Parses like the door does (parseOrThrow's words for each field), but hands back the problems instead of
 * answering them, for a form that lists them together with problems of its own (`/join`: the answers and the
 * proof-of-work check in one summary).
 */
export function checkAnswers<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { readonly value: z.infer<S>; readonly problems?: undefined } | { readonly problems: readonly FieldProblem[] } {
  try {
    return { value: parseOrThrow(schema, value) };
  } catch (error) {
    if (error instanceof ValidationError) return { problems: error.problems };
    throw error;
  }
}

function withPublicPolicy(_req: Request, res: Response, next: () => void): void {
  setPublicPagePolicy(res);
  next();
}

function send(res: Response, answer: PublicAnswer): void {
  if ('json' in answer) {
    res.setHeader('cache-control', 'no-store');
    res.json(answer.status ?? 200, answer.json);
    return;
  }
  if ('redirect' in answer) {
    res.setHeader('location', answer.redirect);
    res.setHeader('cache-control', 'no-cache');
    res.writeHead(302);
    res.end();
    return;
  }
  const [status, contentType, cache, content] =
    'page' in answer
      ? [answer.status ?? 200, 'text/html; charset=utf-8', answer.cache ?? 'no-store', answer.page]
      : [200, answer.contentType, answer.cache, answer.file];
  res.setHeader('content-type', contentType);
  res.setHeader('cache-control', cache);
  res.writeHead(status);
  res.end(content);
}

/** A page opened in a browser gets the plain error page, in the pages' look; a script gets problem+json. */
function sendFailure(req: Request, res: Response, error: unknown, log: Logger): void {
  if (req.method !== 'GET' || !/\btext\/html\b/.test(req.header('accept') ?? '')) return sendProblem(res, error, log);
  const problem = toProblem(error, log);
  send(res, {
    status: problem.status,
    page: publicPage({
      title: problem.title,
      main: `<h1>${escapeHtml(problem.title)}</h1>\n<p>${escapeHtml(problem.detail)}</p>`,
    }),
  });
}
