import type { Request, RequestHandler, Response, Server } from 'restify';
import type { Actor } from '../domain/people/actor.js';
import type { AppConfig } from '../server/config.js';
import type { Logger } from '../server/logger.js';
import type { Services } from '../server/services.js';
import { createAuthenticator } from './authenticate.js';
import { sendProblem } from './problem.js';
import { formBody } from './validate.js';
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
import type { Endpoint, FileDownload, ResponseOf } from '../contract/endpoint.js';
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

export type ApiHandler<Response> = (request: {
  actor: Actor;
  req: Request;
  log: Logger;
}) => Promise<RouteAnswer<Response>>;

/**
 * Mounts a handler at its endpoint in the API contract (contract/endpoints.ts): parse and call a domain
 * service in the handler, which must answer with the endpoint's type; authentication, answering and errors
 * here. Only an endpoint that takes a body reads one (a form's JSON, size-limited); others refuse a body.
 */
export type Route = <E extends Endpoint>(endpoint: E, handler: ApiHandler<ResponseOf<E>>) => void;

/**
 * The tab's JSON API. Every route authenticates first; roles and visibility are decided in the domain
 * services; each handler parses its request, calls one service and maps the answer.
 */
export function registerApi(server: Server, context: ApiContext): void {
  const route = createRoute(server, context);

  route(API.me, async ({ actor }) => ({ body: { id: actor.id, displayName: actor.displayName, roles: actor.roles } }));
  registerRegisterRoutes(server, route, context);
  registerWorkRoutes(route, context);
  registerClaimsRoutes(route, context);
  registerPartnerRightsRoutes(route, context);
  registerImpactRoutes(route, context);
  registerTeamRoutes(route, context);
  registerSupportRoutes(route, context);
  registerPartnerMessagesRoutes(route, context);
  registerApplicationsRoutes(route, context);
  registerOrganisationRoutes(route, context);
  registerOpportunitiesRoutes(route, context);
}

/** The one route helper: authenticate, run the handler, send its answer; any failure becomes a problem response, once. */
function createRoute(server: Server, context: ApiContext): Route {
  const authenticate = createAuthenticator(
    context.config,
    context.services,
    context.authKeys ? { keys: context.authKeys } : {},
  );
  return (endpoint, handler) =>
    mount(server, endpoint, ...(endpoint.takesBody ? [formBody()] : []), async (req: Request, res: Response) => {
      const log = (req as unknown as { log?: Logger }).log ?? context.logger;
      try {
        const actor = await authenticate(req);
        const answer = (await handler({ actor, req, log })) as FileAnswer | JsonAnswer<unknown>;
        res.setHeader('cache-control', 'no-store');
        if ('file' in answer) {
          res.setHeader('content-type', answer.file.contentType);
          res.setHeader(
            'content-disposition',
            `attachment; filename="${answer.file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
          );
          res.writeHead(200);
          res.end(answer.file.bytes);
          return;
        }
        const { status = 200, body, headers = {} } = answer;
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        res.json(status, body);
      } catch (error) {
        sendProblem(res, error, log);
      }
    });
}

/** Registers restify handlers at the endpoint's method and path. */
export function mount(server: Server, endpoint: Endpoint, ...handlers: RequestHandler[]): void {
  if (endpoint.method === 'GET') server.get(endpoint.path, ...handlers);
  else if (endpoint.method === 'POST') server.post(endpoint.path, ...handlers);
  else if (endpoint.method === 'PUT') server.put(endpoint.path, ...handlers);
  else server.del(endpoint.path, ...handlers);
}
