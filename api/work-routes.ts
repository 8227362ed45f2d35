import type { Server } from 'restify';
import { z } from 'zod';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow } from './validate.js';

const workQuerySchema = z.object({
  serviceArea: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((value) => value || undefined),
  planId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || undefined),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  continuation: z.string().max(4000).optional(),
});

/** Involvement work (plans from the planning bot) for the register tab and the channel tab's views. Read-only. */
export function registerWorkRoutes(server: Server, route: Route, context: ApiContext): void {
  server.get(
    '/api/work',
    route(async ({ actor, req }) => {
      const query = parseOrThrow(workQuerySchema, req.query, 'Check the filters.');
      return { body: await context.services.involvementWork.list(actor, query) };
    }),
  );
}
