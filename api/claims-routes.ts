import type { Server } from 'restify';
import { z } from 'zod';
import type { ClaimDocument } from '../domain/claims/claim.js';
import { CLAIM_STATUSES } from '../domain/claims/claim.js';
import type { PaymentBatchDocument } from '../domain/claims/ports.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow, pathParams } from './validate.js';

const id = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'Not a valid id');
const claimParams = z.object({ claimId: id });
const receiptParams = z.object({ claimId: id, receiptId: id });
const batchParams = z.object({ batchId: id });
const csvParams = z.object({ batchId: id, category: z.enum(['expenses', 'payments']) });
const exportBody = z.object({ operationId: z.string().trim().min(8, 'Send a unique operationId so a retried export is not done twice').max(100) });
const listQuery = z.object({ status: z.enum(CLAIM_STATUSES).optional(), continuation: z.string().max(4000).optional() });

/**
 * Claims in the tab: a claim's page with its receipts (its host and IEV approvers only), and IEV's
 * payment runs (export approved claims as CSV, then mark the batch paid).
 */
export function registerClaimsRoutes(server: Server, route: Route, context: ApiContext): void {
  const claims = () => context.services.claims;

  server.get('/api/claims', route(async ({ actor, req }) => {
    const query = parseOrThrow(listQuery, req.query);
    const page = await claims().service.list(actor, query);
    return { body: { items: page.items.map(claimSummary), continuation: page.continuation ?? null } };
  }));

  server.get('/api/claims/:claimId', route(async ({ actor, req }) => {
    const { claimId } = parseOrThrow(claimParams, req.params);
    return { body: claimView(await claims().service.view(actor, claimId)) };
  }));

  server.get('/api/claims/:claimId/receipts/:receiptId', route(async ({ actor, req }) => {
    const { claimId, receiptId } = parseOrThrow(receiptParams, req.params);
    const { receipt, file } = await claims().service.receiptFile(actor, claimId, receiptId);
    return { file: { bytes: file.bytes, contentType: receipt.contentType, fileName: receipt.fileName } };
  }));

  server.post('/api/claims/exports', route(async ({ actor, req }) => {
    const { operationId } = parseOrThrow(exportBody, req.body);
    const batch = await claims().payments.exportApproved(actor, operationId);
    return { status: batch ? 201 : 200, body: { batch: batch ? batchView(batch) : null, message: batch ? undefined : 'There are no approved claims waiting to be exported.' } };
  }));

  server.get('/api/payment-batches', route(async ({ actor }) => ({ body: { items: (await claims().payments.listBatches(actor)).map(batchView) } })));

  server.get('/api/payment-batches/:batchId/:category', route(async ({ actor, req }) => {
    const params = parseOrThrow(csvParams, { batchId: pathParams(req).batchId, category: (pathParams(req).category ?? '').replace(/\.csv$/, '') });
    const csv = await claims().payments.csv(actor, params.batchId, params.category === 'expenses' ? 'expense' : 'payment');
    return { file: { bytes: csv, contentType: 'text/csv; charset=utf-8', fileName: `${params.batchId}-${params.category}.csv` } };
  }));

  server.post('/api/payment-batches/:batchId/paid', route(async ({ actor, req }) => {
    const { batchId } = parseOrThrow(batchParams, req.params);
    return { body: { batch: batchView(await claims().payments.markPaid(actor, batchId)) } };
  }));

  function claimView(claim: ClaimDocument) {
    const { approvalCard: _card, receipts, ...rest } = claim as ClaimDocument & { _etag?: string };
    delete (rest as { _etag?: string })._etag;
    return {
      ...rest,
      receipts: receipts.map((receipt) => ({ id: receipt.id, itemId: receipt.itemId, fileName: receipt.fileName, contentType: receipt.contentType, size: receipt.size, addedAt: receipt.addedAt, url: `/api/claims/${claim.id}/receipts/${receipt.id}` })),
      claimUrl: claims().claimUrl(claim.id),
    };
  }
}

function claimSummary(claim: ClaimDocument) {
  return { id: claim.id, status: claim.status, partnerName: claim.partnerName, hostName: claim.hostName, work: claim.work.title, totals: claim.totals, submittedAt: claim.submittedAt, payBy: claim.payBy, paidAt: claim.paidAt, secondsToPay: claim.secondsToPay };
}

function batchView(batch: PaymentBatchDocument) {
  return {
    id: batch.id,
    status: batch.status,
    claimIds: batch.claimIds,
    createdAt: batch.createdAt,
    createdByName: batch.createdByName,
    totals: batch.totals,
    paidAt: batch.paidAt,
    links: { expenses: `/api/payment-batches/${batch.id}/expenses.csv`, payments: `/api/payment-batches/${batch.id}/payments.csv`, paid: `/api/payment-batches/${batch.id}/paid` },
  };
}
