import { z } from 'zod';
import { idSchema } from '../contract/common.js';
import { API } from '../contract/endpoints.js';
import {
  consentRenewalsQuerySchema,
  erasureRequestSchema,
  retentionReviewQuerySchema,
  type ConsentRenewalAsked,
  type ConsentRenewalPage,
  type ErasureResult,
  type PartnerDataExport,
  type RetentionReviewPage,
} from '../contract/partner-rights.js';
import type { Given, Route, RouteAnswer as Answer } from './routes.js';

// An id that cannot exist gets the same answer as one that does not (after the role check).
const partnerParams = z.object({ id: idSchema.catch('none') });
const erasure = { schema: erasureRequestSchema, summary: 'Say why the partner\u2019s data is being erased.' };
const reviewPage = { schema: retentionReviewQuerySchema, summary: 'The list is out of date. Reload the page.' };
const renewalsPage = { schema: consentRenewalsQuerySchema, summary: 'The list is out of date. Reload the page.' };

/** A partner's rights over their data (IEV only): export on request, erasure on request, the retention review. */
export function registerPartnerRightsRoutes(route: Route): void {
  route(API.partnerExport, { params: partnerParams }, exportPartnerData);
  route(API.partnerErase, { params: partnerParams, body: erasure }, erasePartner);
  route(API.retentionReview, { query: reviewPage }, retentionReview);
  route(API.consentRenewals, { query: renewalsPage }, consentRenewalsDue);
  route(API.askConsentRenewal, { params: partnerParams }, askConsentRenewal);
}

async function exportPartnerData({
  actor,
  services,
  params,
}: Given<{ params: typeof partnerParams }>): Promise<Answer<PartnerDataExport>> {
  const body = await services.partnerRights.exportData(actor, params.id);
  // The file name carries the id and date only: names stay out of headers and download folders' listings.
  const filename = `involvement-partner-${params.id}-${body.exportedAt.slice(0, 10)}.json`;
  return { body, headers: { 'content-disposition': `attachment; filename="${filename}"` } };
}

async function erasePartner({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof partnerParams; body: typeof erasure }>): Promise<Answer<ErasureResult>> {
  return { body: await services.partnerRights.erase(actor, params.id, body.reason) };
}

async function retentionReview({
  actor,
  services,
  query,
}: Given<{ query: typeof reviewPage }>): Promise<Answer<RetentionReviewPage>> {
  return { body: await services.partnerRights.dueForReview(actor, query.continuation) };
}

async function consentRenewalsDue({
  actor,
  services,
  query,
}: Given<{ query: typeof renewalsPage }>): Promise<Answer<ConsentRenewalPage>> {
  return { body: await services.consentRenewalRequests.due(actor, query.continuation) };
}

async function askConsentRenewal({
  actor,
  services,
  params,
}: Given<{ params: typeof partnerParams }>): Promise<Answer<ConsentRenewalAsked>> {
  return { body: await services.consentRenewalRequests.ask(actor, params.id) };
}
