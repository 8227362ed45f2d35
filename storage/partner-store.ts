import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import type { Containers } from './cosmos.js';
import { CosmosRepository, mapError, pageError, type CreateResult, type Page, type Versioned } from './repository.js';
import type { Partner } from '../domain/register/partner.js';
import type { ClaimRecord, InvolvementReader, PartnerRepository, WorkRecord } from '../domain/register/ports.js';
import type { RegisterQuery } from '../domain/register/register-query.js';

const ORDER_BY: Record<RegisterQuery['sort'], string> = {
  name: 'ORDER BY c.searchName ASC',
  'name-desc': 'ORDER BY c.searchName DESC',
  newest: 'ORDER BY c.registeredAt DESC',
};

/** The Involvement Register in Cosmos (`partners`, partition key `/id`). */
export class PartnerStore implements PartnerRepository {
  readonly repository: CosmosRepository<Partner>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<Partner>(
      containers.partners,
      (partner) => partner.id,
      'Involvement Partner',
    );
  }

  get(id: string): Promise<Versioned<Partner>> {
    return this.repository.get(id, id);
  }

  find(id: string): Promise<Versioned<Partner> | undefined> {
    return this.repository.find(id, id);
  }

  /** Active partners whose name starts a word matching `text` (case-insensitive): for pickers in cards. */
  async searchByName(
    text: string,
    options: { pageSize?: number; includeInactive?: boolean } = {},
  ): Promise<Array<Versioned<Partner>>> {
    const term = text.trim().toLowerCase().slice(0, 80);
    const page = await this.repository.queryPage(
      {
        query: `SELECT * FROM c WHERE c.type = "partner" ${options.includeInactive ? '' : 'AND c.status = "active"'} AND CONTAINS(c.searchName, @term) ORDER BY c.searchName`,
        parameters: [{ name: '@term', value: term }],
      },
      { pageSize: options.pageSize ?? 20 },
    );
    return page.items;
  }

  async getMany(ids: readonly string[]): Promise<Array<Versioned<Partner>>> {
    if (ids.length === 0) return [];
    return this.repository.queryAll({
      query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(@ids, c.id)',
      parameters: [{ name: '@ids', value: [...ids] }],
    });
  }

  page(
    query: { query: string; parameters: Array<{ name: string; value: string | number | boolean | string[] }> },
    pageSize: number,
    continuation?: string,
  ): Promise<Page<Versioned<Partner>>> {
    return this.repository.queryPage(query, { pageSize, continuation });
  }

  /**
   * One page of the register, searched, filtered and sorted by Cosmos. Paging is by continuation
   * token only: the register never loads whole and never skips with OFFSET. Search matches part of
   * the name or of an interest, on lower-cased copies (no case-insensitive CONTAINS locally).
   */
  registerPage(query: RegisterQuery, options: { includeLeft: boolean }): Promise<Page<Versioned<Partner>>> {
    return this.repository.queryPage(registerQuerySpec(query, options), {
      pageSize: query.pageSize,
      continuation: query.continuation,
    });
  }

  /** Everyone with exactly this (normalised) name: few by construction, for duplicate detection. */
  withSearchName(searchName: string): Promise<Array<Versioned<Partner>>> {
    return this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "partner" AND c.searchName = @name',
      parameters: [{ name: '@name', value: searchName }],
    });
  }

  /** Partners whose "Welcome to Involvement" still has to be sent: IEV's task list. */
  awaitingWelcome(pageSize: number): Promise<Page<Versioned<Partner>>> {
    return this.repository.queryPage(
      {
        query: 'SELECT * FROM c WHERE c.type = "partner" AND c.welcome.status = "to-send" ORDER BY c.registeredAt ASC',
      },
      { pageSize },
    );
  }

  /**
   * Partners not yet erased who left, or whose last involvement (or registration, if never
   * involved) is before `cutoff`: candidates for retention review. ISO instants compare as strings.
   */
  dueForRetentionReview(cutoff: string, pageSize: number, continuation?: string): Promise<Page<Versioned<Partner>>> {
    return this.repository.queryPage(
      {
        query: `SELECT * FROM c WHERE ${DUE_FOR_RETENTION_REVIEW} ORDER BY c.searchName`,
        parameters: [{ name: '@cutoff', value: cutoff }],
      },
      { pageSize, continuation },
    );
  }

  create(partner: Partner): Promise<CreateResult<Partner>> {
    return this.repository.create(partner);
  }

  replace(partner: Partner, etag: string): Promise<Versioned<Partner>> {
    return this.repository.replace(partner, etag);
  }
}

