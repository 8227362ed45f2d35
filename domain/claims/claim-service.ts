import { createHash } from 'node:crypto';
import { retryOnConflict } from '../concurrency.js';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnavailableError,
  ValidationError,
  type FieldProblem,
} from '../errors.js';
import { isIevMember, isStaff, type Actor } from '../people/actor.js';
import type { Partner } from '../register/partner.js';
import type { OutboxRepository } from '../notifications/ports.js';
import type { Clock, Versioned } from '../ports.js';
import type { ClaimPartners, ClaimRepository, ClaimWork, ReceiptFiles, StoredFile } from './ports.js';
import {
  awaitingDecision,
  canMove,
  editableByHost,
  reopenable,
  type ClaimDocument,
  type ClaimStatus,
  type HistoryEntry,
  type ItemInput,
  type ItemRejection,
  type ReceiptRef,
} from './claim.js';
import { listQueryFor, type ClaimListFilters } from './claim-list.js';
import { milesToTenths } from './money.js';
import type { ReimbursementPolicy } from './policy.js';
import { payableTotals, priceItems, taxYearOf, totalsOf } from './pricing.js';
import type { PaymentChoice } from './payment-preference.js';

/** A plan's expenses and payments: claimed (sent, not rejected) and paid, in pence. */
export interface PlanSpend {
  readonly claims: number;
  readonly claimedPence: number;
  readonly paidPence: number;
}

export type Decision =
  /** Approve; with `rejectedItems`, every item but those (partial approval), each with its reason. */
  | { readonly outcome: 'approve'; readonly rejectedItems?: readonly ItemRejection[] | undefined }
  | { readonly outcome: 'reject'; readonly reason: string }
  | { readonly outcome: 'query'; readonly question: string };

export interface DecisionResult {
  readonly claim: ClaimDocument;
  /** False when the claim had already been decided by another request. */
  readonly applied: boolean;
}

/** The outcome of discarding a draft: `discarded: false` when it had already gone (a second press, a retry). */
export interface DiscardResult {
  readonly discarded: boolean;
  readonly partnerName?: string | undefined;
}

/** Where receipt files live (Blob storage) and where a failure to remove one is reported: ids only. */
export interface ReceiptCleanup {
  readonly receipts: Pick<ReceiptFiles, 'delete'>;
  readonly warn: (ids: { claimId: string; receiptId: string; operationId: string }, message: string) => void;
}

export interface ClaimServiceOptions {
  readonly claims: ClaimRepository;
  readonly partners: ClaimPartners;
  readonly outbox: Pick<OutboxRepository, 'enqueue'>;
  /** The current policy; read on every check so a reloaded policy applies to new checks only. */
  readonly policy: () => ReimbursementPolicy;
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
  readonly now?: Clock;
}

/** The start card's choice for work that is none of the host's plans (a title is typed instead). */
export const OTHER_WORK = 'other';
const NO_LONGER_EDITABLE = 'This claim has been sent to the IEV team, so it can no longer be changed.';

/**
 * The rules of an expense claim: who may do what, in which state, and what the policy makes of it.
 * Every method re-reads the claim; ids from cards are only ids.
 */
export class ClaimService {
  constructor(private readonly options: ClaimServiceOptions) {}

  /** Today (YYYY-MM-DD, UTC) by the service's clock: what "past its pay-by target" is judged against. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /**
   * Starts a claim for a partner, for one of the host's plans (and optionally one of its sessions) or, with
   * no plan, "other" work named by its title. The id comes from the request's operation id, so a retried
   * request finds the same draft.
   */
  async startDraft(
    actor: Actor,
    request: {
      operationId: string;
      partnerId: string;
      workTitle?: string | undefined;
      planId?: string | undefined;
      sessionId?: string | undefined;
    },
  ): Promise<ClaimDocument> {
    if (!isStaff(actor)) throw new ForbiddenError('Only Trust colleagues can submit expense claims.');
    const problems: FieldProblem[] = [];
    const partner = await this.options.partners.find(request.partnerId);
    if (!partner || partner.status !== 'active')
      problems.push({ field: 'partnerId', message: 'Choose a partner from the register' });
    const work = await this.workFor(actor, request, problems);
    if (problems.length > 0 || !partner || !work) throw new ValidationError('Please check your answers.', problems);
    const now = this.now().toISOString();
    const { claim } = await this.options.claims.createClaim({
      id: stableId('claim', request.operationId),
      type: 'claim',
      schemaVersion: 1,
      status: 'draft',
      hostId: actor.id,
      hostName: actor.displayName,
      partnerId: partner.id,
      partnerName: partner.displayName,
      work,
      items: [],
      receipts: [],
      totals: { expensesPence: 0, paymentsPence: 0 },
      policyVersion: this.options.policy().version,
      createdAt: now,
      history: [
        { status: 'draft', at: now, byId: actor.id, byName: actor.displayName, operationId: request.operationId },
      ],
    });
    if (claim.hostId !== actor.id) throw new ForbiddenError('That claim belongs to someone else.');
    return claim;
  }

