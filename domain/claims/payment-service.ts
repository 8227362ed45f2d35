import { stringify } from 'csv-stringify/sync';
import { retryOnConflict } from '../concurrency.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Actor } from '../people/actor.js';
import type { Clock } from '../ports.js';
import type { ClaimRepository, PaymentBatchDocument } from './ports.js';
import { payableItems, type ClaimDocument, type ClaimTotals, type ItemCategory, type PricedItem } from './claim.js';
import { dayOf } from './claim-day.js';
import { assertMayPay } from './claim-permissions.js';
import type { ClaimService } from './claim-service.js';
import { stableId } from './stable-id.js';
import { totalsOf } from './pricing.js';

export interface MarkPaidRequest {
  /** The day the payment was made (YYYY-MM-DD); today when not given. */
  readonly paidOn?: string | undefined;
  /** Only these claims of the batch; every claim in it when not given. */
  readonly claimIds?: readonly string[] | undefined;
}

/**
 * Paying approved claims: export them as one batch (CSV for finance and payroll), then mark the
 * batch paid. A claim joins at most one batch (its state moves approved → exported under an etag),
 * so exporting twice never pays twice.
 */
export class PaymentService {
  private readonly claims: ClaimRepository;
  private readonly claimService: ClaimService;
  private readonly now: Clock;

  constructor(options: { readonly claims: ClaimRepository; readonly claimService: ClaimService; readonly now: Clock }) {
    this.claims = options.claims;
    this.claimService = options.claimService;
    this.now = options.now;
  }

  /** Exports every approved claim not yet exported. The operation id makes a retried request return the same batch. */
  async exportApproved(actor: Actor, operationId: string): Promise<PaymentBatchDocument | undefined> {
    assertMayPay(actor);
    const batchId = stableId('batch', operationId);
    const existing = await this.claims.findBatch(batchId);
    if (existing) return this.finish(actor, existing);
    for (const unfinished of await this.claims.unfinishedBatches()) await this.finish(actor, unfinished);
    const approved = await this.claims.approvedNotExported();
    if (approved.length === 0) return undefined;
    const { batch } = await this.claims.createBatch({
      id: batchId,
      type: 'payment-batch',
      schemaVersion: 1,
      status: 'exporting',
      claimIds: approved.map((claim) => claim.id),
      createdAt: this.now().toISOString(),
      createdById: actor.id,
      createdByName: actor.displayName,
      totals: { expensesPence: 0, paymentsPence: 0 },
    });
    return this.finish(actor, batch);
  }

  /**
   * Records that finance paid the batch (or some of its claims) on `paidOn`. Each claim is paid once,
   * whatever is pressed again; the batch is paid when its last claim is.
   */
  async markPaid(actor: Actor, batchId: string, request: MarkPaidRequest = {}): Promise<PaymentBatchDocument> {
    assertMayPay(actor);
    const batch = await this.claims.findBatch(batchId);
    if (!batch) throw new NotFoundError('That payment batch could not be found.');
    if (batch.status === 'exporting') await this.finish(actor, batch);
    const paidOn = this.checkPaidOn(batch, request.paidOn);
    const inBatch = await this.claimsIn(batchId);
    const chosen = request.claimIds ? this.checkChosen(inBatch, request.claimIds) : inBatch;
    for (const claim of chosen)
      await this.claimService.advanceForPayment(actor, claim.id, 'paid', batchId, `${batchId}:paid`, paidOn);
    const everyPaid = (await this.claimsIn(batchId)).every((claim) => claim.status === 'paid');
    return retryOnConflict(async () => {
      const current = (await this.claims.findBatch(batchId))!;
      if (current.status === 'paid' || !everyPaid) return current;
      return this.claims.replaceBatch(
        { ...current, status: 'paid', paidAt: this.now().toISOString(), paidOn, paidByName: actor.displayName },
        current._etag,
      );
    });
  }

  /** What the next export would hold: approved claims not yet in a batch, and their approved totals. */
  async waitingForExport(actor: Actor): Promise<{ claims: number; totals: ClaimTotals }> {
    assertMayPay(actor);
    const approved = await this.claims.approvedNotExported();
    return { claims: approved.length, totals: totalsOf(approved.flatMap(payableItems)) };
  }

  /** A batch with the claims in it, each with its state (a claim may be paid before the rest of its batch). */
  async batchWithClaims(
    actor: Actor,
    batchId: string,
  ): Promise<{ batch: PaymentBatchDocument; claims: ClaimDocument[] }> {
    const batch = await this.batch(actor, batchId);
    return { batch, claims: await this.claimsIn(batch.id) };
  }

