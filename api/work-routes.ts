import { API } from '../contract/endpoints.js';
import { workQuerySchema, type WorkPage } from '../contract/work.js';
import type { Given, Route, RouteAnswer as Answer } from './routes.js';

const filters = { schema: workQuerySchema, summary: 'Check the filters.' };

/** Involvement work (plans from the planning bot) for the register tab and the channel tab's views. Read-only. */
export function registerWorkRoutes(route: Route): void {
  route(API.work, { query: filters }, listWork);
}

async function listWork({ actor, services, query }: Given<{ query: typeof filters }>): Promise<Answer<WorkPage>> {
  return { body: await services.involvementWork.list(actor, query) };
}