  /** The work a new claim is for: one of the host's own plans (and a session of it), or a typed title. */
  private async workFor(
    actor: Actor,
    request: { workTitle?: string | undefined; planId?: string | undefined; sessionId?: string | undefined },
    problems: FieldProblem[],
  ): Promise<ClaimDocument['work'] | undefined> {
    const planId = request.planId && request.planId !== OTHER_WORK ? request.planId : undefined;
    if (!planId) {
      const title = request.workTitle?.trim() ?? '';
      if (!title) problems.push({ field: 'workTitle', message: 'Say which work or session the claim is for' });
      else if (title.length > 150) problems.push({ field: 'workTitle', message: 'Keep this under 150 characters' });
      if (request.sessionId) problems.push({ field: 'sessionId', message: 'Choose a session of the chosen plan' });
      return title && title.length <= 150 ? { title } : undefined;
    }
    const plan = await this.options.work?.findPlan(actor.id, planId);
    if (!plan) {
      problems.push({ field: 'planId', message: 'Choose one of your plans, or \u201cother\u201d' });
      return undefined;
    }
    if (request.sessionId && !plan.sessions.some((session) => session.id === request.sessionId)) {
      problems.push({ field: 'sessionId', message: 'Choose a session of the chosen plan' });
      return undefined;
    }
    return { title: plan.title, planId: plan.id, ...(request.sessionId ? { sessionId: request.sessionId } : {}) };
  }

  /**
   * What a plan's claims come to, for its summary: claimed (sent and not rejected; approved amounts once
   * decided) and paid. The plan is one its host has already opened.
   */
  async spendOnPlan(plan: { readonly id: string; readonly hostId: string }): Promise<PlanSpend> {
    const claims = await this.options.claims.forPlan(plan.hostId, plan.id);
    const sum = (list: readonly ClaimDocument[]) =>
      list.reduce((total, claim) => {
        const payable = payableTotals(claim);
        return total + payable.expensesPence + payable.paymentsPence;
      }, 0);
    return {
      claims: claims.length,
      claimedPence: sum(claims.filter((claim) => claim.status !== 'rejected')),
      paidPence: sum(claims.filter((claim) => claim.status === 'paid')),
    };
  }

  /** What a host can start a claim for: their plans, newest first, each with its sessions. */
  async workChoices(
    actor: Actor,
  ): Promise<Array<{ planId: string; title: string; sessions: Array<{ id: string; date: string }> }>> {
    if (!isStaff(actor) || !this.options.work) return [];
    return (await this.options.work.plansOf(actor.id)).map((plan) => ({
      planId: plan.id,
      title: plan.title,
      sessions: plan.sessions.map((session) => ({ id: session.id, date: session.date })),
    }));
  }

  /** A claim as its host or an IEV approver may see it. Everyone else is refused. */
  async view(actor: Actor, claimId: string): Promise<ClaimDocument> {
    const claim = await this.options.claims.findClaim(claimId);
    if (!claim || !(claim.hostId === actor.id || isIevMember(actor)))
      throw new NotFoundError('That claim could not be found, or it is not yours to see.');
    return claim;
  }

  /**
   * The approval card's status view: for everyone in the IEV channel (where the card is posted), the
   * claim's host and IEV members. A claim id typed into a forged button anywhere else shows nothing.
   */
  async statusFor(actor: Actor, claimId: string, where: { readonly inIevChannel: boolean }): Promise<ClaimDocument> {
    const claim = await this.options.claims.findClaim(claimId);
    if (!claim || !(where.inIevChannel || claim.hostId === actor.id || isIevMember(actor)))
      throw new NotFoundError('That claim could not be found, or it is not yours to see.');
    return claim;
  }