/** Partners due for retention review before `@cutoff` (`domain/register/retention.ts`), as a query condition. */
export const DUE_FOR_RETENTION_REVIEW =
  'c.type = "partner" AND NOT IS_DEFINED(c.erasure) AND (c.status = "left" OR (IS_DEFINED(c.lastInvolvedAt) AND c.lastInvolvedAt < @cutoff) OR (NOT IS_DEFINED(c.lastInvolvedAt) AND c.registeredAt < @cutoff))';

export function registerQuerySpec(query: RegisterQuery, options: { includeLeft: boolean }): SqlQuerySpec {
  const conditions = ['c.type = "partner"'];
  const parameters: SqlParameter[] = [];
  if (query.q) {
    conditions.push(
      '(CONTAINS(c.searchName, @q) OR EXISTS(SELECT VALUE i FROM i IN c.searchInterests WHERE CONTAINS(i, @q)))',
    );
    parameters.push({ name: '@q', value: query.q });
  }
  if (query.status) {
    conditions.push('c.status = @status');
    parameters.push({ name: '@status', value: query.status });
  }
  if (!options.includeLeft) conditions.push('c.status != "left"');
  if (query.area) {
    conditions.push('ARRAY_CONTAINS(c.areas, @area)');
    parameters.push({ name: '@area', value: query.area });
  }
  if (query.contactable !== undefined) {
    conditions.push('c.consent.contactAboutOpportunities.given = @contactable');
    parameters.push({ name: '@contactable', value: query.contactable });
  }
  return { query: `SELECT * FROM c WHERE ${conditions.join(' AND ')} ${ORDER_BY[query.sort]}`, parameters };
}

/**
 * Read-only views of other areas' containers that the register shows: plans (written by the
 * planning bot, `plans`, pk `/hostId`) and expense claims (`claims`, pk `/id`). Fan-out queries
 * filtered in WHERE; results are small per partner or per page.
 */
export class InvolvementWorkReader implements InvolvementReader {
  constructor(private readonly containers: Containers) {}

  async plansPage(filter: {
    serviceArea?: string | undefined;
    planId?: string | undefined;
    pageSize: number;
    continuation?: string | undefined;
  }): Promise<Page<WorkRecord>> {
    const conditions = ['c.type = "plan"'];
    const parameters: SqlParameter[] = [];
    if (filter.serviceArea) {
      conditions.push('c.serviceArea = @area');
      parameters.push({ name: '@area', value: filter.serviceArea });
    }
    if (filter.planId) {
      conditions.push('c.id = @planId');
      parameters.push({ name: '@planId', value: filter.planId });
    }
    const iterator = this.containers.plans.items.query<WorkRecord>(
      { query: `SELECT * FROM c WHERE ${conditions.join(' AND ')}`, parameters },
      { maxItemCount: filter.pageSize, continuationToken: filter.continuation },
    );
    try {
      const response = await iterator.fetchNext();
      return { items: response.resources, continuation: response.continuationToken ?? undefined };
    } catch (error) {
      throw pageError(error, filter.continuation, 'involvement work');
    }
  }

  async plansWithPartner(partnerId: string): Promise<WorkRecord[]> {
    try {
      const { resources } = await this.containers.plans.items
        .query<WorkRecord>({
          // Work they took part in, and work they were chosen for from an opportunity (before any session).
          query:
            'SELECT * FROM c WHERE c.type = "plan" AND (ARRAY_CONTAINS(c.partnerIds, @id) OR EXISTS(SELECT VALUE p FROM p IN c.chosenPartners WHERE p.partnerId = @id))',
          parameters: [{ name: '@id', value: partnerId }],
        })
        .fetchAll();
      return resources;
    } catch (error) {
      throw mapError(error, 'involvement work');
    }
  }

  async claimsForPartner(partnerId: string): Promise<ClaimRecord[]> {
    try {
      const { resources } = await this.containers.claims.items
        .query<ClaimRecord>({
          query: 'SELECT * FROM c WHERE c.type = "claim" AND c.partnerId = @id AND c.status != "draft"',
          parameters: [{ name: '@id', value: partnerId }],
        })
        .fetchAll();
      return resources;
    } catch (error) {
      throw mapError(error, 'expense claim');
    }
  }

  async hostsOfOpportunitiesInterestedIn(partnerId: string): Promise<string[]> {
    try {
      const { resources } = await this.containers.opportunities.items
        .query<string>({
          query:
            'SELECT VALUE c.hostId FROM c WHERE c.type = "invitation" AND c.partnerId = @id AND c.answer = "interested"',
          parameters: [{ name: '@id', value: partnerId }],
        })
        .fetchAll();
      return resources;
    } catch (error) {
      throw mapError(error, 'opportunity');
    }
  }
}
