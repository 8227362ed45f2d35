import type { Actor } from '../people/actor.js';
import type { Clock } from '../ports.js';
import { addClaimItem } from './add-claim-item.js';
import { attachReceipt, type AttachedReceipt, type ReceiptUpload } from './attach-receipt.js';
import type { ClaimDocument, ItemInput, ReceiptRef } from './claim.js';
import { dayOf } from './claim-day.js';
import type { ClaimListFilters } from './claim-list.js';
import { decideClaim, type Decision, type DecisionResult } from './decide-claim.js';
import { discardDraft, draftToDiscard, type DiscardResult } from './discard-draft.js';
import { countWaitingClaims, listClaims, type ClaimListPage } from './list-claims.js';
import { advanceForPayment } from './pay-claims.js';
import type { PaymentChoice } from './payment-preference.js';
import { spendOnPlan, type PlanSpend } from './plan-spend.js';
import type { ClaimPorts, StoredFile } from './ports.js';
import { claimStatusFor, latestEditableClaim, myClaims, readReceiptFile, viewClaim } from './read-claim.js';
import { recordPaymentChoice } from './record-payment-choice.js';
import { rememberApprovalCard } from './remember-approval-card.js';
import { removeClaimItem } from './remove-claim-item.js';
import { reopenClaim } from './reopen-claim.js';
import { startClaim, workChoices, type StartClaimRequest, type WorkChoice } from './start-claim.js';
import { submitClaim, type SubmitRequest } from './submit-claim.js';

// What callers in bot/, api/ and server/ import from here; each is defined beside the use case it belongs to.
export type { Decision, DecisionResult } from './decide-claim.js';
export type { DiscardResult } from './discard-draft.js';
export type { PlanSpend } from './plan-spend.js';
export { mayDecide, mayReopen } from './claim-permissions.js';
export { OTHER_WORK } from './start-claim.js';
export { stableId } from './stable-id.js';

/** What the service is built with: the use cases' ports, with the clock optional (the system clock otherwise). */
export interface ClaimServiceOptions extends Omit<ClaimPorts, 'clock'> {
  readonly now?: Clock;
}

/**
 * The rules of an expense claim, one use case per module (`submit-claim.ts`, `decide-claim.ts`, …);
 * this class hands each the ports it needs, so the edges call one object. Every use case re-reads the
 * claim; ids from cards are only ids.
 */
export class ClaimService {
  private readonly ports: ClaimPorts;

  constructor(options: ClaimServiceOptions) {
    this.ports = { ...options, clock: () => options.now?.() ?? new Date() };
  }

  /** Today (YYYY-MM-DD, UTC) by the service's clock: what "past its pay-by target" is judged against. */
  today(): string {
    return dayOf(this.ports.clock());
  }

  startDraft(actor: Actor, request: StartClaimRequest): Promise<ClaimDocument> {
    return startClaim(this.ports, actor, request);
  }

  spendOnPlan(plan: { readonly id: string; readonly hostId: string }): Promise<PlanSpend> {
    return spendOnPlan(this.ports, plan);
  }

  workChoices(actor: Actor): Promise<WorkChoice[]> {
    return workChoices(this.ports, actor);
  }

  view(actor: Actor, claimId: string): Promise<ClaimDocument> {
    return viewClaim(this.ports, actor, claimId);
  }

  statusFor(actor: Actor, claimId: string, where: { readonly inIevChannel: boolean }): Promise<ClaimDocument> {
    return claimStatusFor(this.ports, actor, claimId, where);
  }

  myClaims(actor: Actor): Promise<ClaimDocument[]> {
    return myClaims(this.ports, actor);
  }

  list(
    actor: Actor,
    filters: ClaimListFilters,
    page: { pageSize: number; continuation?: string | undefined },
  ): Promise<ClaimListPage> {
    return listClaims(this.ports, actor, filters, page);
  }

  waitingCount(actor: Actor): Promise<number> {
    return countWaitingClaims(this.ports, actor);
  }

  receiptFile(actor: Actor, claimId: string, receiptId: string): Promise<{ receipt: ReceiptRef; file: StoredFile }> {
    return readReceiptFile(this.ports, actor, claimId, receiptId);
  }

  latestEditable(actor: Actor): Promise<ClaimDocument | undefined> {
    return latestEditableClaim(this.ports, actor);
  }

  addItem(actor: Actor, claimId: string, input: ItemInput, operationId: string): Promise<ClaimDocument> {
    return addClaimItem(this.ports, actor, claimId, input, operationId);
  }

  removeItem(actor: Actor, claimId: string, itemId: string): Promise<ClaimDocument> {
    return removeClaimItem(this.ports, actor, claimId, itemId);
  }

  draftToDiscard(actor: Actor, claimId: string): Promise<ClaimDocument> {
    return draftToDiscard(this.ports, actor, claimId);
  }

  discardDraft(actor: Actor, claimId: string, operationId: string): Promise<DiscardResult> {
    return discardDraft(this.ports, actor, claimId, operationId);
  }

  addReceipt(actor: Actor, claimId: string, upload: ReceiptUpload): Promise<AttachedReceipt> {
    return attachReceipt(this.ports, actor, claimId, upload);
  }

  recordPaymentChoice(
    actor: Actor,
    claimId: string,
    choice: Exclude<PaymentChoice, 'not-chosen'>,
  ): Promise<ClaimDocument> {
    return recordPaymentChoice(this.ports, actor, claimId, choice);
  }

  submit(actor: Actor, claimId: string, request: SubmitRequest): Promise<ClaimDocument> {
    return submitClaim(this.ports, actor, claimId, request);
  }

  decide(actor: Actor, claimId: string, decision: Decision, operationId: string): Promise<DecisionResult> {
    return decideClaim(this.ports, actor, claimId, decision, operationId);
  }

  reopen(actor: Actor, claimId: string, operationId: string): Promise<ClaimDocument> {
    return reopenClaim(this.ports, actor, claimId, operationId);
  }

  rememberApprovalCard(claimId: string, where: { activityId: string; conversationId: string }): Promise<void> {
    return rememberApprovalCard(this.ports, claimId, where);
  }

  advanceForPayment(
    actor: Actor,
    claimId: string,
    to: 'exported' | 'paid',
    batchId: string,
    operationId: string,
    paidOn?: string,
  ): Promise<boolean> {
    return advanceForPayment(this.ports, actor, claimId, { to, batchId, operationId, paidOn });
  }
}