  /** The claims this colleague submitted or started, newest first. */
  myClaims(actor: Actor): Promise<ClaimDocument[]> {
    return this.options.claims.recentForHost(actor.id);
  }

  /** The IEV team's list of every claim, filtered, newest first, one page at a time. */
  async list(
    actor: Actor,
    filters: ClaimListFilters,
    page: { pageSize: number; continuation?: string | undefined },
  ): Promise<{ items: ClaimDocument[]; continuation: string | undefined; today: string }> {
    assertMayListClaims(actor);
    const today = this.today();
    const found = await this.options.claims.listPage(listQueryFor(filters, today, page));
    return { items: found.items, continuation: found.continuation, today };
  }

  /** How many claims wait for an IEV decision (shown beside "Claims" in the tab). */
  async waitingCount(actor: Actor): Promise<number> {
    assertMayListClaims(actor);
    return this.options.claims.countWaiting();
  }

  /** One receipt's file, for those who may see the claim (its host and IEV approvers). */
  async receiptFile(
    actor: Actor,
    claimId: string,
    receiptId: string,
  ): Promise<{ receipt: ReceiptRef; file: StoredFile }> {
    const claim = await this.view(actor, claimId);
    const receipt = claim.receipts.find((candidate) => candidate.id === receiptId);
    if (!receipt || !this.options.receipts) throw new NotFoundError('That receipt could not be found on this claim.');
    return { receipt, file: await this.options.receipts.get(receipt.blobName) };
  }

  latestEditable(actor: Actor): Promise<ClaimDocument | undefined> {
    return this.options.claims.latestEditableFor(actor.id);
  }

  async addItem(actor: Actor, claimId: string, input: ItemInput, operationId: string): Promise<ClaimDocument> {
    const itemId = stableId('item', operationId);
    return this.editAsHost(actor, claimId, async (claim) => {
      if (claim.items.some((item) => item.id === itemId)) return undefined;
      if (claim.items.length >= 30)
        throw new ValidationError('A claim can have up to 30 items. Submit this one and start another.');
      return this.reprice({
        ...claim,
        items: [
          ...claim.items,
          { id: itemId, input, category: 'expense', claimedPence: 0, amountPence: 0, explanation: '', flags: [] },
        ],
      });
    });
  }

  async removeItem(actor: Actor, claimId: string, itemId: string): Promise<ClaimDocument> {
    return this.editAsHost(actor, claimId, async (claim) => {
      if (!claim.items.some((item) => item.id === itemId)) return undefined;
      return this.reprice({
        ...claim,
        items: claim.items.filter((item) => item.id !== itemId),
        receipts: claim.receipts.map((receipt) =>
          receipt.itemId === itemId ? { ...receipt, itemId: undefined } : receipt,
        ),
      });
    });
  }

  /**
   * Checks the host may discard this draft, without changing anything: the confirmation card is only
   * offered when the discard itself would be allowed.
   */
  async draftToDiscard(actor: Actor, claimId: string): Promise<ClaimDocument> {
    const claim = await this.options.claims.findClaim(claimId);
    if (!claim) throw new NotFoundError('That draft could not be found. It may already have been discarded.');
    assertMayDiscard(actor, claim);
    return claim;
  }

  /**
   * Deletes a draft the host no longer wants, then its receipt files. The delete is conditional on the
   * version read, so a change made at the same moment (a submission) is re-read and decided again. The
   * files go only after the record, so a failure part-way never leaves a claim pointing at missing receipts.
   */
  async discardDraft(actor: Actor, claimId: string, operationId: string): Promise<DiscardResult> {
    const discarded = await retryOnConflict(async () => {
      const claim = await this.options.claims.findClaim(claimId);
      if (!claim) return undefined;
      assertMayDiscard(actor, claim);
      await this.options.claims.deleteClaim(claim.id, claim._etag);
      return claim;
    });
    if (!discarded) return { discarded: false };
    await this.removeReceiptFiles(discarded, operationId);
    return { discarded: true, partnerName: discarded.partnerName };
  }

