import type { Containers } from './cosmos.js';
import { CosmosRepository, type Page, type Versioned } from './repository.js';
import type { ClaimDocument, ClaimStatus } from '../domain/claims/claim.js';
import type { ClaimRepository, PaymentBatchDocument } from '../domain/claims/ports.js';

type ClaimsContainerDocument = ClaimDocument | PaymentBatchDocument;

/** Claims and payment batches in the `claims` container (partition key `/id`). */
export class ClaimStore implements ClaimRepository {
  private readonly repository: CosmosRepository<ClaimsContainerDocument>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<ClaimsContainerDocument>(containers.claims, (document) => document.id, 'expense claim');
  }

  async findClaim(id: string): Promise<Versioned<ClaimDocument> | undefined> {
    const found = await this.repository.find(id, id);
    return found?.type === 'claim' ? (found) : undefined;
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

  /** The host's most recent claim they can still change (a draft, or one queried back to them). */
  async latestEditableFor(hostId: string): Promise<Versioned<ClaimDocument> | undefined> {
    const page = await this.repository.queryPage(
      { query: 'SELECT * FROM c WHERE c.type = "claim" AND c.hostId = @hostId AND (c.status = "draft" OR c.status = "queried") ORDER BY c.createdAt DESC', parameters: [{ name: '@hostId', value: hostId }] },
      { pageSize: 1 },
    );
    return page.items[0] as Versioned<ClaimDocument> | undefined;
  }

  /** A host's most recent claims, newest first (their own partition of interest; a small fan-out). */
  async recentForHost(hostId: string, pageSize = 10): Promise<Array<Versioned<ClaimDocument>>> {
    const page = await this.repository.queryPage(
      { query: 'SELECT * FROM c WHERE c.type = "claim" AND c.hostId = @hostId ORDER BY c.createdAt DESC', parameters: [{ name: '@hostId', value: hostId }] },
      { pageSize },
    );
    return page.items as Array<Versioned<ClaimDocument>>;
  }

  /** Other claims for the partner that count towards mileage bands (submitted or later, not rejected). */
  async countingClaimsForPartner(partnerId: string, exceptClaimId: string): Promise<ClaimDocument[]> {
    const claims = await this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "claim" AND c.partnerId = @partnerId AND c.id != @except AND NOT ARRAY_CONTAINS(@skip, c.status)',
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

  async pageByStatus(statuses: readonly ClaimStatus[], pageSize: number, continuation?: string): Promise<Page<Versioned<ClaimDocument>>> {
    const page = await this.repository.queryPage(
      { query: 'SELECT * FROM c WHERE c.type = "claim" AND ARRAY_CONTAINS(@statuses, c.status) ORDER BY c.createdAt', parameters: [{ name: '@statuses', value: [...statuses] }] },
      { pageSize, continuation },
    );
    return page as Page<Versioned<ClaimDocument>>;
  }

  /** Every approved claim not yet in a batch. */
  async approvedNotExported(): Promise<Array<Versioned<ClaimDocument>>> {
    const claims = await this.repository.queryAll({ query: 'SELECT * FROM c WHERE c.type = "claim" AND c.status = "approved" AND NOT IS_DEFINED(c.exportBatchId) ORDER BY c.createdAt' });
    return claims as Array<Versioned<ClaimDocument>>;
  }

  async getMany(ids: readonly string[]): Promise<Array<Versioned<ClaimDocument>>> {
    if (ids.length === 0) return [];
    const claims = await this.repository.queryAll({ query: 'SELECT * FROM c WHERE c.type = "claim" AND ARRAY_CONTAINS(@ids, c.id)', parameters: [{ name: '@ids', value: [...ids] }] });
    return claims as Array<Versioned<ClaimDocument>>;
  }

  async findBatch(id: string): Promise<Versioned<PaymentBatchDocument> | undefined> {
    const found = await this.repository.find(id, id);
    return found?.type === 'payment-batch' ? (found) : undefined;
  }

  async createBatch(batch: PaymentBatchDocument): Promise<{ batch: Versioned<PaymentBatchDocument>; created: boolean }> {
    const { document, created } = await this.repository.create(batch);
    return { batch: document as Versioned<PaymentBatchDocument>, created };
  }

  async replaceBatch(batch: PaymentBatchDocument, etag: string): Promise<Versioned<PaymentBatchDocument>> {
    return (await this.repository.replace(batch, etag)) as Versioned<PaymentBatchDocument>;
  }

  /** Batches whose export was interrupted part-way; the next export finishes them first. */
  async unfinishedBatches(): Promise<Array<Versioned<PaymentBatchDocument>>> {
    const batches = await this.repository.queryAll({ query: 'SELECT * FROM c WHERE c.type = "payment-batch" AND c.status = "exporting"' });
    return batches as Array<Versioned<PaymentBatchDocument>>;
  }

  async listBatches(): Promise<Array<Versioned<PaymentBatchDocument>>> {
    const page = await this.repository.queryPage({ query: 'SELECT * FROM c WHERE c.type = "payment-batch" ORDER BY c.createdAt DESC' }, { pageSize: 50 });
    return page.items as Array<Versioned<PaymentBatchDocument>>;
  }
}
