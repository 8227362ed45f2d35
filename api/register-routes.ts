import type { Request, Response, Server } from 'restify';
import { allowsDeveloperIdentity } from '../server/config.js';
import { DEMO_PEOPLE } from '../demo/demo-people.js';
import { idSchema } from '../contract/common.js';
import { API } from '../contract/endpoints.js';
import {
  consentChangeSchema,
  panelTrainingSchema,
  partnerCorrectionSchema,
  registerQuerySchema,
  registrationSchema,
  statusChangeSchema,
} from '../contract/register.js';
import type { Session } from '../contract/session.js';
import { mount, type ApiContext, type Route } from './routes.js';
import { parseOrThrow, pathParams } from './validate.js';
import { HttpProblem } from './problem.js';
import { DuplicatePartnerError } from '../domain/register/register-service.js';

/** The register's API: the list, a partner's page, registering a partner and IEV's welcome tasks. */
export function registerRegisterRoutes(server: Server, route: Route, context: ApiContext): void {
  mount(server, API.session, sessionInfo(context));

  route(API.registerOptions, async ({ actor }) => ({ body: context.services.register.options(actor) }));

  route(API.partners, async ({ actor, req }) => {
    const query = parseOrThrow(registerQuerySchema, req.query, 'Check the search and filters.');
    return { body: await context.services.register.list(actor, query) };
  });

  route(API.registerPartner, async ({ actor, req }) => {
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
  });

  route(API.partner, async ({ actor, req }) => {
    const id = idSchema.safeParse(pathParams(req).id);
    // An id that cannot exist gets the same answer as one that does not.
    if (!id.success) return { body: await context.services.register.partnerPage(actor, 'none') };
    return { body: await context.services.register.partnerPage(actor, id.data) };
  });

  route(API.partnerAudit, async ({ actor, req }) => {
    return {
      body: { items: await context.services.register.auditTrail(actor, parseOrThrow(idSchema, pathParams(req).id)) },
    };
  });

  route(API.correctPartner, async ({ actor, req }) => {
    const id = parseOrThrow(idSchema, pathParams(req).id);
    const body = parseOrThrow(
      partnerCorrectionSchema,
      req.body,
      'Some details need checking before they can be saved.',
    );
    return { body: await context.services.register.correct(actor, id, body) };
  });

  route(API.partnerConsent, async ({ actor, req }) => {
    const id = parseOrThrow(idSchema, pathParams(req).id);
    const body = parseOrThrow(
      consentChangeSchema,
      req.body,
      'Some answers need checking before the consent can be recorded.',
    );
    return { body: await context.services.register.changeConsent(actor, id, body) };
  });

  route(API.partnerPanelTraining, async ({ actor, req }) => {
    const { completedOn } = parseOrThrow(panelTrainingSchema, req.body, 'Check the date.');
    return {
      body: await context.services.register.recordPanelTraining(
        actor,
        parseOrThrow(idSchema, pathParams(req).id),
        completedOn,
      ),
    };
  });

  route(API.partnerStatus, async ({ actor, req }) => {
    const body = parseOrThrow(statusChangeSchema, req.body, 'Choose a status.');
    return {
      body: await context.services.register.changeStatus(
        actor,
        parseOrThrow(idSchema, pathParams(req).id),
        body.status,
        body.version,
      ),
    };
  });

  route(API.welcomeTasks, async ({ actor }) => ({
    body: { items: await context.services.register.welcomeTasks(actor) },
  }));

  route(API.welcomeSent, async ({ actor, req }) => {
    await context.services.register.markWelcomeSent(actor, parseOrThrow(idSchema, pathParams(req).id));
    return { status: 204, body: undefined };
  });
}

/**
 * Tells the page how to sign in, before it has signed in: Teams SSO (with the app's client id), or
 * the local developer identities. Nothing here is secret.
 */
function sessionInfo(context: ApiContext) {
  return async (_req: Request, res: Response) => {
    const sso = context.config.tabSso;
    res.setHeader('cache-control', 'no-store');
    const session: Session = allowsDeveloperIdentity(context.config)
      ? {
          signIn: 'developer',
          people: DEMO_PEOPLE.map(({ id, displayName, description }) => ({ id, displayName, description })),
        }
      : { signIn: 'teams-sso', clientId: sso?.clientId ?? null };
    res.json(200, session);
  };
}