  /** Best effort: the claim is already gone, so a file that cannot be removed now is reported by id, not retried here. */
  private async removeReceiptFiles(claim: ClaimDocument, operationId: string): Promise<void> {
    const cleanup = this.options.receiptCleanup;
    if (!cleanup) return;
    for (const receipt of claim.receipts) {
      try {
        await cleanup.receipts.delete(receipt.blobName);
      } catch {
        cleanup.warn(
          { claimId: claim.id, receiptId: receipt.id, operationId },
          'receipt file of a discarded draft could not be removed',
        );
      }
    }
  }

  /** Records a receipt already stored in Blob storage. It belongs to the latest item that needs one and has none. */
  /**
   * Keeps a receipt file sent by the host (Blob storage) and attaches it to their claim, to the item that
   * still needs one. The file is stored first under a name made from its stable id, so a retried message
   * overwrites the same file and attaches it once.
   */
  async addReceipt(
    actor: Actor,
    claimId: string,
    upload: { readonly id: string; readonly fileName: string; readonly file: StoredFile },
  ): Promise<{ claim: ClaimDocument; itemId: string | undefined }> {
    if (!this.options.receipts) throw new Error('Receipt storage is not configured.');
    const blobName = `claims/${claimId}/${upload.id}`;
    // Refused before anything is stored when the claim is plainly not the host's to change.
    const before = await this.options.claims.findClaim(claimId);
    if (!before) throw new NotFoundError('That claim could not be found.');
    if (before.hostId !== actor.id)
      throw new ForbiddenError('Only the colleague who started this claim can change it.');
    if (!editableByHost(before.status)) throw new ConflictError(NO_LONGER_EDITABLE);
    await this.options.receipts.put(blobName, upload.file);
    try {
      return await this.attachReceipt(actor, claimId, {
        id: upload.id,
        fileName: upload.fileName,
        contentType: upload.file.contentType,
        size: upload.file.bytes.length,
        blobName,
        addedAt: this.now().toISOString(),
      });
    } catch (error) {
      // The claim refused it (sent at the same moment, full): no file may stay behind without a claim naming it.
      // Anything else (the database unreachable) may have attached it, so the file is kept.
      if (error instanceof DomainError && !(error instanceof UnavailableError))
        await this.forgetReceiptFile(claimId, upload.id, blobName);
      throw error;
    }
  }

  /** Removes a refused receipt's file, unless an earlier attempt of the same upload did attach it. */
  private async forgetReceiptFile(claimId: string, receiptId: string, blobName: string): Promise<void> {
    const cleanup = this.options.receiptCleanup;
    try {
      const claim = await this.options.claims.findClaim(claimId);
      if (claim?.receipts.some((receipt) => receipt.blobName === blobName)) return;
      await cleanup?.receipts.delete(blobName);
    } catch {
      cleanup?.warn({ claimId, receiptId, operationId: receiptId }, 'refused receipt file could not be removed');
    }
  }

  private async attachReceipt(
    actor: Actor,
    claimId: string,
    receipt: Omit<ReceiptRef, 'itemId'>,
  ): Promise<{ claim: ClaimDocument; itemId: string | undefined }> {
    let itemId: string | undefined;
    const claim = await this.editAsHost(actor, claimId, async (current) => {
      if (current.receipts.some((existing) => existing.id === receipt.id)) return undefined;
      const covered = new Set(current.receipts.map((existing) => existing.itemId));
      const waiting = [...current.items]
        .reverse()
        .find((item) => item.flags.some((flag) => flag.code === 'missing-receipt') && !covered.has(item.id));
      itemId = waiting?.id;
      if (current.receipts.length >= 30) throw new ValidationError('A claim can have up to 30 receipts.');
      return this.reprice({ ...current, receipts: [...current.receipts, { ...receipt, itemId }] });
    });
    return { claim, itemId };
  }

  async recordPaymentChoice(
    actor: Actor,
    claimId: string,
    choice: Exclude<PaymentChoice, 'not-chosen'>,
  ): Promise<ClaimDocument> {
    const claim = await this.view(actor, claimId);
    if (claim.hostId !== actor.id)
      throw new ForbiddenError('Only the host of this claim can record the partner\u2019s choice here.');
    // Checked before the register is written: a refused change must leave the partner's record as it was.
    if (!editableByHost(claim.status)) throw new ConflictError(NO_LONGER_EDITABLE);
    await retryOnConflict(async () => {
      const partner = await this.options.partners.get(claim.partnerId);
      const updated: Partner = { ...partner, paymentPreference: { choice, chosenAt: this.now().toISOString() } };
      await this.options.partners.replace(updated, partner._etag);
    });
    return this.editAsHost(actor, claimId, async (current) => this.reprice(current));
  }

