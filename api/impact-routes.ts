import { API } from '../contract/endpoints.js';
import { impactQuerySchema } from '../contract/impact.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow } from './validate.js';

/** "Is it working?": suppressed figures for a period, for IEV members and hosts (the service refuses viewers). */
export function registerImpactRoutes(route: Route, context: ApiContext): void {
  route(API.impact, async ({ actor, req }) => {
    const query = parseOrThrow(impactQuerySchema, req.query, 'Check the dates of the period.');
    return { body: await context.services.impact.report(actor, query) };
  });
}
