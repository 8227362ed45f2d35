import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { allowsDeveloperIdentity } from '../server/config.js';
import { DEMO_PEOPLE } from '../demo/demo-people.js';
import { registerQuerySchema } from '../domain/register/register-query.js';
import { PARTNER_STATUSES } from '../domain/register/partner.js';
import { registrationSchema } from '../domain/register/registration.js';
import { partnerCorrectionSchema } from '../domain/register/correction.js';
import { consentChangeSchema } from '../domain/register/consent.js';
import type { ApiContext, Route } from './routes.js';
import { formBody, parseOrThrow, pathParams } from './validate.js';
import { HttpProblem } from './problem.js';
import { DuplicatePartnerError } from '../domain/register/register-service.js';

const statusChangeSchema = z.object({
  status: z.enum(PARTNER_STATUSES, 'Choose active, paused or left.'),
  version: z.string().min(1).max(200),
});

const partnerId = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);

/** The register's API: the list, a partner's page, registering a partner and IEV's welcome tasks. */
export function registerRegisterRoutes(server: Server, route: Route, context: ApiContext): void {
  server.get('/api/session', sessionInfo(context));

  server.get(
    '/api/register/options',
    route(async ({ actor }) => ({ body: context.services.register.options(actor) })),
  );

  server.get(
    '/api/partners',
    route(async ({ actor, req }) => {
      const query = parseOrThrow(registerQuerySchema, req.query, 'Check the search and filters.');
      return { body: await context.services.register.list(actor, query) };
    }),
  );

  server.post(
    '/api/partners',
    formBody(),
    route(async ({ actor, req }) => {
      const input = parseOrThrow(
        registrationSchema,
        req.body,
        'Some answers need checking before the partner can be registered.',
      );
      try {
        const { partner, created } = await context.services.register.register(actor, input);
        return { status: created ? 201 : 200, body: { partner } };
      } catch (error) {
        if (error instanceof DuplicatePartnerError)
          throw new HttpProblem({ status: 409, title: 'Already on the register', detail: error.userMessage });
        throw error;
      }
    }),
  );

  server.get(
    '/api/partners/:id',
    route(async ({ actor, req }) => {
      const id = partnerId.safeParse(pathParams(req).id);
      // An id that cannot exist gets the same answer as one that does not.
      if (!id.success) return { body: await context.services.register.partnerPage(actor, 'none') };
      return { body: await context.services.register.partnerPage(actor, id.data) };
    }),
  );

  server.get(
    '/api/partners/:id/audit',
    route(async ({ actor, req }) => {
      return {
        body: { items: await context.services.register.auditTrail(actor, parseOrThrow(partnerId, pathParams(req).id)) },
      };
    }),
  );

  server.put(
    '/api/partners/:id',
    formBody(),
    route(async ({ actor, req }) => {
      const id = parseOrThrow(partnerId, pathParams(req).id);
      const body = parseOrThrow(
        partnerCorrectionSchema,
        req.body,
        'Some details need checking before they can be saved.',
      );
      return { body: await context.services.register.correct(actor, id, body) };
    }),
  );

  server.post(
    '/api/partners/:id/consent',
    formBody(),
    route(async ({ actor, req }) => {
      const id = parseOrThrow(partnerId, pathParams(req).id);
      const body = parseOrThrow(
        consentChangeSchema,
        req.body,
        'Some answers need checking before the consent can be recorded.',
      );
      return { body: await context.services.register.changeConsent(actor, id, body) };
    }),
  );

  server.put(
    '/api/partners/:id/status',
    formBody(),
    route(async ({ actor, req }) => {
      const body = parseOrThrow(statusChangeSchema, req.body, 'Choose a status.');
      return {
        body: await context.services.register.changeStatus(
          actor,
          parseOrThrow(partnerId, pathParams(req).id),
          body.status,
          body.version,
        ),
      };
    }),
  );

  server.get(
    '/api/welcome-tasks',
    route(async ({ actor }) => ({ body: { items: await context.services.register.welcomeTasks(actor) } })),
  );

  server.post(
    '/api/partners/:id/welcome-sent',
    route(async ({ actor, req }) => {
      await context.services.register.markWelcomeSent(actor, parseOrThrow(partnerId, pathParams(req).id));
      return { status: 204, body: undefined };
    }),
  );
}

/**
 * Tells the page how to sign in, before it has signed in: Teams SSO (with the app's client id), or
 * the local developer identities. Nothing here is secret.
 */
function sessionInfo(context: ApiContext) {
  return async (_req: Request, res: Response) => {
    const sso = context.config.tabSso;
    res.setHeader('cache-control', 'no-store');
    if (allowsDeveloperIdentity(context.config)) {
      res.json(200, {
        signIn: 'developer',
        people: DEMO_PEOPLE.map(({ id, displayName, description }) => ({ id, displayName, description })),
      });
    } else {
      res.json(200, { signIn: 'teams-sso', clientId: sso?.clientId ?? null });
    }
  };
}