  /**
   * Sends the claim to the IEV team (or back to them, answered, after a query). The host confirms the
   * partner's declaration and their own. Re-checks every item against the current policy and records its version.
   */
  async submit(
    actor: Actor,
    claimId: string,
    request: {
      operationId: string;
      partnerDeclaration: boolean;
      hostDeclaration: boolean;
      answer?: string | undefined;
    },
  ): Promise<ClaimDocument> {
    return retryOnConflict(async () => {
      const problems = [
        ...(request.partnerDeclaration
          ? []
          : [{ field: 'partnerDeclaration', message: 'The partner must confirm they had these costs' }]),
        ...(request.hostDeclaration ? [] : [{ field: 'hostDeclaration', message: 'Confirm the claim is legitimate' }]),
      ];
      const claim = await this.options.claims.findClaim(claimId);
      if (!claim) throw new NotFoundError('That claim could not be found.');
      if (claim.hostId !== actor.id)
        throw new ForbiddenError('Only the colleague who started this claim can submit it.');
      if (claim.history.some((entry) => entry.operationId === request.operationId)) return claim;
      if (!editableByHost(claim.status)) throw new ConflictError(`This claim has already been sent (${claim.status}).`);
      if (claim.status === 'queried' && !request.answer?.trim())
        problems.push({ field: 'answer', message: 'Answer the IEV team\u2019s question' });
      if ((request.answer?.length ?? 0) > 1000)
        problems.push({ field: 'answer', message: 'Keep this under 1,000 characters' });
      if (claim.items.length === 0)
        problems.push({ field: 'items', message: 'Add at least one item before submitting' });
      if (problems.length > 0) throw new ValidationError('Please check your answers.', problems);
      const status: ClaimStatus = claim.status === 'draft' ? 'submitted' : 'resubmitted';
      const now = this.now().toISOString();
      const repriced = await this.reprice(claim);
      const next: ClaimDocument = {
        ...repriced,
        status,
        declarations: { partnerConfirmedAt: now, hostConfirmedAt: now },
        submittedAt: claim.submittedAt ?? now,
        payBy:
          claim.payBy ??
          new Date(Date.parse(now) + this.options.policy().payment.targetDaysToPay * 86_400_000)
            .toISOString()
            .slice(0, 10),
        openQuery: undefined,
        // A reopened claim is decided afresh, every item again; the earlier decision stays in the history.
        decision: undefined,
        history: [
          ...claim.history,
          {
            status,
            at: now,
            byId: actor.id,
            byName: actor.displayName,
            note: request.answer?.trim() || undefined,
            operationId: request.operationId,
          },
        ],
      };
      await this.announce(claim, ['iev-channel']);
      try {
        return await this.options.claims.replaceClaim(next, claim._etag);
      } finally {
        this.options.onEnqueued?.();
      }
    });
  }

  /**
   * An IEV approver's decision. Exactly one decision wins: the write is conditional on the version
   * read, and a loser (or a retried invoke) gets the decided claim back with `applied: false`.
   */
  async decide(actor: Actor, claimId: string, decision: Decision, operationId: string): Promise<DecisionResult> {
    // Another write landing first is retried on a fresh read: a rival decision then shows (applied: false), and
    // any other write (the outbox recording where the card was posted) must not swallow this decision.
    const result = await retryOnConflict(async () => {
      const claim = await this.options.claims.findClaim(claimId);
      if (!claim) throw new NotFoundError('That claim could not be found.');
      assertMayDecide(actor, claim);
      // Teams retrying the same invoke gets the answer the first attempt got.
      if (claim.history.some((entry) => entry.operationId === operationId))
        return { claim, applied: true, owed: undefined };
      if (!awaitingDecision(claim.status)) return { claim, applied: false, owed: undefined };
      const next = this.decided(actor, claim, decision, operationId);
      // Written before the decision: if we crash after deciding, the message is already owed.
      await this.announce(claim, ['host', 'iev-channel']);
      try {
        return {
          claim: await this.options.claims.replaceClaim(next, claim._etag),
          applied: true,
          owed: outboxId(claim, 'iev-channel'),
        };
      } finally {
        this.options.onEnqueued?.();
      }
    });
    // One owner for the approval card in the IEV channel: the outbox, which also updates it after a
    // submission or an erasure and retries when Teams refuses. The press's own answer changes the card
    // for the presser only; delivering now makes it change for everyone else at the same moment.
    if (result.owed) await this.options.deliverNow?.(result.owed);
    return { claim: result.claim, applied: result.applied };
  }