  private checkPaidOn(batch: PaymentBatchDocument, paidOn: string | undefined): string {
    const today = dayOf(this.now());
    if (paidOn === undefined) return today;
    const problem = (message: string) =>
      new ValidationError('Please check the payment date.', [{ field: 'paidOn', message }]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn) || Number.isNaN(Date.parse(paidOn)))
      throw problem('Enter the date the payment was made, for example 2026-03-01');
    if (paidOn > today) throw problem('The payment date cannot be in the future');
    if (paidOn < batch.createdAt.slice(0, 10))
      throw problem('The payment date cannot be before the claims were exported for payment');
    return paidOn;
  }

  private checkChosen(inBatch: readonly ClaimDocument[], claimIds: readonly string[]): ClaimDocument[] {
    if (claimIds.length === 0)
      throw new ValidationError('Please choose claims.', [
        { field: 'claimIds', message: 'Choose at least one claim to mark paid' },
      ]);
    const byId = new Map(inBatch.map((claim) => [claim.id, claim]));
    if (claimIds.some((id) => !byId.has(id)))
      throw new ValidationError('Please choose claims.', [
        { field: 'claimIds', message: 'Choose claims from this payment batch' },
      ]);
    return claimIds.map((id) => byId.get(id)!);
  }

  async batch(actor: Actor, batchId: string): Promise<PaymentBatchDocument> {
    assertMayPay(actor);
    const batch = await this.claims.findBatch(batchId);
    if (!batch) throw new NotFoundError('That payment batch could not be found.');
    return batch;
  }

  async listBatches(actor: Actor): Promise<PaymentBatchDocument[]> {
    assertMayPay(actor);
    return this.claims.listBatches();
  }

  /** One row per item of one category, with each claim's total for that category on every row. */
  async csv(actor: Actor, batchId: string, category: ItemCategory): Promise<string> {
    const batch = await this.batch(actor, batchId);
    const rows: Array<Record<string, string | number>> = [];
    for (const claim of await this.claimsIn(batch.id)) {
      const items = payableItems(claim).filter((item) => item.category === category && item.amountPence > 0);
      const claimTotal = items.reduce((sum, item) => sum + item.amountPence, 0);
      for (const item of items) rows.push(csvRow(batch.id, claim, item, claimTotal));
    }
    // Spreadsheets run cells starting with = + - @ (or their full-width forms) as formulas: csv-stringify
    // prefixes such text with ' so a name typed by a person stays text (negative numbers are left alone).
    return stringify(rows, { header: true, columns: CSV_COLUMNS as unknown as string[], escape_formulas: true });
  }

  /** Claims really in the batch: those whose own record names it (authoritative over the batch's list). */
  private async claimsIn(batchId: string): Promise<ClaimDocument[]> {
    const batch = await this.claims.findBatch(batchId);
    const claims = await this.claims.getMany(batch?.claimIds ?? []);
    return claims.filter((claim) => claim.exportBatchId === batchId).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Moves the batch's claims to exported and records what really joined it. Safe to repeat. */
  private async finish(actor: Actor, batch: PaymentBatchDocument & { _etag: string }): Promise<PaymentBatchDocument> {
    if (batch.status !== 'exporting') return batch;
    for (const claimId of batch.claimIds)
      await this.claimService.advanceForPayment(actor, claimId, 'exported', batch.id, `${batch.id}:export`);
    const joined = await this.claimsIn(batch.id);
    const totals = totalsOf(joined.flatMap(payableItems));
    return this.claims.replaceBatch(
      { ...batch, status: 'exported', claimIds: joined.map((claim) => claim.id), totals },
      batch._etag,
    );
  }
}

/** Stable column names for finance and payroll; documented in docs/claims.md. */
export const CSV_COLUMNS = [
  'batch_id',
  'claim_id',
  'partner_id',
  'partner_name',
  'host_name',
  'work',
  'submitted_at',
  'approved_at',
  'approved_by',
  'item_id',
  'item_date',
  'item_kind',
  'category',
  'taxable',
  'description',
  'quantity',
  'unit',
  'calculation',
  'claimed_pence',
  'amount_pence',
  'amount_gbp',
  'claim_total_pence',
  'policy_version',
] as const;

function csvRow(
  batchId: string,
  claim: ClaimDocument,
  item: PricedItem,
  claimTotal: number,
): Record<string, string | number> {
  const input = item.input;
  const [quantity, unit] =
    input.kind === 'mileage'
      ? [input.miles, 'miles']
      : input.kind === 'involvement-time'
        ? [input.hours, 'hours']
        : [1, 'item'];
  const description =
    input.kind === 'mileage'
      ? `${input.vehicle}: ${input.from} to ${input.to}${input.passengers ? `, ${input.passengers} passenger(s)` : ''}`
      : input.kind === 'care'
        ? input.careType
        : input.kind === 'involvement-time'
          ? input.levelId
          : input.description;
  return {
    batch_id: batchId,
    claim_id: claim.id,
    partner_id: claim.partnerId,
    partner_name: claim.partnerName,
    host_name: claim.hostName,
    work: claim.work.title,
    submitted_at: claim.submittedAt ?? '',
    approved_at: claim.decision?.at ?? '',
    approved_by: claim.decision?.byName ?? '',
    item_id: item.id,
    item_date: input.date,
    item_kind: input.kind,
    category: item.category,
    taxable: item.category === 'payment' ? 'yes' : 'no',
    description,
    quantity,
    unit,
    calculation: item.explanation,
    claimed_pence: item.claimedPence,
    amount_pence: item.amountPence,
    amount_gbp: (item.amountPence / 100).toFixed(2),
    claim_total_pence: claimTotal,
    policy_version: claim.policyVersion,
  };
}
