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
  type ClaimSummary,
  type ClaimView,
  type PaymentBatch,
} from '../contract/claims.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow, pathParams } from './validate.js';

/**
 * Claims in the tab: a claim's page with its receipts (its host and IEV approvers only), and IEV's
 * payment runs (export approved claims as CSV, then mark the batch paid).
 */
export function registerClaimsRoutes(route: Route, context: ApiContext): void {
  const claims = () => context.services.claims;

  // IEV only: every claim, filtered, newest first, paged on the server with continuation tokens.
  route(API.claims, async ({ actor, req }) => {
    const query = parseOrThrow(claimsQuerySchema, req.query);
    const page = await claims().service.list(
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
  });

  route(API.waitingClaims, async ({ actor }) => ({ body: { waiting: await claims().service.waitingCount(actor) } }));

  route(API.claim, async ({ actor, req }) => {
    const { claimId } = parseOrThrow(claimParamsSchema, req.params);
    return { body: claimView(await claims().service.view(actor, claimId), actor) };
  });

  route(API.receipt, async ({ actor, req }) => {
    const { claimId, receiptId } = parseOrThrow(receiptParamsSchema, req.params);
    const { receipt, file } = await claims().service.receiptFile(actor, claimId, receiptId);
    return { file: { bytes: file.bytes, contentType: receipt.contentType, fileName: receipt.fileName } };
  });

  // The same decision as the approval card's buttons, by the same rules; the outbox updates the card in the channel.
  route(API.decideClaim, async ({ actor, req }) => {
    const { claimId } = parseOrThrow(claimParamsSchema, req.params);
    const body = parseOrThrow(decisionRequestSchema, req.body);
    const decision: Decision =
      body.outcome === 'approve'
        ? { outcome: 'approve', rejectedItems: body.rejectedItems }
        : body.outcome === 'reject'
          ? { outcome: 'reject', reason: body.reason }
          : { outcome: 'query', question: body.question };
    const { claim, applied } = await claims().service.decide(actor, claimId, decision, body.operationId);
    if (!applied) throw new ConflictError(`Already decided. ${statusLine(claim)}.`);
    return { body: claimView(claim, actor) };
  });

  // The bot's "Correct and send back", from the claim's page: the same rule; the host corrects it in the bot.
  route(API.reopenClaim, async ({ actor, req }) => {
    const { claimId } = parseOrThrow(claimParamsSchema, req.params);
    const { operationId } = parseOrThrow(reopenRequestSchema, req.body);
    return { body: claimView(await claims().service.reopen(actor, claimId, operationId), actor) };
  });

  route(API.exportClaims, async ({ actor, req }) => {
    const { operationId } = parseOrThrow(exportRequestSchema, req.body);
    const batch = await claims().payments.exportApproved(actor, operationId);
    return {
      status: batch ? 201 : 200,
      body: {
        batch: batch ? batchView(batch) : null,
        message: batch ? undefined : 'There are no approved claims waiting to be exported.',
      },
    };
  });

  route(API.paymentBatches, async ({ actor }) => ({
    body: { items: (await claims().payments.listBatches(actor)).map(batchView) },
  }));

  route(API.paymentBatchFile, async ({ actor, req }) => {
    const params = parseOrThrow(batchFileParamsSchema, {
      batchId: pathParams(req).batchId,
      category: (pathParams(req).category ?? '').replace(/\.csv$/, ''),
    });
    const csv = await claims().payments.csv(
      actor,
      params.batchId,
      params.category === 'expenses' ? 'expense' : 'payment',
    );
    return {
      file: {
        bytes: csv,
        contentType: 'text/csv; charset=utf-8',
        fileName: `${params.batchId}-${params.category}.csv`,
      },
    };
  });

  // The Payments view: what the next export would hold, and the batches so far (newest first).
  route(API.payments, async ({ actor }) => {
    const waiting = await claims().payments.waitingForExport(actor);
    const batches = await claims().payments.listBatches(actor);
    return { body: { waiting, batches: batches.map(batchView) } };
  });

  route(API.paymentBatch, async ({ actor, req }) => {
    const { batchId } = parseOrThrow(batchParamsSchema, req.params);
    const { batch, claims: inBatch } = await claims().payments.batchWithClaims(actor, batchId);
    return {
      body: { batch: batchView(batch), claims: inBatch.map((claim) => claimSummary(claim, claims().service.today())) },
    };
  });

  // The whole batch, or only the claims named, paid on the date given (today when none is given).
  route(API.paymentBatchPaid, async ({ actor, req }) => {
    const { batchId } = parseOrThrow(batchParamsSchema, req.params);
    const body = parseOrThrow(markPaidRequestSchema, req.body);
    const batch = await claims().payments.markPaid(actor, batchId, {
      paidOn: body?.paidOn,
      claimIds: body?.claimIds,
    });
    return { body: { batch: batchView(batch) } };
  });

  function claimView(claim: ClaimDocument, actor: Actor): ClaimView {
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
      pastPayBy: isPastPayBy(claim, claims().service.today()),
      payable: payableTotals(claim),
      mayDecide: mayDecide(actor, claim),
      mayReopen: mayReopen(actor, claim),
      claimUrl: claims().claimUrl(claim.id),
    };
  }
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
