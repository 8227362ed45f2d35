import { z } from 'zod';
import { VEHICLES } from './policy.js';

/**
 * An Involvement Partner's expense claim, as stored in the `claims` container (partition key `/id`).
 * Items keep what the host entered (`input`) beside what the policy made of it, so a later policy
 * change never alters a claim already checked.
 */

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

export const CARE_TYPES = ['carer', 'childcare', 'support-worker'] as const;
export const FARE_MODES = ['bus', 'train', 'tram', 'coach', 'ferry', 'other'] as const;

const isoDate = z.iso.date({ message: 'Enter a date' });
const amount = z
  .number({ message: 'Enter an amount in pounds and pence, for example 4.50' })
  .int()
  .min(1, 'Enter an amount more than £0')
  .max(100_000, 'That is more than £1,000: please check it');
const shortText = (max: number, message: string) =>
  z.string({ message }).trim().min(1, message).max(max, `Keep this under ${max} characters`);

export const itemInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('mileage'),
    date: isoDate,
    vehicle: z.enum(VEHICLES, { message: 'Choose how they travelled' }),
    from: shortText(80, 'Enter where the journey started (a town or postcode area is enough)'),
    to: shortText(80, 'Enter where the journey ended'),
    miles: z
      .number({ message: 'Enter the miles, for example 12 or 12.5' })
      .positive('Enter the miles, for example 12 or 12.5')
      .max(1000, 'That is more than 1,000 miles: please check it'),
    passengers: z.number().int().min(0).max(8).default(0),
  }),
  z.object({
    kind: z.literal('fare'),
    date: isoDate,
    mode: z.enum(FARE_MODES),
    description: shortText(120, 'Say what the ticket was for'),
    amountPence: amount,
  }),
  z.object({
    kind: z.literal('taxi'),
    date: isoDate,
    description: shortText(120, 'Say where the taxi went'),
    amountPence: amount,
    priorAgreement: z.string().trim().max(200).optional(),
  }),
  z.object({
    kind: z.literal('parking'),
    date: isoDate,
    description: shortText(120, 'Say where they parked'),
    amountPence: amount,
  }),
  z.object({
    kind: z.literal('care'),
    date: isoDate,
    careType: z.enum(CARE_TYPES, { message: 'Choose the kind of care' }),
    amountPence: amount,
  }),
  z.object({
    kind: z.literal('subsistence'),
    date: isoDate,
    description: shortText(120, 'Say what it was, for example lunch'),
    amountPence: amount,
  }),
  z.object({
    kind: z.literal('involvement-time'),
    date: isoDate,
    // A policy level's id; anything longer is a forged card, not a choice.
    levelId: z
      .string({ message: 'Choose the kind of involvement' })
      .min(1, 'Choose the kind of involvement')
      .max(60, 'Choose the kind of involvement'),
    hours: z
      .number({ message: 'Enter the hours, for example 2 or 1.5' })
      .positive('Enter the hours, for example 2 or 1.5')
      .max(12, 'That is more than 12 hours in a day: please check it'),
  }),
]);

export type ItemInput = z.infer<typeof itemInputSchema>;
export type ItemKind = ItemInput['kind'];