  private decided(actor: Actor, claim: ClaimDocument, decision: Decision, operationId: string): ClaimDocument {
    const rejectedItems =
      decision.outcome === 'approve' && decision.rejectedItems !== undefined
        ? checkRejectedItems(claim, decision.rejectedItems)
        : [];
    const note =
      decision.outcome === 'reject'
        ? decision.reason.trim()
        : decision.outcome === 'query'
          ? decision.question.trim()
          : rejectedItems.length > 0
            ? partialNote(claim, rejectedItems)
            : undefined;
    if (decision.outcome !== 'approve' && !note) {
      const field = decision.outcome === 'reject' ? 'reason' : 'question';
      throw new ValidationError('Please check your answers.', [
        {
          field,
          message:
            decision.outcome === 'reject' ? 'Give a reason for rejecting the claim' : 'Write the question for the host',
        },
      ]);
    }
    const status: ClaimStatus =
      decision.outcome === 'approve' ? 'approved' : decision.outcome === 'reject' ? 'rejected' : 'queried';
    const at = this.now().toISOString();
    const entry: HistoryEntry = { status, at, byId: actor.id, byName: actor.displayName, note, operationId };
    return {
      ...claim,
      status,
      history: [...claim.history, entry],
      ...(status === 'queried'
        ? { openQuery: { question: note!, byName: actor.displayName, at } }
        : {
            decision: {
              outcome: status,
              byId: actor.id,
              byName: actor.displayName,
              at,
              reason: status === 'rejected' ? note : undefined,
              ...(rejectedItems.length > 0 ? { rejectedItems } : {}),
            },
          }),
    };
  }

  /**
   * The host takes back a rejected claim, or one approved except some items, to correct it and send it
   * back as the same claim: its history is kept, and the IEV team decides it again (as after a query).
   */
  async reopen(actor: Actor, claimId: string, operationId: string): Promise<ClaimDocument> {
    return retryOnConflict(async () => {
      const claim = await this.options.claims.findClaim(claimId);
      if (!claim) throw new NotFoundError('That claim could not be found.');
      if (claim.hostId !== actor.id)
        throw new ForbiddenError('Only the colleague who started this claim can correct and resubmit it.');
      if (claim.history.some((entry) => entry.operationId === operationId) || editableByHost(claim.status))
        return claim;
      if (!reopenable(claim))
        throw new ConflictError(
          claim.status === 'exported' || claim.status === 'paid'
            ? 'This claim has been sent for payment, so it cannot be reopened now. For anything not approved, start a new claim.'
            : claim.status === 'approved'
              ? 'Every item of this claim was approved, so there is nothing to correct.'
              : 'This claim is with the IEV team, so it cannot be reopened now.',
        );
      const at = this.now().toISOString();
      const next: ClaimDocument = {
        ...claim,
        status: 'reopened',
        history: [...claim.history, { status: 'reopened', at, byId: actor.id, byName: actor.displayName, operationId }],
      };
      await this.announce(claim, ['iev-channel']);
      try {
        return await this.options.claims.replaceClaim(next, claim._etag);
      } finally {
        this.options.onEnqueued?.();
      }
    });
  }

  /** Records where the approval card was posted, so later changes update it in place. */
  async rememberApprovalCard(claimId: string, where: { activityId: string; conversationId: string }): Promise<void> {
    await retryOnConflict(async () => {
      const claim = await this.options.claims.findClaim(claimId);
      if (claim) await this.options.claims.replaceClaim({ ...claim, approvalCard: where }, claim._etag);
    });
  }

