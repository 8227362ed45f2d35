import type { Request, Response, Server } from 'restify';
import type { Actor } from '../domain/people/actor.js';
import type { AppConfig } from '../server/config.js';
import type { Logger } from '../server/logger.js';
import type { Services } from '../server/services.js';
import { createAuthenticator } from './authenticate.js';
import { sendProblem } from './problem.js';
import { registerRegisterRoutes } from './register-routes.js';
import { registerWorkRoutes } from './work-routes.js';
import { registerClaimsRoutes } from './claims-routes.js';
import { registerPartnerRightsRoutes } from './partner-rights-routes.js';
import { registerImpactRoutes } from './impact-routes.js';
import { registerTeamRoutes } from './team-routes.js';
import type { JWTVerifyGetKey } from 'jose';

export interface ApiContext {
  readonly config: AppConfig;
  readonly services: Services;
  readonly logger: Logger;
  /** Tests only: the key set tokens are verified against, instead of Microsoft Entra's published keys. */
  readonly authKeys?: JWTVerifyGetKey | undefined;
}

/** What a route answers: JSON (the usual case), or a file to download (CSV, a receipt). */
export type RouteAnswer =
  | { readonly status?: number; readonly body: unknown; readonly headers?: Record<string, string> }
  | { readonly file: { readonly bytes: Buffer | string; readonly contentType: string; readonly fileName: string } };

export type ApiHandler = (request: { actor: Actor; req: Request; log: Logger }) => Promise<RouteAnswer>;

/** Wraps a handler: parse and call a domain service in the handler; authentication, answering and errors here. */
export type Route = (handler: ApiHandler) => (req: Request, res: Response) => Promise<void>;

/**
 * The tab's JSON API. Every route authenticates first; roles and visibility are decided in the domain
 * services; each handler parses its request, calls one service and maps the answer.
 */
export function registerApi(server: Server, context: ApiContext): void {
  const route = createRoute(context);

  server.get(
    '/api/me',
    route(async ({ actor }) => ({ body: { id: actor.id, displayName: actor.displayName, roles: actor.roles } })),
  );
  registerRegisterRoutes(server, route, context);
  registerWorkRoutes(server, route, context);
  registerClaimsRoutes(server, route, context);
  registerPartnerRightsRoutes(server, route, context);
  registerImpactRoutes(server, route, context);
  registerTeamRoutes(server, route, context);
}

/** The one route helper: authenticate, run the handler, send its answer; any failure becomes a problem response, once. */
function createRoute(context: ApiContext): Route {
  const authenticate = createAuthenticator(
    context.config,
    context.services,
    context.authKeys ? { keys: context.authKeys } : {},
  );
  return (handler) => async (req, res) => {
    const log = (req as unknown as { log?: Logger }).log ?? context.logger;
    try {
      const actor = await authenticate(req);
      const answer = await handler({ actor, req, log });
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
  };
}
