import { z } from 'zod';
import { declineSchema } from '../contract/applications.js';
import { API } from '../contract/endpoints.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow, pathParams } from './validate.js';

const applicationId = z.string().regex(/^application-[A-Za-z0-9-]{8,64}$/);

/** IEV reviews applications to join: approve (on the register, welcome sent) or decline with a reason. */
export function registerApplicationsRoutes(route: Route, context: ApiContext): void {
  const applications = context.services.applications;
  route(API.applications, async ({ actor }) => ({ body: { items: await applications.pending(actor) } }));
  route(API.approveApplication, async ({ actor, req }) => ({
    body: await applications.approve(actor, parseOrThrow(applicationId, pathParams(req).id)),
  }));
  route(API.declineApplication, async ({ actor, req }) => {
    const { reason } = parseOrThrow(declineSchema, req.body, 'Say why the application is declined.');
    await applications.decline(actor, parseOrThrow(applicationId, pathParams(req).id), reason);
    return { status: 204, body: undefined };
  });
}
