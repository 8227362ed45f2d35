import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { describeWork } from '../domain/register/involvement-work.js';
import type { ApiContext, ApiHandler } from './routes.js';
import { parseOrThrow } from './validate.js';

type Route = (handler: ApiHandler) => (req: Request, res: Response) => Promise<void>;

const workQuerySchema = z.object({
  serviceArea: z.string().trim().max(80).optional().transform((value) => value || undefined),
  planId: z.string().trim().max(100).optional().transform((value) => value || undefined),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  continuation: z.string().max(4000).optional(),
});

/** Involvement work (plans from the planning bot) for the register tab and the channel tab's views. Read-only. */
export function registerWorkRoutes(server: Server, route: Route, context: ApiContext): void {
  server.get('/api/work', route(async ({ req }) => {
    const query = parseOrThrow(workQuerySchema, req.query, 'Check the filters.');
    const page = await context.services.work.plansPage(query);
    const partnerNames = await namesOf(context, page.items.flatMap((plan) => plan.partnerIds ?? []));
    return { body: { items: page.items.map((plan) => describeWork(plan, partnerNames)), continuation: page.continuation } };
  }));
}

/** Only names of partners still on the register; everything else about them stays behind the partner page. */
async function namesOf(context: ApiContext, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].slice(0, 500);
  const partners = await context.services.partners.getMany(unique);
  return new Map(partners.filter((partner) => partner.status !== 'left').map((partner) => [partner.id, partner.displayName]));
}
