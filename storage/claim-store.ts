import type { Containers } from './cosmos.js';
import { CosmosRepository, type Page, type Versioned } from './repository.js';
import type { ClaimDocument } from '../domain/claims/claim.js';
import type { ClaimRepository, PaymentBatchDocument } from '../domain/claims/ports.js';
import { STATUSES_BY_LIST_STATE, UNPAID_STATUSES, type ClaimListQuery } from '../domain/claims/claim-list.js';

type ClaimsContainerDocument = ClaimDocument | PaymentBatchDocument;

/** Claims and payment batches in the `claims` container (partition key `/id`). */
export class ClaimStore implements ClaimRepository {
  private readonly repository: CosmosRepository<ClaimsContainerDocument>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<ClaimsContainerDocument>(
      containers.claims,
      (document) => document.id,
      'expense claim',
    );
  }

  async findClaim(id: string): Promise<Versioned<ClaimDocument> | undefined> {
    const found = await this.repository.find(id, id);
    return found?.type === 'claim' ? found : undefined;
  }

  async createClaim(claim: ClaimDocument): Promise<{ claim: Versioned<ClaimDocument>; created: boolean }> {
    const { document, created } = await this.repository.create(claim);
    return { claim: document as Versioned<ClaimDocument>, created };
  }

  /** Throws ConflictError when someone changed the claim since `etag`. */
  async replaceClaim(claim: ClaimDocument, etag: string): Promise<Versioned<ClaimDocument>> {
    return (await this.repository.replace(claim, etag)) as Versioned<ClaimDocument>;
  }

  /** Deletes a claim only if unchanged since `etag` (ConflictError otherwise); one already gone counts as deleted. */
  async deleteClaim(id: string, etag: string): Promise<void> {
    await this.repository.delete(id, id, etag);
  }

  /** The host's most recent claim they can still change (a draft, or one queried back to them or reopened). */
  async latestEditableFor(hostId: string): Promise<Versioned<ClaimDocument> | undefined> {
    const page = await this.repository.queryPage(
      {
        query:
          'SELECT * FROM c WHERE c.type = "claim" AND c.hostId = @hostId AND (c.status = "draft" OR c.status = "queried" OR c.status = "reopened") ORDER BY c.createdAt DESC',
        parameters: [{ name: '@hostId', value: hostId }],
      },
      { pageSize: 1 },
    );
    return page.items[0] as Versioned<ClaimDocument> | undefined;
  }

  /** A host's most recent claims, newest first (their own partition of interest; a small fan-out). */
  async recentForHost(hostId: string, pageSize = 10): Promise<Array<Versioned<ClaimDocument>>> {
    const page = await this.repository.queryPage(
      {
        query: 'SELECT * FROM c WHERE c.type = "claim" AND c.hostId = @hostId ORDER BY c.createdAt DESC',
        parameters: [{ name: '@hostId', value: hostId }],
      },
      { pageSize },
    );
    return page.items as Array<Versioned<ClaimDocument>>;
  }

  /** Other claims for the partner that count towards mileage bands (submitted or later, not rejected). */
  async countingClaimsForPartner(partnerId: string, exceptClaimId: string): Promise<ClaimDocument[]> {
    const claims = await this.repository.queryAll({
      query:
        'SELECT * FROM c WHERE c.type = "claim" AND c.partnerId = @partnerId AND c.id != @except AND NOT ARRAY_CONTAINS(@skip, c.status)',
      parameters: [
        { name: '@partnerId', value: partnerId },
        { name: '@except', value: exceptClaimId },
        { name: '@skip', value: ['draft', 'rejected'] },
      ],
    });
    return claims as ClaimDocument[];
  }

  /** Every claim about the partner, drafts included: for their data export and erasure. Few per partner. */
  async allForPartner(partnerId: string): Promise<Array<Versioned<ClaimDocument>>> {
    const claims = await this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "claim" AND c.partnerId = @partnerId ORDER BY c.createdAt',
      parameters: [{ name: '@partnerId', value: partnerId }],
    });
    return claims as Array<Versioned<ClaimDocument>>;
  }

  /** The host's sent claims for one plan: a plan has few claims. */
  async forPlan(hostId: string, planId: string): Promise<ClaimDocument[]> {
    const claims = await this.repository.queryAll({
      query:
        'SELECT * FROM c WHERE c.type = "claim" AND c.hostId = @hostId AND c.work.planId = @planId AND c.status != "draft"',
      parameters: [
        { name: '@hostId', value: hostId },
        { name: '@planId', value: planId },
      ],
    });
    return claims as ClaimDocument[];
  }

  /**
   * One page of the IEV list, newest submission first. Every filter is in the WHERE clause and the page
   * is cut by a continuation token, so the first page costs the same however many claims there are.
   */
  async listPage(query: ClaimListQuery): Promise<Page<Versioned<ClaimDocument>>> {
    const conditions = ['c.type = "claim"', 'ARRAY_CONTAINS(@statuses, c.status)'];
    const parameters: Array<{ name: string; value: string | string[] }> = [
      { name: '@statuses', value: [...query.statuses] },
    ];
    const where = (condition: string, name: string, value: string | undefined) => {
      if (value === undefined) return;
      conditions.push(condition);
      parameters.push({ name, value });
    };
    where('c.hostId = @hostId', '@hostId', query.hostId);
    where('c.partnerId = @partnerId', '@partnerId', query.partnerId);
    where('c.submittedAt >= @from', '@from', query.submittedFrom);
    where('c.submittedAt < @before', '@before', query.submittedBefore);
    if (query.payByBefore !== undefined) {
      where('c.payBy < @payByBefore', '@payByBefore', query.payByBefore);
      conditions.push('ARRAY_CONTAINS(@unpaid, c.status)');
      parameters.push({ name: '@unpaid', value: [...UNPAID_STATUSES] });
    }
    const page = await this.repository.queryPage(
      { query: `SELECT * FROM c WHERE ${conditions.join(' AND ')} ORDER BY c.submittedAt DESC`, parameters },
      { pageSize: query.pageSize, continuation: query.continuation },
    );
    return page as Page<Versioned<ClaimDocument>>;
  }

  /** How many claims wait for an IEV decision: one aggregate query, answered from the index. */
  async countWaiting(): Promise<number> {
    const [count] = await this.repository.queryValues<number>({
      query: 'SELECT VALUE COUNT(1) FROM c WHERE c.type = "claim" AND ARRAY_CONTAINS(@statuses, c.status)',
      parameters: [{ name: '@statuses', value: [...STATUSES_BY_LIST_STATE.waiting] }],
    });
    return count ?? 0;
  }

  /** Every approved claim not yet in a batch. */
  async approvedNotExported(): Promise<Array<Versioned<ClaimDocument>>> {
    const claims = await this.repository.queryAll({
      query:
        'SELECT * FROM c WHERE c.type = "claim" AND c.status = "approved" AND NOT IS_DEFINED(c.exportBatchId) ORDER BY c.createdAt',
    });
    return claims as Array<Versioned<ClaimDocument>>;
  }

  async getMany(ids: readonly string[]): Promise<Array<Versioned<ClaimDocument>>> {
    if (ids.length === 0) return [];
    const claims = await this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "claim" AND ARRAY_CONTAINS(@ids, c.id)',
      parameters: [{ name: '@ids', value: [...ids] }],
    });
    return claims as Array<Versioned<ClaimDocument>>;
  }

  async findBatch(id: string): Promise<Versioned<PaymentBatchDocument> | undefined> {
    const found = await this.repository.find(id, id);
    return found?.type === 'payment-batch' ? found : undefined;
  }

  async createBatch(
    batch: PaymentBatchDocument,
  ): Promise<{ batch: Versioned<PaymentBatchDocument>; created: boolean }> {
    const { document, created } = await this.repository.create(batch);
    return { batch: document as Versioned<PaymentBatchDocument>, created };
  }

  async replaceBatch(batch: PaymentBatchDocument, etag: string): Promise<Versioned<PaymentBatchDocument>> {
    return (await this.repository.replace(batch, etag)) as Versioned<PaymentBatchDocument>;
  }

  /** Batches whose export was interrupted part-way; the next export finishes them first. */
  async unfinishedBatches(): Promise<Array<Versioned<PaymentBatchDocument>>> {
    const batches = await this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "payment-batch" AND c.status = "exporting"',
    });
    return batches as Array<Versioned<PaymentBatchDocument>>;
  }

  async listBatches(): Promise<Array<Versioned<PaymentBatchDocument>>> {
    const page = await this.repository.queryPage(
      { query: 'SELECT * FROM c WHERE c.type = "payment-batch" ORDER BY c.createdAt DESC' },
      { pageSize: 50 },
    );
    return page.items as Array<Versioned<PaymentBatchDocument>>;
  }
}
