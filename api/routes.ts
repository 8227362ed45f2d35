import type { Request, RequestHandler, Response, Server } from 'restify';
import type { Actor } from '../domain/people/actor.js';
import type { AppConfig } from '../server/config.js';
import type { Logger } from '../server/logger.js';
import type { Services } from '../server/services.js';
import { createAuthenticator } from './authenticate.js';
import { sendProblem } from './problem.js';
import { formBody, parseOrThrow } from './validate.js';
import { registerRegisterRoutes } from './register-routes.js';
import { registerWorkRoutes } from './work-routes.js';
import { registerClaimsRoutes } from './claims-routes.js';
import { registerPartnerRightsRoutes } from './partner-rights-routes.js';
import { registerImpactRoutes } from './impact-routes.js';
import { registerTeamRoutes } from './team-routes.js';
import { registerSupportRoutes } from './support-routes.js';
import { registerPartnerMessagesRoutes } from './partner-messages-routes.js';
import { registerApplicationsRoutes } from './applications-routes.js';
import { registerOrganisationRoutes } from './organisation-routes.js';
import { registerOpportunitiesRoutes } from './opportunities-routes.js';
import type { JWTVerifyGetKey } from 'jose';
import type { z } from 'zod';
import type {
  BodyOf,
  Endpoint,
  FileDownload,
  Method,
  PathParams,
  QueryParamsOf,
  ResponseOf,
} from '../contract/endpoint.js';
import { API } from '../contract/endpoints.js';

export interface ApiContext {
  readonly config: AppConfig;
  readonly services: Services;
  readonly logger: Logger;
  /** Tests only: the key set tokens are verified against, instead of Microsoft Entra's published keys. */
  readonly authKeys?: JWTVerifyGetKey | undefined;
}

type JsonAnswer<Body> = { readonly status?: number; readonly body: Body; readonly headers?: Record<string, string> };
type FileAnswer = {
  readonly file: { readonly bytes: Buffer | string; readonly contentType: string; readonly fileName: string };
};

/** What a route answers: JSON of its endpoint's type (the usual case), or a file to download where the endpoint says so (CSV, a receipt). */
export type RouteAnswer<Response> = [Response] extends [FileDownload] ? FileAnswer : JsonAnswer<Response>;

/** A part of the request's schema, with the problem's summary when the part does not fit ("Some answers need checking." if none). */
export type Part<S extends z.ZodType = z.ZodType> = S | { readonly schema: S; readonly summary: string };
type SchemaOf<P> = P extends { readonly schema: infer S extends z.ZodType } ? S : P extends z.ZodType ? P : never;
type Parsed<P> = [P] extends [Part] ? z.output<SchemaOf<P>> : undefined;

/** The schemas a route declares for its request: the door parses each part with its schema before the handler runs. */
export interface Schemas {
  readonly params?: Part;
  readonly query?: Part;
  readonly body?: Part;
}

/** What a handler is given: who is asking, and the request's parts already parsed (a part not declared is undefined). */
export type Given<S extends Schemas = Record<never, never>> = {
  readonly actor: Actor;
  readonly log: Logger;
  readonly services: Services;
  readonly params: Parsed<S['params']>;
  readonly query: Parsed<S['query']>;
  readonly body: Parsed<S['body']>;
};

export type ApiHandler<Response, S extends Schemas> = (given: Given<S>) => Promise<RouteAnswer<Response>>;

/**
 * What an endpoint must declare: a params schema when its path has `:params`, a query schema when it reads
 * one, a body schema when it takes one; never a part it does not have.
 */
type SchemasFor<E extends Endpoint> = (E extends Endpoint<Method, infer P>
  ? keyof PathParams<P> extends never
    ? { readonly params?: never }
    : { readonly params: Part }
  : never) &
  (QueryParamsOf<E> extends undefined ? { readonly query?: never } : { readonly query: Part }) &
  (BodyOf<E> extends undefined ? { readonly body?: never } : { readonly body: Part });

/**
 * The body schema and the body the contract says the tab sends (contract/endpoints.ts) must agree: the tab's
 * body is one the schema accepts, or the schema accepts only such bodies (where the contract is wider, as a
 * box typed boolean that must be ticked). A compile error when they drift.
 */
type BodyMatches<E extends Endpoint, S extends Schemas> = S extends { readonly body: infer B }
  ? Agree<BodyOf<E>, z.input<SchemaOf<B>>> extends true
    ? unknown
    : { readonly body: "does not match the endpoint's body type (contract/endpoints.ts)" }
  : unknown;
