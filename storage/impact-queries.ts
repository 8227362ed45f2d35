import type { SqlQuerySpec } from '@azure/cosmos';
import type { Containers } from './cosmos.js';
import { CosmosRepository, type StoredDocument } from './repository.js';
import type {
  ImpactFacts,
  PaidClaimFacts,
  PartnerEvaluationFacts,
  PartnerFacts,
  SessionFacts,
  WorkFacts,
} from '../domain/impact/impact-report.js';
import type { Period } from '../domain/impact/period.js';
import type { ImpactFactsReader } from '../domain/impact/ports.js';

const PAGE_SIZE = 200;
/** ARRAY_CONTAINS with a parameter list: keep each query's parameter small. */
const IDS_PER_QUERY = 200;

/**
 * The narrow reads behind "Is it working?": each query selects only the fields the report uses
 * (never names, contacts or free text), pages with continuation tokens, and leaves the counting to
 * domain/impact (the local Cosmos server has no GROUP BY or DISTINCT).
 */
export class ImpactQueries implements ImpactFactsReader {
  private readonly plans: CosmosRepository<StoredDocument>;
  private readonly partners: CosmosRepository<StoredDocument>;
  private readonly claims: CosmosRepository<StoredDocument>;
  private readonly evaluations: CosmosRepository<StoredDocument>;

  constructor(containers: Containers) {
    // Read-only: the partition key function is only used by writes, which these queries never make.
    this.plans = new CosmosRepository<StoredDocument>(
      containers.plans,
      (document) => (document as StoredDocument & { hostId: string }).hostId,
      'involvement work',
    );
    this.partners = new CosmosRepository<StoredDocument>(containers.partners, (document) => document.id, 'partner');
    this.claims = new CosmosRepository<StoredDocument>(containers.claims, (document) => document.id, 'expense claim');
    this.evaluations = new CosmosRepository<StoredDocument>(
      containers.evaluations,
      (document) => document.id,
      'evaluation',
    );
  }

  async factsFor(period: Period): Promise<ImpactFacts> {
    const [sessions, work, paidClaims, partnerEvaluations] = await Promise.all([
      this.sessionsUpTo(period.to),
      this.workFacts(),
      this.claimsPaidIn(period),
      this.evaluationsIn(period),
    ]);
    const involved = new Set(
      sessions.filter((session) => session.date >= period.from).flatMap((session) => session.partnerIds),
    );
    return { sessions, work, paidClaims, partnerEvaluations, partners: await this.partnersAmong([...involved]) };
  }

  /** Partners' own evaluations given in the period: the piece of work, the day and the answers (never the comment). */
  async evaluationsIn(period: Period): Promise<PartnerEvaluationFacts[]> {
    return all<PartnerEvaluationFacts>(this.evaluations, {
      query:
        'SELECT c.workId, c.day, c.answers FROM c WHERE c.type = "partner-evaluation" AND c.day >= @from AND c.day <= @to',
      parameters: [
        { name: '@from', value: period.from },
        { name: '@to', value: period.to },
      ],
    });
  }

  /** Every session on or before the end of the period, one row per session (JOIN), across all hosts' partitions. */
  async sessionsUpTo(to: string): Promise<SessionFacts[]> {
    return all<SessionFacts>(this.plans, {
      query:
        'SELECT c.id AS workId, s.date, s.durationMinutes, s.partnerIds FROM c JOIN s IN c.sessions WHERE c.type = "plan" AND s.date <= @to',
      parameters: [{ name: '@to', value: to }],
    });
  }

  /** Every piece of work: its service area, the groups it set out to reach, and what its outcome records (never free text). */
  async workFacts(): Promise<WorkFacts[]> {
    const rows = await all<{
      id: string;
      title?: string;
      serviceArea?: string;
      groups?: unknown;
      closed: boolean;
      feedbackHow?: string;
      rating?: string;
    }>(this.plans, {
      query:
        'SELECT c.id, c.title, c.serviceArea, c.answers.people.groups, IS_DEFINED(c.outcome) AS closed, c.outcome.feedbackHow, c.outcome.evaluation.rating FROM c WHERE c.type = "plan"',
    });
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      serviceArea: row.serviceArea,
      groupsToReach: Array.isArray(row.groups) ? row.groups.filter((group) => typeof group === 'string') : [],
      outcomeRecorded: row.closed,
      feedbackRecorded: typeof row.feedbackHow === 'string' && row.feedbackHow.trim().length > 0,
      hostRating: row.rating,
    }));
  }

  /** Equality answers are read only for partners who agreed to equality monitoring. */
  async partnersAmong(ids: readonly string[]): Promise<PartnerFacts[]> {
    const facts: PartnerFacts[] = [];
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      const rows = await all<{ id: string; agreed?: boolean; equality?: Record<string, string> }>(this.partners, {
        query:
          'SELECT c.id, c.consent.equalityMonitoring.given AS agreed, c.equality FROM c WHERE c.type = "partner" AND ARRAY_CONTAINS(@ids, c.id)',
        parameters: [{ name: '@ids', value: ids.slice(start, start + IDS_PER_QUERY) }],
      });
      facts.push(
        ...rows.map((row) => ({ id: row.id, equality: row.agreed === true ? (row.equality ?? {}) : undefined })),
      );
    }
    return facts;
  }

  async claimsPaidIn(period: Period): Promise<PaidClaimFacts[]> {
    const rows = await all<{
      id: string;
      planId?: string;
      submittedAt?: string;
      createdAt: string;
      paidAt: string;
      totals: { expensesPence: number; paymentsPence: number };
    }>(this.claims, {
      query:
        'SELECT c.id, c.work.planId, c.submittedAt, c.createdAt, c.paidAt, c.totals FROM c WHERE c.type = "claim" AND c.status = "paid" AND c.paidAt >= @from AND c.paidAt <= @to',
      parameters: [
        { name: '@from', value: period.from },
        { name: '@to', value: `${period.to}T23:59:59.999Z` },
      ],
    });
    return rows.map((row) => ({
      id: row.id,
      workId: row.planId,
      submittedAt: row.submittedAt ?? row.createdAt,
      paidAt: row.paidAt,
      expensesPence: row.totals.expensesPence,
      paymentsPence: row.totals.paymentsPence,
    }));
  }
}

/** Follows continuation tokens page by page, so no single response has to hold the whole set. */
async function all<R>(repository: CosmosRepository<StoredDocument>, query: SqlQuerySpec): Promise<R[]> {
  const rows: R[] = [];
  let continuation: string | undefined;
  do {
    const page = await repository.queryPage(query, { pageSize: PAGE_SIZE, continuation });
    rows.push(...(page.items as unknown as R[]));
    continuation = page.continuation;
  } while (continuation);
  return rows;
}
