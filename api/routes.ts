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
import type { JWTVerifyGetKey } from 'jose';

export interface ApiContext {
  readonly config: AppConfig;
  readonly services: Services;
  readonly logger: Logger;
  /** Tests only: the key set tokens are verified against, instead of Microsoft Entra's published keys. */
  readonly authKeys?: JWTVerifyGetKey | undefined;
}

export type ApiHandler = (request: { actor: Actor; req: Request; log: Logger }) => Promise<{ status?: number; body: unknown; headers?: Record<string, string> }>;

/** The tab's JSON API. Every route authenticates first; roles are checked in the domain services. */
export function registerApi(server: Server, context: ApiContext): void {
  const authenticate = createAuthenticator(context.config, context.services, context.authKeys ? { keys: context.authKeys } : {});
  const route = (handler: ApiHandler) => async (req: Request, res: Response) => {
    const log = (req as unknown as { log?: Logger }).log ?? context.logger;
    try {
      const actor = await authenticate(req);
      const { status = 200, body, headers = {} } = await handler({ actor, req, log });
      res.setHeader('cache-control', 'no-store');
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.json(status, body);
    } catch (error) {
      sendProblem(res, error, log);
    }
  };

  server.get('/api/me', route(async ({ actor }) => ({ body: { id: actor.id, displayName: actor.displayName, roles: actor.roles } })));
  registerRegisterRoutes(server, route, context);
  registerWorkRoutes(server, route, context);
  registerClaimsRoutes(server, route, context);
  registerPartnerRightsRoutes(server, route, context);
  registerImpactRoutes(server, route, context);
}