type Agree<Sent, Accepted> = [keyof Sent, keyof Accepted] extends [keyof Accepted, keyof Sent]
  ? [Sent] extends [DeepReadonly<Accepted>]
    ? true
    : [Accepted] extends [Sent]
      ? true
      : false
  : false;
type DeepReadonly<T> =
  T extends ReadonlyArray<infer Item>
    ? ReadonlyArray<DeepReadonly<Item>>
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/**
 * Mounts a handler at its endpoint in the API contract (contract/endpoints.ts) with the schemas of its request:
 * authentication, parsing, answering and errors here; the handler calls a domain service with what it is given
 * and answers with the endpoint's type. Only an endpoint that takes a body reads one (a form's JSON,
 * size-limited); others refuse a body.
 */
export type Route = <E extends Endpoint, S extends SchemasFor<E>>(
  endpoint: E,
  schemas: S & BodyMatches<E, S>,
  handler: ApiHandler<ResponseOf<E>, S>,
) => void;

/**
 * The tab's JSON API. Every route authenticates first, then parses its request with the schemas it declares;
 * roles and visibility are decided in the domain services; each handler calls one service and maps the answer.
 */
export function registerApi(server: Server, context: ApiContext): void {
  const route = createRoute(server, context);

  route(API.me, {}, async ({ actor }) => ({
    body: { id: actor.id, displayName: actor.displayName, roles: actor.roles },
  }));
  registerRegisterRoutes(server, route, context);
  registerWorkRoutes(route);
  registerClaimsRoutes(route);
  registerPartnerRightsRoutes(route);
  registerImpactRoutes(route);
  registerTeamRoutes(route);
  registerSupportRoutes(route);
  registerPartnerMessagesRoutes(route);
  registerApplicationsRoutes(route);
  registerOrganisationRoutes(route);
  registerOpportunitiesRoutes(route);
}

/** The one route helper: authenticate, parse, run the handler, send its answer; any failure becomes a problem response, once. */
function createRoute(server: Server, context: ApiContext): Route {
  const authenticate = createAuthenticator(
    context.config,
    context.services,
    context.authKeys ? { keys: context.authKeys } : {},
  );
  return (endpoint, schemas, handler) => {
    const declared: Schemas = schemas;
    if (endpoint.takesBody !== (declared.body !== undefined))
      throw new Error(`${endpoint.method} ${endpoint.path}: a body schema exactly when the endpoint takes a body`);
    mount(server, endpoint, ...(endpoint.takesBody ? [formBody()] : []), async (req: Request, res: Response) => {
      const log = (req as unknown as { log?: Logger }).log ?? context.logger;
      try {
        const actor = await authenticate(req);
        const parts = parseParts(declared, req);
        const given = { actor, log, services: context.services, ...parts } as Parameters<typeof handler>[0];
        send(res, await handler(given));
      } catch (error) {
        sendProblem(res, error, log);
      }
    });
  };
}

/** Each declared part parsed with its schema (path params as the router matched them; restify types them as any). */
function parseParts(schemas: Schemas, req: Request): { params: unknown; query: unknown; body: unknown } {
  const parse = (part: Part | undefined, value: unknown) => {
    if (part === undefined) return undefined;
    return 'schema' in part ? parseOrThrow(part.schema, value, part.summary) : parseOrThrow(part, value);
  };
  return {
    params: parse(schemas.params, req.params as unknown),
    query: parse(schemas.query, req.query as unknown),
    body: parse(schemas.body, req.body as unknown),
  };
}

function send(res: Response, result: FileAnswer | JsonAnswer<unknown>): void {
  res.setHeader('cache-control', 'no-store');
  if ('file' in result) {
    res.setHeader('content-type', result.file.contentType);
    res.setHeader(
      'content-disposition',
      `attachment; filename="${result.file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    );
    res.writeHead(200);
    res.end(result.file.bytes);
    return;
  }
  const { status = 200, body, headers = {} } = result;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.json(status, body);
}

/** Registers restify handlers at the endpoint's method and path. */
export function mount(server: Server, endpoint: Endpoint, ...handlers: RequestHandler[]): void {
  if (endpoint.method === 'GET') server.get(endpoint.path, ...handlers);
  else if (endpoint.method === 'POST') server.post(endpoint.path, ...handlers);
  else if (endpoint.method === 'PUT') server.put(endpoint.path, ...handlers);
  else server.del(endpoint.path, ...handlers);
}
