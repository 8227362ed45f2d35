import { z } from 'zod';
import type { ClaimDocument } from '../domain/claims/claim.js';
import { isPastPayBy } from '../domain/claims/claim-list.js';
import { mayDecide, mayReopen, type Decision } from '../domain/claims/claim-service.js';
import { ITEM_KIND_LABELS, statusLine } from '../domain/claims/claim-words.js';
import { payableTotals } from '../domain/claims/pricing.js';
import type { PaymentBatchDocument } from '../domain/claims/ports.js';
import { ConflictError } from '../domain/errors.js';
import type { Actor } from '../domain/people/actor.js';
import { urlOf } from '../contract/endpoint.js';
import { API } from '../contract/endpoints.js';
import {
  batchFileParamsSchema,
  batchParamsSchema,
  claimParamsSchema,
  claimsQuerySchema,
  decisionRequestSchema,
  exportRequestSchema,
  markPaidRequestSchema,
  receiptParamsSchema,
  reopenRequestSchema,
  type ClaimList,
  type ClaimSummary,
  type ClaimView,
  type ExportResult,
  type PaymentBatch,
  type PaymentBatchDetail,
  type PaymentsOverview,
  type WaitingCount,
} from '../contract/claims.js';
import type { ClaimsModule } from '../server/claims-module.js';
import type { Given, Route, RouteAnswer as Answer } from './routes.js';

/**
 * Claims in the tab: a claim's page with its receipts (its host and IEV approvers only), and IEV's
 * payment runs (export approved claims as CSV, then mark the batch paid).
 */
export function registerClaimsRoutes(route: Route): void {
  route(API.claims, { query: claimsQuerySchema }, listClaims);
  route(API.waitingClaims, {}, countWaitingClaims);
  route(API.claim, { params: claimParamsSchema }, viewClaim);
  route(API.receipt, { params: receiptParamsSchema }, downloadReceipt);
  route(API.decideClaim, { params: claimParamsSchema, body: decisionRequestSchema }, decideClaim);
  route(API.reopenClaim, { params: claimParamsSchema, body: reopenRequestSchema }, reopenClaim);
  route(API.exportClaims, { body: exportRequestSchema }, exportClaims);
  route(API.paymentBatches, {}, listPaymentBatches);
  route(API.paymentBatchFile, { params: batchFileParams }, downloadPaymentBatchFile);
  route(API.payments, {}, paymentsOverview);
  route(API.paymentBatch, { params: batchParamsSchema }, viewPaymentBatch);
  route(API.paymentBatchPaid, { params: batchParamsSchema, body: markPaidRequestSchema }, markPaymentBatchPaid);
}

/** `expenses.csv` or `payments.csv` in the path: the file's category is the name without `.csv`. */
const batchFileParams = z
  .object({ batchId: z.string(), category: z.string() })
  .transform(({ batchId, category }) => ({ batchId, category: category.replace(/\.csv$/, '') }))
  .pipe(batchFileParamsSchema);

// IEV only: every claim, filtered, newest first, paged on the server with continuation tokens.
async function listClaims({
  actor,
  services,
  query,
}: Given<{ query: typeof claimsQuerySchema }>): Promise<Answer<ClaimList>> {
  const page = await services.claims.service.list(
    actor,
    {
      state: query.state,
      hostId: query.hostId,
      partnerId: query.partnerId,
      submittedFrom: query.from,
      submittedTo: query.to,
      pastPayBy: query.pastPayBy === 'true',
    },
    { pageSize: query.pageSize, continuation: query.continuation },
  );
  return {
    body: {
      items: page.items.map((claim) => claimSummary(claim, page.today)),
      continuation: page.continuation ?? null,
    },
  };
}

async function countWaitingClaims({ actor, services }: Given): Promise<Answer<WaitingCount>> {
  return { body: { waiting: await services.claims.service.waitingCount(actor) } };
}

async function viewClaim({
  actor,
  services,
  params,
}: Given<{ params: typeof claimParamsSchema }>): Promise<Answer<ClaimView>> {
  return { body: claimView(await services.claims.service.view(actor, params.claimId), actor, services.claims) };
}

async function downloadReceipt({ actor, services, params }: Given<{ params: typeof receiptParamsSchema }>) {
  const { receipt, file } = await services.claims.service.receiptFile(actor, params.claimId, params.receiptId);
  return { file: { bytes: file.bytes, contentType: receipt.contentType, fileName: receipt.fileName } };
}

// The same decision as the approval card's buttons, by the same rules; the outbox updates the card in the channel.
async function decideClaim({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof claimParamsSchema; body: typeof decisionRequestSchema }>): Promise<Answer<ClaimView>> {
  const decision: Decision =
    body.outcome === 'approve'
      ? { outcome: 'approve', rejectedItems: body.rejectedItems }
      : body.outcome === 'reject'
        ? { outcome: 'reject', reason: body.reason }
        : { outcome: 'query', question: body.question };
  const { claim, applied } = await services.claims.service.decide(actor, params.claimId, decision, body.operationId);
  if (!applied) throw new ConflictError(`Already decided. ${statusLine(claim)}.`);
  return { body: claimView(claim, actor, services.claims) };
}

