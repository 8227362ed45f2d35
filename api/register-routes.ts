import { z } from 'zod';
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
  type AuditEntry,
  type NewVersion,
  type PartnerPage,
  type RegisteredPartner,
  type RegisterOptions,
  type RegisterPage,
  type WelcomeTask,
} from '../contract/register.js';
import type { Session } from '../contract/session.js';
import { mount, type ApiContext, type Given, type Route, type RouteAnswer as Answer } from './routes.js';
import { HttpProblem } from './problem.js';
import { DuplicatePartnerError } from '../domain/register/register-service.js';

const partnerParams = z.object({ id: idSchema });
// An id that cannot exist gets the same answer as one that does not.
const anyPartnerParams = z.object({ id: idSchema.catch('none') });

/** The register's API: the list, a partner's page, registering a partner and IEV's welcome tasks. */
export function registerRegisterRoutes(server: Server, route: Route, context: ApiContext): void {
  mount(server, API.session, sessionInfo(context));
  route(API.registerOptions, {}, registerOptions);
  route(API.partners, { query: partnersQuery }, listPartners);
  route(API.registerPartner, { body: registration }, registerPartner);
  route(API.partner, { params: anyPartnerParams }, partnerPage);
  route(API.partnerAudit, { params: partnerParams }, partnerAudit);
  route(API.correctPartner, { params: partnerParams, body: correction }, correctPartner);
  route(API.partnerConsent, { params: partnerParams, body: consentChange }, changeConsent);
  route(API.partnerPanelTraining, { params: partnerParams, body: panelTraining }, recordPanelTraining);
  route(API.partnerStatus, { params: partnerParams, body: statusChange }, changeStatus);
  route(API.welcomeTasks, {}, welcomeTasks);
  route(API.welcomeSent, { params: partnerParams }, markWelcomeSent);
}

const partnersQuery = { schema: registerQuerySchema, summary: 'Check the search and filters.' };
const registration = {
  schema: registrationSchema,
  summary: 'Some answers need checking before the partner can be registered.',
};
const correction = { schema: partnerCorrectionSchema, summary: 'Some details need checking before they can be saved.' };
const consentChange = {
  schema: consentChangeSchema,
  summary: 'Some answers need checking before the consent can be recorded.',
};
const panelTraining = { schema: panelTrainingSchema, summary: 'Check the date.' };
const statusChange = { schema: statusChangeSchema, summary: 'Choose a status.' };

async function registerOptions({ actor, services }: Given): Promise<Answer<RegisterOptions>> {
  return { body: services.register.options(actor) };
}

async function listPartners({
  actor,
  services,
  query,
}: Given<{ query: typeof partnersQuery }>): Promise<Answer<RegisterPage>> {
  return { body: await services.register.list(actor, query) };
}

async function registerPartner({
  actor,
  services,
  body,
}: Given<{ body: typeof registration }>): Promise<Answer<RegisteredPartner>> {
  try {
    const { partner, created } = await services.register.register(actor, body);
    return { status: created ? 201 : 200, body: { partner } };
  } catch (error) {
    if (error instanceof DuplicatePartnerError)
      throw new HttpProblem({ status: 409, title: 'Already on the register', detail: error.userMessage });
    throw error;
  }
}

async function partnerPage({
  actor,
  services,
  params,
}: Given<{ params: typeof anyPartnerParams }>): Promise<Answer<PartnerPage>> {
  return { body: await services.register.partnerPage(actor, params.id) };
}

async function partnerAudit({
  actor,
  services,
  params,
}: Given<{ params: typeof partnerParams }>): Promise<Answer<{ items: AuditEntry[] }>> {
  return { body: { items: await services.register.auditTrail(actor, params.id) } };
}

async function correctPartner({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof partnerParams; body: typeof correction }>) {
  return { body: await services.register.correct(actor, params.id, body) };
}

async function changeConsent({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof partnerParams; body: typeof consentChange }>): Promise<Answer<NewVersion>> {
  return { body: await services.register.changeConsent(actor, params.id, body) };
}

async function recordPanelTraining({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof partnerParams; body: typeof panelTraining }>): Promise<Answer<NewVersion>> {
  return { body: await services.register.recordPanelTraining(actor, params.id, body.completedOn) };
}

async function changeStatus({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof partnerParams; body: typeof statusChange }>): Promise<Answer<NewVersion>> {
  return { body: await services.register.changeStatus(actor, params.id, body.status, body.version) };
}

async function welcomeTasks({ actor, services }: Given): Promise<Answer<{ items: WelcomeTask[] }>> {
  return { body: { items: await services.register.welcomeTasks(actor) } };
}

async function markWelcomeSent({ actor, services, params }: Given<{ params: typeof partnerParams }>) {
  await services.register.markWelcomeSent(actor, params.id);
  return { status: 204, body: undefined };
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
