import type { Request } from 'restify';
import { idSchema } from '../contract/common.js';
import { API } from '../contract/endpoints.js';
import {
  consentRenewalsQuerySchema,
  erasureRequestSchema,
  retentionReviewQuerySchema,
} from '../contract/partner-rights.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow, pathParams } from './validate.js';

// An id that cannot exist gets the same answer as one that does not (after the role check).
const partnerIdOf = (req: Request): string => idSchema.safeParse(pathParams(req).id).data ?? 'none';

/** A partner's rights over their data (IEV only): export on request, erasure on request, the retention review. */
export function registerPartnerRightsRoutes(route: Route, context: ApiContext): void {
  const rights = context.services.partnerRights;

  route(API.partnerExport, async ({ actor, req }) => {
    const id = partnerIdOf(req);
    const body = await rights.exportData(actor, id);
    // The file name carries the id and date only: names stay out of headers and download folders' listings.
    const filename = `involvement-partner-${id}-${body.exportedAt.slice(0, 10)}.json`;
    return { body, headers: { 'content-disposition': `attachment; filename="${filename}"` } };
  });

  route(API.partnerErase, async ({ actor, req }) => {
    const { reason } = parseOrThrow(erasureRequestSchema, req.body, 'Say why the partner\u2019s data is being erased.');
    return { body: await rights.erase(actor, partnerIdOf(req), reason) };
  });

  route(API.retentionReview, async ({ actor, req }) => {
    const { continuation } = parseOrThrow(
      retentionReviewQuerySchema,
      req.query,
      'The list is out of date. Reload the page.',
    );
    return { body: await rights.dueForReview(actor, continuation) };
  });

  route(API.consentRenewals, async ({ actor, req }) => {
    const { continuation } = parseOrThrow(
      consentRenewalsQuerySchema,
      req.query,
      'The list is out of date. Reload the page.',
    );
    return { body: await context.services.consentRenewalRequests.due(actor, continuation) };
  });

  route(API.askConsentRenewal, async ({ actor, req }) => ({
    body: await context.services.consentRenewalRequests.ask(actor, partnerIdOf(req)),
  }));
}
