import { z } from 'zod';
import { continuationSchema, idSchema } from './common.js';

/** Claims in the tab: a claim's page with its receipts (its host and IEV approvers only), and IEV's payment runs. */

export const CLAIM_STATUSES = [
  'draft',
  'submitted',
  'queried',
  'resubmitted',
  'approved',
  'rejected',
  'reopened',
  'exported',
  'paid',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const claimParamsSchema = z.object({ claimId: idSchema });
export const receiptParamsSchema = z.object({ claimId: idSchema, receiptId: idSchema });
export const batchParamsSchema = z.object({ batchId: idSchema });
export const batchFileParamsSchema = z.object({ batchId: idSchema, category: z.enum(['expenses', 'payments']) });

/** The states the IEV team's list is filtered by (`waiting`: submitted or answered, waiting for a decision). */
export const CLAIM_LIST_STATES = ['waiting', 'queried', 'approved', 'exported', 'paid', 'rejected'] as const;

const day = z.iso.date({ message: 'Enter a date, for example 2026-03-01' });

/** IEV's list of every claim: filters, then one page at a time (newest first). */
export const claimsQuerySchema = z
  .object({
    state: z.enum(CLAIM_LIST_STATES, { message: 'Choose a state from the list' }).optional(),
    hostId: idSchema.optional(),
    partnerId: idSchema.optional(),
    from: day.optional(),
    to: day.optional(),
    pastPayBy: z.enum(['true', 'false'], { message: 'Say true or false' }).optional(),
    pageSize: z.coerce
      .number({ message: 'Give a number of claims per page' })
      .int()
      .min(1)
      .max(100, 'Ask for 100 claims a page at most')
      .default(25),
    continuation: continuationSchema.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'The end date must be on or after the start date',
  });

const operationId = z.string().trim().min(8).max(100);

/** Approve, reject with a reason, or query with a question: the same decision as the approval card's buttons. */
export const decisionRequestSchema = z.discriminatedUnion(
  'outcome',
  [
    z.object({
      outcome: z.literal('approve'),
      operationId,
      // Partial approval: every item but these, each with its reason (checked again by the domain).
      rejectedItems: z
        .array(
          z.object({
            itemId: idSchema,
            reason: z.string().max(500, 'Keep the reason under 500 characters').default(''),
          }),
          { message: 'Choose items of this claim' },
        )
        .max(30, 'Choose items of this claim')
        .optional(),
    }),
    z.object({
      outcome: z.literal('reject'),
      operationId,
      reason: z.string().max(500, 'Keep the reason under 500 characters').default(''),
    }),
    z.object({
      outcome: z.literal('query'),
      operationId,
      question: z.string().max(500, 'Keep the question under 500 characters').default(''),
    }),
  ],
  { message: 'Choose approve, reject or query' },
);
export type DecisionRequest = z.input<typeof decisionRequestSchema>;

/** The host takes back a rejected or partly approved claim, to correct it in the bot and send it back. */
export const reopenRequestSchema = z.object({ operationId });
export type ReopenRequest = z.input<typeof reopenRequestSchema>;

export const exportRequestSchema = z.object({
  operationId: z.string().trim().min(8, 'Send a unique operationId so a retried export is not done twice').max(100),
});
export type ExportRequest = z.input<typeof exportRequestSchema>;

/** The whole batch, or only the claims named, paid on the date given (today when none is given). */
export const markPaidRequestSchema = z
  .object({
    paidOn: z.iso.date({ message: 'Enter the date the payment was made, for example 2026-03-01' }).optional(),
    claimIds: z.array(idSchema, { message: 'Choose claims from this payment batch' }).max(500).optional(),
  })
  .optional();
export type MarkPaidRequest = z.input<typeof markPaidRequestSchema>;

export interface ClaimTotals {
  readonly expensesPence: number;
  readonly paymentsPence: number;
}

/** Who a claim is for and who submitted it, in every view of a claim. */
interface ClaimParties {
  readonly id: string;
  readonly status: ClaimStatus;
  readonly partnerId: string;
  readonly partnerName: string;
  readonly hostId: string;
  readonly hostName: string;
}

/** A row of the IEV team's claims list. */
export interface ClaimSummary extends ClaimParties {
  /** The title of the work the claim is for. */
  readonly work: string;
  readonly totals: ClaimTotals;
  /** What is paid: the totals less any items not approved (partial approval). */
  readonly payable: ClaimTotals;
  /** How many items, and how many of them the policy flagged. */
  readonly items: number;
  readonly flagged: number;
  readonly submittedAt?: string | undefined;
  readonly payBy?: string | undefined;
  /** Unpaid and its pay-by target has passed. */
  readonly pastPayBy: boolean;
  readonly paidAt?: string | undefined;
  /** The payment date IEV gave. */
  readonly paidOn?: string | undefined;
  readonly secondsToPay?: number | undefined;
}

/** IEV only: every sent claim, filtered, newest first, page by page (`continuation` null on the last). */
export interface ClaimList {
  readonly items: readonly ClaimSummary[];
  readonly continuation: string | null;
}

export interface ClaimItem {
  readonly id: string;
  /** What the host entered; `kind` says which fields it has (mileage: vehicle, from, to, miles; fare: mode, amountPence…). */
  readonly input: { readonly kind: string; readonly date: string; readonly [field: string]: unknown };
  /** What kind of cost it is, in words: the same as on the cards ("Mileage", "Involvement time"). */
  readonly kindLabel: string;
  /** Expenses are reimbursements (not taxable); payments are for time, taxable and paid through payroll. */
  readonly category: 'expense' | 'payment';
  readonly claimedPence: number;
  readonly amountPence: number;
  /** How the amount was worked out, e.g. "12 miles × 45p = £5.40". */
  readonly explanation: string;
  readonly flags: ReadonlyArray<{ readonly code: string; readonly message: string }>;
}

/** A claim as its host and IEV approvers see it; receipts are links to the files. */
export interface ClaimView extends ClaimParties {
  readonly type: 'claim';
  readonly schemaVersion: number;
  readonly work: { readonly title: string; readonly planId?: string | undefined };
  readonly items: readonly ClaimItem[];
  readonly receipts: ReadonlyArray<{
    readonly id: string;
    readonly itemId: string | undefined;
    readonly fileName: string;
    readonly contentType: string;
    readonly size: number;
    readonly addedAt: string;
    readonly url: string;
  }>;
  readonly totals: ClaimTotals;
  readonly policyVersion: string;
  readonly declarations?: { readonly partnerConfirmedAt: string; readonly hostConfirmedAt: string } | undefined;
  readonly createdAt: string;
  readonly submittedAt?: string | undefined;
  readonly payBy?: string | undefined;
  readonly pastPayBy: boolean;
  readonly decision?:
    | {
        readonly outcome: 'approved' | 'rejected';
        readonly byId: string;
        readonly byName: string;
        readonly at: string;
        readonly reason?: string | undefined;
        /** Partial approval: the items not approved, each with its reason. */
        readonly rejectedItems?: ReadonlyArray<{ readonly itemId: string; readonly reason: string }> | undefined;
      }
    | undefined;
  /** What is paid: the totals less any items not approved (partial approval). */
  readonly payable: ClaimTotals;
  readonly openQuery?: { readonly question: string; readonly byName: string; readonly at: string } | undefined;
  readonly exportBatchId?: string | undefined;
  readonly exportedAt?: string | undefined;
  readonly paidAt?: string | undefined;
  readonly secondsToPay?: number | undefined;
  readonly history: ReadonlyArray<{
    readonly status: ClaimStatus;
    readonly at: string;
    readonly byId: string;
    readonly byName: string;
    readonly note?: string | undefined;
    readonly operationId: string;
  }>;
  /** The viewer may approve, reject or query it now (IEV, not their own claim, waiting for a decision). */
  readonly mayDecide: boolean;
  /** The viewer is its host and may take it back to correct: rejected, or approved except some items, not yet exported. */
  readonly mayReopen: boolean;
  /** The claim's page in the tab (the approval card links to it). */
  readonly claimUrl: string;
}

/** IEV only: how many claims wait for a decision (the number in the tab's navigation). */
export interface WaitingCount {
  readonly waiting: number;
}

/** A payment run: approved claims exported as CSV (expenses and taxable payments apart), then marked paid. */
export interface PaymentBatch {
  readonly id: string;
  readonly status: 'exporting' | 'exported' | 'paid';
  readonly claimIds: readonly string[];
  readonly createdAt: string;
  readonly createdByName: string;
  readonly totals: ClaimTotals;
  readonly paidAt?: string | undefined;
  readonly paidOn?: string | undefined;
  readonly paidByName?: string | undefined;
  readonly links: { readonly expenses: string; readonly payments: string; readonly paid: string };
}

/** `batch` is null, with a message, when no approved claims were waiting. */
export interface ExportResult {
  readonly batch: PaymentBatch | null;
  readonly message?: string | undefined;
}

/** The Payments view: what the next export would hold, and the batches so far (newest first). */
export interface PaymentsOverview {
  readonly waiting: { readonly claims: number; readonly totals: ClaimTotals };
  readonly batches: readonly PaymentBatch[];
}

/** A batch's page: the batch and its claims, each with its state. */
export interface PaymentBatchDetail {
  readonly batch: PaymentBatch;
  readonly claims: readonly ClaimSummary[];
}