  /**
   * Moves one claim on (export, payment) as part of a batch. Returns false if it was not in the expected
   * state. A payment is recorded on the day IEV says it was made (`paidOn`, never after today).
   */
  async advanceForPayment(
    actor: Actor,
    claimId: string,
    to: 'exported' | 'paid',
    batchId: string,
    operationId: string,
    paidOn?: string,
  ): Promise<boolean> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can export or pay claims.');
    return retryOnConflict(async () => {
      const claim = await this.options.claims.findClaim(claimId);
      if (!claim) return false;
      if (claim.history.some((entry) => entry.operationId === operationId)) return true;
      if (!canMove(claim.status, to) || (to === 'paid' && claim.exportBatchId !== batchId)) return false;
      const at = this.now();
      const today = at.toISOString().slice(0, 10);
      const day = paidOn ?? today;
      // Paid today: the moment it was recorded. Paid earlier: midday of that day, so "days to pay" counts whole days.
      const paidAt = day === today ? at.toISOString() : `${day}T12:00:00.000Z`;
      const next: ClaimDocument = {
        ...claim,
        status: to,
        history: [
          ...claim.history,
          {
            status: to,
            at: at.toISOString(),
            byId: actor.id,
            byName: actor.displayName,
            note: to === 'paid' ? `Paid on ${day}, payment batch ${batchId}` : `Payment batch ${batchId}`,
            operationId,
          },
        ],
        ...(to === 'exported'
          ? { exportBatchId: batchId, exportedAt: at.toISOString() }
          : {
              paidAt,
              paidOn: day,
              secondsToPay: Math.max(
                0,
                Math.round((Date.parse(paidAt) - Date.parse(claim.submittedAt ?? claim.createdAt)) / 1000),
              ),
            }),
      };
      // Paid: the host is told, the card in the IEV channel shows it, and partner messaging hears of it.
      if (to === 'paid') await this.announce(claim, ['host', 'iev-channel', 'partner']);
      try {
        await this.options.claims.replaceClaim(next, claim._etag);
      } finally {
        if (to === 'paid') this.options.onEnqueued?.();
      }
      return true;
    });
  }

  /** Owes a message about the next event of this claim: one per target, named by claim and event number. */
  private async announce(claim: ClaimDocument, targets: readonly ClaimTarget[]): Promise<void> {
    const seq = claim.history.length;
    const now = this.now();
    for (const target of targets)
      await this.options.outbox.enqueue(
        { id: outboxId(claim, target), topic: 'claim', target, subjectId: claim.id, seq },
        now,
      );
  }

  private async editAsHost(
    actor: Actor,
    claimId: string,
    change: (claim: Versioned<ClaimDocument>) => Promise<ClaimDocument | undefined>,
  ): Promise<ClaimDocument> {
    return retryOnConflict(async () => {
      const claim = await this.options.claims.findClaim(claimId);
      if (!claim) throw new NotFoundError('That claim could not be found.');
      if (claim.hostId !== actor.id)
        throw new ForbiddenError('Only the colleague who started this claim can change it.');
      if (!editableByHost(claim.status)) throw new ConflictError(NO_LONGER_EDITABLE);
      const next = await change(claim);
      if (!next) return claim;
      return this.options.claims.replaceClaim(next, claim._etag);
    });
  }

  /** Checks every item against the current policy, as of today. */
  private async reprice(claim: ClaimDocument): Promise<ClaimDocument> {
    const policy = this.options.policy();
    const partner = await this.options.partners.find(claim.partnerId);
    const others = await this.options.claims.countingClaimsForPartner(claim.partnerId, claim.id);
    const items = priceItems(claim.items, {
      policy,
      today: this.now().toISOString().slice(0, 10),
      priorCarTenthsByTaxYear: carTenthsByTaxYear(others, policy.mileage.taxYearStarts),
      itemsWithReceipts: new Set(claim.receipts.flatMap((receipt) => (receipt.itemId ? [receipt.itemId] : []))),
      paymentChoice: partner?.paymentPreference.choice ?? 'not-chosen',
    });
    return { ...claim, items, totals: totalsOf(items), policyVersion: policy.version };
  }
}

