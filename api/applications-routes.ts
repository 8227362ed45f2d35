import { z } from 'zod';
import { declineSchema, type ApplicationRow } from '../contract/applications.js';
import { API } from '../contract/endpoints.js';
import type { Given, Route, RouteAnswer as Answer } from './routes.js';

const applicationParams = z.object({ id: z.string().regex(/^application-[A-Za-z0-9-]{8,64}$/) });
const decline = { schema: declineSchema, summary: 'Say why the application is declined.' };

/** IEV reviews applications to join: approve (on the register, welcome sent) or decline with a reason. */
export function registerApplicationsRoutes(route: Route): void {
  route(API.applications, {}, pendingApplications);
  route(API.approveApplication, { params: applicationParams }, approveApplication);
  route(API.declineApplication, { params: applicationParams, body: decline }, declineApplication);
}

async function pendingApplications({ actor, services }: Given): Promise<Answer<{ items: ApplicationRow[] }>> {
  return { body: { items: await services.applications.pending(actor) } };
}

async function approveApplication({
  actor,
  services,
  params,
}: Given<{ params: typeof applicationParams }>): Promise<Answer<{ partnerId: string }>> {
  return { body: await services.applications.approve(actor, params.id) };
}

async function declineApplication({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof applicationParams; body: typeof decline }>): Promise<Answer<void>> {
  await services.applications.decline(actor, params.id, body.reason);
  return { status: 204, body: undefined };
}
