import type { Server } from 'restify';
import { z } from 'zod';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow } from './validate.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD, for example 2026-04-01.')
  .refine(
    (value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value),
    'That is not a real date.',
  )
  .optional()
  .transform((value) => value || undefined);

const impactQuerySchema = z.object({ from: day, to: day });

/** "Is it working?": suppressed figures for a period, for IEV members and hosts (the service refuses viewers). */
export function registerImpactRoutes(server: Server, route: Route, context: ApiContext): void {
  server.get(
    '/api/impact',
    route(async ({ actor, req }) => {
      const query = parseOrThrow(impactQuerySchema, req.query, 'Check the dates of the period.');
      return { body: await context.services.impact.report(actor, query) };
    }),
  );
}
