import type { Request, Server } from 'restify';
import { z } from 'zod';
import { erasureRequestSchema } from '../domain/register/erasure.js';
import type { ApiContext, Route } from './routes.js';
import { formBody, parseOrThrow, pathParams } from './validate.js';

const partnerIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);
const reviewQuerySchema = z.object({ continuation: z.string().max(4000).optional() });

// An id that cannot exist gets the same answer as one that does not (after the role check).
const partnerIdOf = (req: Request): string => partnerIdSchema.safeParse(pathParams(req).id).data ?? 'none';

/** A partner's rights over their data (IEV only): export on request, erasure on request, the retention review. */
export function registerPartnerRightsRoutes(server: Server, route: Route, context: ApiContext): void {
  const rights = context.services.partnerRights;

  server.get(
    '/api/partners/:id/export',
    route(async ({ actor, req }) => {
      const id = partnerIdOf(req);
      const body = await rights.exportData(actor, id);
      // The file name carries the id and date only: names stay out of headers and download folders' listings.
      const filename = `involvement-partner-${id}-${body.exportedAt.slice(0, 10)}.json`;
      return { body, headers: { 'content-disposition': `attachment; filename="${filename}"` } };
    }),
  );

  server.post(
    '/api/partners/:id/erase',
    formBody(),
    route(async ({ actor, req }) => {
      const { reason } = parseOrThrow(
        erasureRequestSchema,
        req.body,
        'Say why the partner\u2019s data is being erased.',
      );
      return { body: await rights.erase(actor, partnerIdOf(req), reason) };
    }),
  );

  server.get(
    '/api/retention-review',
    route(async ({ actor, req }) => {
      const { continuation } = parseOrThrow(reviewQuerySchema, req.query, 'The list is out of date. Reload the page.');
      return { body: await rights.dueForReview(actor, continuation) };
    }),
  );
}
