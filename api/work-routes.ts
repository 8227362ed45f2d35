import { API } from '../contract/endpoints.js';
import { workQuerySchema } from '../contract/work.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow } from './validate.js';

/** Involvement work (plans from the planning bot) for the register tab and the channel tab's views. Read-only. */
export function registerWorkRoutes(route: Route, context: ApiContext): void {
  route(API.work, async ({ actor, req }) => {
    const query = parseOrThrow(workQuerySchema, req.query, 'Check the filters.');
    return { body: await context.services.involvementWork.list(actor, query) };
  });
}
