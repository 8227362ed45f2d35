import type { OutboxRepository } from '../notifications/ports.js';
import type { Clock, Page, StoredDocument, Versioned } from '../ports.js';
import type { PlanRepository } from '../planning/ports.js';
import type { PartnerRepository } from '../register/ports.js';
import type { ClaimDocument } from './claim.js';
import type { ClaimListQuery } from './claim-list.js';
import type { ReimbursementPolicy } from './policy.js';

/** A set of approved claims exported together for payment; marking it paid pays every claim in it once. */
export interface PaymentBatchDocument extends StoredDocument {
  readonly type: 'payment-batch';
  readonly status: 'exporting' | 'exported' | 'paid';
  readonly claimIds: readonly string[];
  readonly createdAt: string;
  readonly createdById: string;
  readonly createdByName: string;
  readonly totals: { readonly expensesPence: number; readonly paymentsPence: number };
  /** Set once every claim in the batch is paid. */
  readonly paidAt?: string | undefined;
  /** The payment date IEV gave (YYYY-MM-DD) when the last claim of the batch was paid. */
  readonly paidOn?: string | undefined;
  readonly paidByName?: string | undefined;
}

/** Expense claims and payment batches. Writes are conditional on the version read (ConflictError otherwise). */
export interface ClaimRepository {
  findClaim(id: string): Promise<Versioned<ClaimDocument> | undefined>;
  /** Idempotent: a claim already stored under this id is returned with `created: false`. */
  createClaim(claim: ClaimDocument): Promise<{ claim: Versioned<ClaimDocument>; created: boolean }>;
  replaceClaim(claim: ClaimDocument, etag: string): Promise<Versioned<ClaimDocument>>;
  /** One already gone counts as deleted. */
  deleteClaim(id: string, etag: string): Promise<void>;
  /** The host's most recent claim they can still change (a draft, or one queried back to them). */
  latestEditableFor(hostId: string): Promise<Versioned<ClaimDocument> | undefined>;
  /** A host's most recent claims, newest first. */
  recentForHost(hostId: string, pageSize?: number): Promise<Array<Versioned<ClaimDocument>>>;
  /** Other claims for the partner that count towards mileage bands (submitted or later, not rejected). */
  countingClaimsForPartner(partnerId: string, exceptClaimId: string): Promise<ClaimDocument[]>;
  /** Every claim about the partner, drafts included. */
  allForPartner(partnerId: string): Promise<Array<Versioned<ClaimDocument>>>;
  /** The host's sent claims (not drafts) for one of their plans. */
  forPlan(hostId: string, planId: string): Promise<ClaimDocument[]>;
  /** One page of the IEV list, newest submission first, every filter in the query. */
  listPage(query: ClaimListQuery): Promise<Page<Versioned<ClaimDocument>>>;
  /** How many claims wait for an IEV decision. */
  countWaiting(): Promise<number>;
  /** Every approved claim not yet in a batch. */
  approvedNotExported(): Promise<Array<Versioned<ClaimDocument>>>;
  getMany(ids: readonly string[]): Promise<Array<Versioned<ClaimDocument>>>;
  findBatch(id: string): Promise<Versioned<PaymentBatchDocument> | undefined>;
  createBatch(batch: PaymentBatchDocument): Promise<{ batch: Versioned<PaymentBatchDocument>; created: boolean }>;
  replaceBatch(batch: PaymentBatchDocument, etag: string): Promise<Versioned<PaymentBatchDocument>>;
  /** Batches whose export was interrupted part-way. */
  unfinishedBatches(): Promise<Array<Versioned<PaymentBatchDocument>>>;
  listBatches(): Promise<Array<Versioned<PaymentBatchDocument>>>;
}

export interface StoredFile {
  readonly bytes: Buffer;
  readonly contentType: string;
}

/** Receipt files (photos, PDFs), kept outside the claim records. */
export interface ReceiptFiles {
  put(blobName: string, file: StoredFile): Promise<void>;
  get(blobName: string): Promise<StoredFile>;
  /** One already gone counts as removed, so a retry is harmless. */
  delete(blobName: string): Promise<void>;
}

/** The register as claims need it: the partner a claim is for, and their payment preference. */
export type ClaimPartners = Pick<PartnerRepository, 'find' | 'get' | 'replace'>;

/**
 * "A claim was paid", for partner messaging (GOV.UK Notify) to tell the partner. Ids, the day and the amounts
 * only: the subscriber reads the partner's contact details and preferences from the register itself.
 */
export interface ClaimPaid {
  readonly claimId: string;
  readonly partnerId: string;
  readonly paidOn: string;
  readonly expensesPence: number;
  readonly paymentsPence: number;
}

/**
 * The port partner messaging subscribes to. Handed each paid claim once through the durable outbox (target
 * `partner`): a rejection is retried with backoff, so the subscriber must be idempotent by `claimId`. With no
 * subscriber wired (server/claims-module.ts), the message is voided.
 */
export interface ClaimPaidSubscriber {
  claimPaid(event: ClaimPaid): Promise<void>;
}

/** The host's plans, as claims need them: a claim belongs to one of its host's pieces of work. */
export type ClaimWork = Pick<PlanRepository, 'findPlan' | 'plansOf'>;

/** Where receipt files live (Blob storage) and where a failure to remove one is reported: ids only. */
export interface ReceiptCleanup {
  readonly receipts: Pick<ReceiptFiles, 'delete'>;
  readonly warn: (ids: { claimId: string; receiptId: string; operationId: string }, message: string) => void;
}

/**
 * Everything the claim use cases are given, by name. Each use case takes only the ports it needs (a `Pick`
 * of these), so its signature says what it reads and writes; `ClaimService` hands them over.
 */
export interface ClaimPorts {
  readonly claims: ClaimRepository;
  readonly partners: ClaimPartners;
  readonly outbox: Pick<OutboxRepository, 'enqueue'>;
  /** The current policy; read on every check so a reloaded policy applies to new checks only. */
  readonly policy: () => ReimbursementPolicy;
  /** "Now" for every record written and every day judged (pay-by targets, mileage bands, payment dates). */
  readonly clock: Clock;
  /** The host's plans: a claim is started for one of them (or "other", with a title). */
  readonly work?: ClaimWork;
  /** Asks the outbox dispatcher to deliver now rather than at its next poll. */
  readonly onEnqueued?: () => void;
  /** Delivers one owed message inside this request (the outbox's `deliverNow`); never throws. */
  readonly deliverNow?: (messageId: string) => Promise<void>;
  /** Where receipt files are kept: sent to the bot, read for the claim's page in the tab. */
  readonly receipts?: Pick<ReceiptFiles, 'get' | 'put'>;
  /** Removes a discarded draft's receipt files; without it they stay in Blob storage. */
  readonly receiptCleanup?: ReceiptCleanup;
}
