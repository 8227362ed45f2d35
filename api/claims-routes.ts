import type { Server } from 'restify';
import { z } from 'zod';
import type { ClaimDocument } from '../domain/claims/claim.js';
import { CLAIM_LIST_STATES, isPastPayBy } from '../domain/claims/claim-list.js';
import { mayDecide, type Decision } from '../domain/claims/claim-service.js';
import { statusLine } from '../domain/claims/claim-words.js';
import type { PaymentBatchDocument } from '../domain/claims/ports.js';
import { ConflictError } from '../domain/errors.js';
import type { Actor } from '../domain/people/actor.js';
import type { ApiContext, Route } from './routes.js';
import { formBody, parseOrThrow, pathParams } from './validate.js';

const id = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'Not a valid id');
const claimParams = z.object({ claimId: id });
const receiptParams = z.object({ claimId: id, receiptId: id });
const batchParams = z.object({ batchId: id });
const csvParams = z.object({ batchId: id, category: z.enum(['expenses', 'payments']) });
const decisionBody = z.discriminatedUnion(
  'outcome',
  [
    z.object({ outcome: z.literal('approve'), operationId: z.string().trim().min(8).max(100) }),
    z.object({
      outcome: z.literal('reject'),
      operationId: z.string().trim().min(8).max(100),
      reason: z.string().max(500, 'Keep the reason under 500 characters').default(''),
    }),
    z.object({
      outcome: z.literal('query'),
      operationId: z.string().trim().min(8).max(100),
      question: z.string().max(500, 'Keep the question under 500 characters').default(''),
    }),
  ],
  { message: 'Choose approve, reject or query' },
);
const exportBody = z.object({
  operationId: z.string().trim().min(8, 'Send a unique operationId so a retried export is not done twice').max(100),
});
const day = z.iso.date({ message: 'Enter a date, for example 2026-03-01' });
const paidBody = z
  .object({
    paidOn: z.iso.date({ message: 'Enter the date the payment was made, for example 2026-03-01' }).optional(),
    claimIds: z.array(id, { message: 'Choose claims from this payment batch' }).max(500).optional(),
  })
  .optional();
const listQuery = z
  .object({
    state: z.enum(CLAIM_LIST_STATES, { message: 'Choose a state from the list' }).optional(),
    hostId: id.optional(),
    partnerId: id.optional(),
    from: day.optional(),
    to: day.optional(),
    pastPayBy: z.enum(['true', 'false'], { message: 'Say true or false' }).optional(),
    pageSize: z.coerce
      .number({ message: 'Give a number of claims per page' })
      .int()
      .min(1)
      .max(100, 'Ask for 100 claims a page at most')
      .default(25),
    continuation: z.string().max(4000).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'The end date must be on or after the start date',
  });

/**
 * Claims in the tab: a claim's page with its receipts (its host and IEV approvers only), and IEV's
 * payment runs (export approved claims as CSV, then mark the batch paid).
 */