// The bot's "Correct and send back", from the claim's page: the same rule; the host corrects it in the bot.
async function reopenClaim({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof claimParamsSchema; body: typeof reopenRequestSchema }>): Promise<Answer<ClaimView>> {
  const claim = await services.claims.service.reopen(actor, params.claimId, body.operationId);
  return { body: claimView(claim, actor, services.claims) };
}

async function exportClaims({
  actor,
  services,
  body,
}: Given<{ body: typeof exportRequestSchema }>): Promise<Answer<ExportResult>> {
  const batch = await services.claims.payments.exportApproved(actor, body.operationId);
  return {
    status: batch ? 201 : 200,
    body: {
      batch: batch ? batchView(batch) : null,
      message: batch ? undefined : 'There are no approved claims waiting to be exported.',
    },
  };
}

async function listPaymentBatches({ actor, services }: Given): Promise<Answer<{ items: PaymentBatch[] }>> {
  return { body: { items: (await services.claims.payments.listBatches(actor)).map(batchView) } };
}

async function downloadPaymentBatchFile({ actor, services, params }: Given<{ params: typeof batchFileParams }>) {
  const category = params.category === 'expenses' ? 'expense' : 'payment';
  const csv = await services.claims.payments.csv(actor, params.batchId, category);
  return {
    file: { bytes: csv, contentType: 'text/csv; charset=utf-8', fileName: `${params.batchId}-${params.category}.csv` },
  };
}

// The Payments view: what the next export would hold, and the batches so far (newest first).
async function paymentsOverview({ actor, services }: Given): Promise<Answer<PaymentsOverview>> {
  const waiting = await services.claims.payments.waitingForExport(actor);
  const batches = await services.claims.payments.listBatches(actor);
  return { body: { waiting, batches: batches.map(batchView) } };
}

async function viewPaymentBatch({
  actor,
  services,
  params,
}: Given<{ params: typeof batchParamsSchema }>): Promise<Answer<PaymentBatchDetail>> {
  const { batch, claims } = await services.claims.payments.batchWithClaims(actor, params.batchId);
  const today = services.claims.service.today();
  return { body: { batch: batchView(batch), claims: claims.map((claim) => claimSummary(claim, today)) } };
}

// The whole batch, or only the claims named, paid on the date given (today when none is given).
async function markPaymentBatchPaid({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof batchParamsSchema; body: typeof markPaidRequestSchema }>): Promise<
  Answer<{ batch: PaymentBatch }>
> {
  const batch = await services.claims.payments.markPaid(actor, params.batchId, {
    paidOn: body?.paidOn,
    claimIds: body?.claimIds,
  });
  return { body: { batch: batchView(batch) } };
}

function claimView(claim: ClaimDocument, actor: Actor, claims: ClaimsModule): ClaimView {
  const { approvalCard: _card, receipts, items, ...rest } = claim as ClaimDocument & { _etag?: string };
  delete (rest as { _etag?: string })._etag;
  return {
    ...rest,
    items: items.map((item) => ({ ...item, kindLabel: ITEM_KIND_LABELS[item.input.kind] })),
    receipts: receipts.map((receipt) => ({
      id: receipt.id,
      itemId: receipt.itemId,
      fileName: receipt.fileName,
      contentType: receipt.contentType,
      size: receipt.size,
      addedAt: receipt.addedAt,
      url: urlOf(API.receipt, { claimId: claim.id, receiptId: receipt.id }),
    })),
    pastPayBy: isPastPayBy(claim, claims.service.today()),
    payable: payableTotals(claim),
    mayDecide: mayDecide(actor, claim),
    mayReopen: mayReopen(actor, claim),
    claimUrl: claims.claimUrl(claim.id),
  };
}

function claimSummary(claim: ClaimDocument, today: string): ClaimSummary {
  return {
    id: claim.id,
    status: claim.status,
    partnerId: claim.partnerId,
    partnerName: claim.partnerName,
    hostId: claim.hostId,
    hostName: claim.hostName,
    work: claim.work.title,
    totals: claim.totals,
    payable: payableTotals(claim),
    items: claim.items.length,
    flagged: claim.items.filter((item) => item.flags.length > 0).length,
    submittedAt: claim.submittedAt,
    payBy: claim.payBy,
    pastPayBy: isPastPayBy(claim, today),
    paidAt: claim.paidAt,
    paidOn: claim.paidOn,
    secondsToPay: claim.secondsToPay,
  };
}

function batchView(batch: PaymentBatchDocument): PaymentBatch {
  return {
    id: batch.id,
    status: batch.status,
    claimIds: batch.claimIds,
    createdAt: batch.createdAt,
    createdByName: batch.createdByName,
    totals: batch.totals,
    paidAt: batch.paidAt,
    paidOn: batch.paidOn,
    paidByName: batch.paidByName,
    links: {
      expenses: urlOf(API.paymentBatchFile, { batchId: batch.id, category: 'expenses.csv' }),
      payments: urlOf(API.paymentBatchFile, { batchId: batch.id, category: 'payments.csv' }),
      paid: urlOf(API.paymentBatchPaid, { batchId: batch.id }),
    },
  };
}