export const FLAG_CODES = [
  'over-cap',
  'missing-receipt',
  'too-old',
  'future-date',
  'taxi-without-agreement',
  'payment-preference-not-chosen',
  'payment-declined',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface PolicyFlag {
  readonly code: FlagCode;
  readonly message: string;
}

/** Expenses are reimbursements (not taxable); payments are for time, taxable and paid through payroll. */
export type ItemCategory = 'expense' | 'payment';

export interface PricedItem {
  readonly id: string;
  readonly input: ItemInput;
  readonly category: ItemCategory;
  /** What was spent or would be paid before caps. */
  readonly claimedPence: number;
  /** What the policy allows. */
  readonly amountPence: number;
  /** How the amount was worked out, in words, e.g. "12 miles × 45p = £5.40". */
  readonly explanation: string;
  readonly flags: readonly PolicyFlag[];
}

export interface ReceiptRef {
  readonly id: string;
  /** The item the receipt belongs to, when known. */
  readonly itemId: string | undefined;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly blobName: string;
  readonly addedAt: string;
}

export interface HistoryEntry {
  readonly status: ClaimStatus;
  readonly at: string;
  readonly byId: string;
  readonly byName: string;
  /** Reason for a rejection, the question of a query, the host's answer on resubmission. */
  readonly note?: string | undefined;
  /** The Teams activity or API operation that caused it: a retried request is recognised and not applied twice. */
  readonly operationId: string;
}

/** An item an approver did not approve, and why: the host and the card see it; it is never paid or exported. */
export interface ItemRejection {
  readonly itemId: string;
  readonly reason: string;
}

export interface ClaimTotals {
  readonly expensesPence: number;
  readonly paymentsPence: number;
}

export interface ClaimDocument {
  readonly id: string;
  readonly type: 'claim';
  readonly schemaVersion: 1;
  readonly status: ClaimStatus;
  readonly hostId: string;
  readonly hostName: string;
  readonly partnerId: string;
  readonly partnerName: string;
  /** The involvement work or session the claim relates to. */
  readonly work: {
    readonly title: string;
    /** The host's plan the claim belongs to; none when the host chose "other" and typed a title. */
    readonly planId?: string | undefined;
    /** The session of that plan the claim is for, when the host named one. */
    readonly sessionId?: string | undefined;
  };
  readonly items: readonly PricedItem[];
  readonly receipts: readonly ReceiptRef[];
  readonly totals: ClaimTotals;
  /** The policy version the claim was last checked against; fixed once submitted. */
  readonly policyVersion: string;
  readonly declarations?: { readonly partnerConfirmedAt: string; readonly hostConfirmedAt: string } | undefined;
  readonly createdAt: string;
  readonly submittedAt?: string | undefined;
  /** The policy's target date for payment (YYYY-MM-DD), counted from first submission. */
  readonly payBy?: string | undefined;
  readonly decision?:
    | {
        readonly outcome: 'approved' | 'rejected';
        readonly byId: string;
        readonly byName: string;
        readonly at: string;
        readonly reason?: string | undefined;
        /** Approved except these items (partial approval). */
        readonly rejectedItems?: readonly ItemRejection[] | undefined;
      }
    | undefined;
  readonly openQuery?: { readonly question: string; readonly byName: string; readonly at: string } | undefined;
  readonly exportBatchId?: string | undefined;
  readonly exportedAt?: string | undefined;
  /** When the payment was made (the payment date IEV gave, as a time); `paidOn` is that date itself. */
  readonly paidAt?: string | undefined;
  readonly paidOn?: string | undefined;
  /** Whole seconds from first submission to payment (for "how fast are claims paid"). */
  readonly secondsToPay?: number | undefined;
  /** Where the approval card is in the IEV channel, so it can be updated in place. */
  readonly approvalCard?: { readonly activityId: string; readonly conversationId: string } | undefined;
  /** Every state change, oldest first: who, when and why. */
  readonly history: readonly HistoryEntry[];
}

/** The only legal moves. Anything else is refused, whatever a card or request asks for. */
const TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  draft: ['submitted'],
  submitted: ['approved', 'rejected', 'queried'],
  queried: ['resubmitted'],
  resubmitted: ['approved', 'rejected', 'queried'],
  // Reopened by the host: a rejected claim, or an approved one with items not approved (before it is exported).
  approved: ['exported', 'reopened'],
  rejected: ['reopened'],
  reopened: ['resubmitted'],
  exported: ['paid'],
  paid: [],
};

export function canMove(from: ClaimStatus, to: ClaimStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function awaitingDecision(status: ClaimStatus): boolean {
  return status === 'submitted' || status === 'resubmitted';
}

/** Draft, queried and reopened claims are the host's to change. */
export function editableByHost(status: ClaimStatus): boolean {
  return status === 'draft' || status === 'queried' || status === 'reopened';
}

/** Back with the host after the IEV team looked at it: answered or corrected, then sent back (resubmitted). */
export function returnedToHost(status: ClaimStatus): boolean {
  return status === 'queried' || status === 'reopened';
}

/** The items the IEV team did not approve, with their reasons (empty unless partly approved). */
export function rejectedItemsOf(claim: Pick<ClaimDocument, 'decision'>): readonly ItemRejection[] {
  return claim.decision?.rejectedItems ?? [];
}

/** A rejected claim, or one approved except some items (not yet exported): its host may take it back to correct. */
export function reopenable(claim: Pick<ClaimDocument, 'status' | 'decision'>): boolean {
  return claim.status === 'rejected' || (claim.status === 'approved' && rejectedItemsOf(claim).length > 0);
}

/** This operation already wrote an event of the claim: a retried request (Teams redelivering, a second press) gets the answer the first got. */
export function alreadyRecorded(claim: Pick<ClaimDocument, 'history'>, operationId: string): boolean {
  return claim.history.some((entry) => entry.operationId === operationId);
}

/** What is paid and exported: every item, less those an approver did not approve. */
export function payableItems(claim: Pick<ClaimDocument, 'decision' | 'items'>): PricedItem[] {
  const rejected = new Set(rejectedItemsOf(claim).map((rejection) => rejection.itemId));
  return claim.items.filter((item) => !rejected.has(item.id));
}

export const STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  draft: 'Draft (not sent yet)',
  submitted: 'Waiting for IEV approval',
  queried: 'Question for the host',
  resubmitted: 'Answered, waiting for IEV approval',
  approved: 'Approved',
  rejected: 'Rejected',
  reopened: 'Reopened by the host to correct',
  exported: 'Approved and sent for payment',
  paid: 'Paid',
};