/** Partial approval: items of this claim, each with a reason, and at least one item still approved. */
function checkRejectedItems(claim: ClaimDocument, rejections: readonly ItemRejection[]): ItemRejection[] {
  const problems: FieldProblem[] = [];
  const ids = new Set(claim.items.map((item) => item.id));
  const seen = new Set<string>();
  const checked: ItemRejection[] = [];
  for (const rejection of rejections) {
    if (!ids.has(rejection.itemId) || seen.has(rejection.itemId)) {
      problems.push({ field: 'rejectedItems', message: 'Choose items of this claim' });
      continue;
    }
    seen.add(rejection.itemId);
    const reason = rejection.reason.trim();
    if (!reason) problems.push({ field: `reason-${rejection.itemId}`, message: 'Say why this item is not approved' });
    else if (reason.length > 500)
      problems.push({ field: `reason-${rejection.itemId}`, message: 'Keep the reason under 500 characters' });
    checked.push({ itemId: rejection.itemId, reason });
  }
  if (rejections.length === 0)
    problems.push({
      field: 'rejectedItems',
      message: 'Give a reason for each item you do not approve, or approve the whole claim',
    });
  if (problems.length === 0 && checked.length >= claim.items.length)
    problems.push({
      field: 'rejectedItems',
      message: 'No item would be approved: reject the claim instead, with a reason',
    });
  if (problems.length > 0) throw new ValidationError('Please check your answers.', problems);
  return checked;
}

/** "Approved 1 of 2 items. Not approved: Parking £12.00 (no receipt)." for the history. */
function partialNote(claim: ClaimDocument, rejected: readonly ItemRejection[]): string {
  const approved = claim.items.length - rejected.length;
  const reasons = rejected.map((rejection) => {
    const item = claim.items.find((candidate) => candidate.id === rejection.itemId)!;
    return `${item.explanation} (${rejection.reason})`;
  });
  return `Approved ${approved} of ${claim.items.length} items. Not approved: ${reasons.join('; ')}`;
}

/** Who hears of a claim's events: the host's chat, the IEV channel's card, partner messaging (paid only). */
type ClaimTarget = 'host' | 'iev-channel' | 'partner';

/** The outbox message owed to `target` about the claim's next event. */
function outboxId(claim: ClaimDocument, target: ClaimTarget): string {
  return `${claim.id}:${claim.history.length}:${target}`;
}

/** Only the claim's host, and only while it is a draft: a queried claim has been seen by the IEV team and is answered, not discarded. */
function assertMayDiscard(actor: Actor, claim: ClaimDocument): void {
  if (claim.hostId !== actor.id) throw new ForbiddenError('Only the colleague who started this claim can discard it.');
  if (claim.status !== 'draft')
    throw new ConflictError('This claim has been sent to the IEV team, so it can no longer be discarded.');
}

/** Every claim (who was paid what, for whom) is the IEV team's to see; a host sees their own in their chat. */
function assertMayListClaims(actor: Actor): void {
  if (!isIevMember(actor))
    throw new ForbiddenError(
      'Only the IEV team can see every expense claim. Your own claims are under “my claims” in your chat with the Involvement Hub bot.',
    );
}

/** Only IEV approvers decide, and never on a claim they submitted or are the subject of. */
export function assertMayDecide(actor: Actor, claim: ClaimDocument): void {
  if (!isIevMember(actor)) throw new ForbiddenError('Only IEV approvers can approve, reject or query claims.');
  if (actor.id === claim.hostId || actor.id === claim.partnerId)
    throw new ForbiddenError(
      'You cannot decide a claim you submitted or that is about you. Another IEV approver needs to decide it.',
    );
}

/** Only the claim's host takes it back, and only while it is reopenable (see `reopen`). */
export function mayReopen(actor: Actor, claim: ClaimDocument): boolean {
  return actor.id === claim.hostId && reopenable(claim);
}

export function mayDecide(actor: Actor, claim: ClaimDocument): boolean {
  return (
    isIevMember(actor) && actor.id !== claim.hostId && actor.id !== claim.partnerId && awaitingDecision(claim.status)
  );
}

function carTenthsByTaxYear(claims: readonly ClaimDocument[], taxYearStarts: string): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const claim of claims) {
    for (const { input } of claim.items) {
      if (input.kind !== 'mileage' || input.vehicle !== 'car') continue;
      const year = taxYearOf(input.date, taxYearStarts);
      totals[year] = (totals[year] ?? 0) + milesToTenths(input.miles);
    }
  }
  return totals;
}

/** Ids derived from a Teams activity or API operation id: a retried request maps to the same record. */
export function stableId(prefix: string, operationId: string): string {
  return `${prefix}-${createHash('sha256').update(operationId).digest('hex').slice(0, 24)}`;
}
