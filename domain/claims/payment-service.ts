import { stringify } from 'csv-stringify/sync';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Clock } from '../ports.js';
import type { ClaimRepository, PaymentBatchDocument } from './ports.js';
import type { ClaimDocument, ItemCategory, PricedItem } from './claim.js';
import { stableId, type ClaimService } from './claim-service.js';
import { totalsOf } from './pricing.js';

/**
 * Paying approved claims: export them as one batch (CSV for finance and payroll), then mark the
 * batch paid. A claim joins at most one batch (its state moves approved → exported under an etag),
 * so exporting twice never pays twice.
 */
export class PaymentService {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly claimService: ClaimService,
    private readonly now: Clock = () => new Date(),
  ) {}

  /** Exports every approved claim not yet exported. The operation id makes a retried request return the same batch. */
  async exportApproved(actor: Actor, operationId: string): Promise<PaymentBatchDocument | undefined> {
    assertIev(actor);
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

  async markPaid(actor: Actor, batchId: string): Promise<PaymentBatchDocument> {
    assertIev(actor);
    const batch = await this.claims.findBatch(batchId);
    if (!batch) throw new NotFoundError('That payment batch could not be found.');
    if (batch.status === 'exporting') await this.finish(actor, batch);
    for (const claim of await this.claimsIn(batchId))
      await this.claimService.advanceForPayment(actor, claim.id, 'paid', batchId, `${batchId}:paid`);
    const current = (await this.claims.findBatch(batchId))!;
    if (current.status === 'paid') return current;
    return this.claims.replaceBatch(
      { ...current, status: 'paid', paidAt: this.now().toISOString(), paidByName: actor.displayName },
      current._etag,
    );
  }

  async batch(actor: Actor, batchId: string): Promise<PaymentBatchDocument> {
    assertIev(actor);
    const batch = await this.claims.findBatch(batchId);
    if (!batch) throw new NotFoundError('That payment batch could not be found.');
    return batch;
  }

  async listBatches(actor: Actor): Promise<PaymentBatchDocument[]> {
    assertIev(actor);
    return this.claims.listBatches();
  }

  /** One row per item of one category, with each claim's total for that category on every row. */
  async csv(actor: Actor, batchId: string, category: ItemCategory): Promise<string> {
    const batch = await this.batch(actor, batchId);
    const rows: Array<Record<string, string | number>> = [];
    for (const claim of await this.claimsIn(batch.id)) {
      const items = claim.items.filter((item) => item.category === category && item.amountPence > 0);
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
    const totals = totalsOf(joined.flatMap((claim) => claim.items as PricedItem[]));
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

function assertIev(actor: Actor): void {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can export or pay claims.');
}