export function registerClaimsRoutes(server: Server, route: Route, context: ApiContext): void {
  const claims = () => context.services.claims;

  // IEV only: every claim, filtered, newest first, paged on the server with continuation tokens.
  server.get(
    '/api/claims',
    route(async ({ actor, req }) => {
      const query = parseOrThrow(listQuery, req.query);
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
    }),
  );

  server.get(
    '/api/claims/waiting',
    route(async ({ actor }) => ({ body: { waiting: await claims().service.waitingCount(actor) } })),
  );

  server.get(
    '/api/claims/:claimId',
    route(async ({ actor, req }) => {
      const { claimId } = parseOrThrow(claimParams, req.params);
      return { body: claimView(await claims().service.view(actor, claimId), actor) };
    }),
  );

  server.get(
    '/api/claims/:claimId/receipts/:receiptId',
    route(async ({ actor, req }) => {
      const { claimId, receiptId } = parseOrThrow(receiptParams, req.params);
      const { receipt, file } = await claims().service.receiptFile(actor, claimId, receiptId);
      return { file: { bytes: file.bytes, contentType: receipt.contentType, fileName: receipt.fileName } };
    }),
  );

  // The same decision as the approval card's buttons, by the same rules; the outbox updates the card in the channel.
  server.post(
    '/api/claims/:claimId/decision',
    formBody(),
    route(async ({ actor, req }) => {
      const { claimId } = parseOrThrow(claimParams, req.params);
      const body = parseOrThrow(decisionBody, req.body);
      const decision: Decision =
        body.outcome === 'approve'
          ? { outcome: 'approve' }
          : body.outcome === 'reject'
            ? { outcome: 'reject', reason: body.reason }
            : { outcome: 'query', question: body.question };
      const { claim, applied } = await claims().service.decide(actor, claimId, decision, body.operationId);
      if (!applied) throw new ConflictError(`Already decided. ${statusLine(claim)}.`);
      return { body: claimView(claim, actor) };
    }),
  );

  server.post(
    '/api/claims/exports',
    formBody(),
    route(async ({ actor, req }) => {
      const { operationId } = parseOrThrow(exportBody, req.body);
      const batch = await claims().payments.exportApproved(actor, operationId);
      return {
        status: batch ? 201 : 200,
        body: {
          batch: batch ? batchView(batch) : null,
          message: batch ? undefined : 'There are no approved claims waiting to be exported.',
        },
      };
    }),
  );

  server.get(
    '/api/payment-batches',
    route(async ({ actor }) => ({ body: { items: (await claims().payments.listBatches(actor)).map(batchView) } })),
  );

  server.get(
    '/api/payment-batches/:batchId/:category',
    route(async ({ actor, req }) => {
      const params = parseOrThrow(csvParams, {
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
    }),
  );

  // The Payments view: what the next export would hold, and the batches so far (newest first).
  server.get(
    '/api/payments',
    route(async ({ actor }) => {
      const waiting = await claims().payments.waitingForExport(actor);
      const batches = await claims().payments.listBatches(actor);
      return { body: { waiting, batches: batches.map(batchView) } };
    }),
  );

  server.get(
    '/api/payment-batches/:batchId',
    route(async ({ actor, req }) => {
      const { batchId } = parseOrThrow(batchParams, req.params);
      const { batch, claims: inBatch } = await claims().payments.batchWithClaims(actor, batchId);
      return { body: { batch: batchView(batch), claims: inBatch.map((claim) => claimSummary(claim, today())) } };
    }),
  );

  // The whole batch, or only the claims named, paid on the date given (today when none is given).
  server.post(
    '/api/payment-batches/:batchId/paid',
    formBody(),
    route(async ({ actor, req }) => {
      const { batchId } = parseOrThrow(batchParams, req.params);
      const body = parseOrThrow(paidBody, req.body);
      const batch = await claims().payments.markPaid(actor, batchId, {
        paidOn: body?.paidOn,
        claimIds: body?.claimIds,
      });
      return { body: { batch: batchView(batch) } };
    }),
  );

  function claimView(claim: ClaimDocument, actor: Actor) {
    const { approvalCard: _card, receipts, ...rest } = claim as ClaimDocument & { _etag?: string };
    delete (rest as { _etag?: string })._etag;
    return {
      ...rest,
      receipts: receipts.map((receipt) => ({
        id: receipt.id,
        itemId: receipt.itemId,
        fileName: receipt.fileName,
        contentType: receipt.contentType,
        size: receipt.size,
        addedAt: receipt.addedAt,
        url: `/api/claims/${claim.id}/receipts/${receipt.id}`,
      })),
      pastPayBy: isPastPayBy(claim, today()),
      mayDecide: mayDecide(actor, claim),
      claimUrl: claims().claimUrl(claim.id),
    };
  }
}

const today = () => new Date().toISOString().slice(0, 10);

function claimSummary(claim: ClaimDocument, today: string) {
  return {
    id: claim.id,
    status: claim.status,
    partnerId: claim.partnerId,
    partnerName: claim.partnerName,
    hostId: claim.hostId,
    hostName: claim.hostName,
    work: claim.work.title,
    totals: claim.totals,
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

function batchView(batch: PaymentBatchDocument) {
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
      expenses: `/api/payment-batches/${batch.id}/expenses.csv`,
      payments: `/api/payment-batches/${batch.id}/payments.csv`,
      paid: `/api/payment-batches/${batch.id}/paid`,
    },
  };
}
