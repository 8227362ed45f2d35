import type { SqlQuerySpec } from '@azure/cosmos';
import type { ClaimDocument } from '../domain/claims/claim.js';
import { STATUSES_BY_LIST_STATE, UNPAID_STATUSES } from '../domain/claims/claim-list.js';
import { StaleVersionError } from '../domain/errors.js';
import type { Plan } from '../domain/planning/plan.js';
import type { ConsentRenewalQueries } from '../domain/register/consent-renewal.js';
import type { Partner } from '../domain/register/partner.js';
import type {
  DigestSources,
  NudgeCandidates,
  NudgePreference,
  NudgePreferenceRepository,
  ScheduleRun,
  ScheduleRunRepository,
} from '../domain/schedule/ports.js';
import type { Containers } from './cosmos.js';
import { ApplicationStore } from './application-store.js';
import { DUE_FOR_RETENTION_REVIEW } from './partner-store.js';
import { CosmosRepository, type Page, type StoredDocument, type Versioned } from './repository.js';

/** Scheduled runs in `directory` (`schedule-run:<job>:<period>`, partition key `/id`): point reads and conditional writes. */
export class ScheduleRunStore implements ScheduleRunRepository {
  private readonly repository: CosmosRepository<ScheduleRun>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<ScheduleRun>(containers.directory, (run) => run.id, 'scheduled run');
  }

  async createRun(run: ScheduleRun): Promise<{ run: Versioned<ScheduleRun>; created: boolean }> {
    const { document, created } = await this.repository.create(run);
    return { run: document, created };
  }

  replaceRun(run: ScheduleRun, etag: string): Promise<Versioned<ScheduleRun>> {
    return this.repository.replace(run, etag);
  }

  async findRun(id: string): Promise<Versioned<ScheduleRun> | undefined> {
    const found = await this.repository.find(id, id);
    return found?.type === 'schedule-run' ? found : undefined;
  }
}

/** A host's reminder choices, beside their plans in `plans` (partition key `/hostId`). */
export class NudgePreferenceStore implements NudgePreferenceRepository {
  private readonly repository: CosmosRepository<NudgePreference>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<NudgePreference>(
      containers.plans,
      (preference) => preference.hostId,
      'reminder setting',
    );
  }

  async findPreference(hostId: string, subjectId: string): Promise<Versioned<NudgePreference> | undefined> {
    const found = await this.repository.find(`nudges:${subjectId}`, hostId);
    return found?.type === 'nudge-preference' && found.hostId === hostId ? found : undefined;
  }

  async writePreference(preference: NudgePreference, etag: string | undefined): Promise<Versioned<NudgePreference>> {
    if (etag) return this.repository.replace(preference, etag);
    const { document, created } = await this.repository.create(preference);
    if (!created) throw new StaleVersionError('Someone changed these reminders at the same moment.');
    return document;
  }
}

/** A partner (not erased, not left) with a consent given before `@before`: `domain/register/consent-renewal.ts`. */
const CONSENT_DUE_FOR_RENEWAL =
  'c.type = "partner" AND NOT IS_DEFINED(c.erasure) AND c.status != "left" AND ((c.consent.register.given = true AND c.consent.register.at < @before) OR (c.consent.contactAboutOpportunities.given = true AND c.consent.contactAboutOpportunities.at < @before) OR (c.consent.equalityMonitoring.given = true AND c.consent.equalityMonitoring.at < @before))';

/** What the scheduled jobs read: narrow fan-out queries over plans, claims and the register. */
export class ScheduleQueries implements NudgeCandidates, DigestSources, ConsentRenewalQueries {
  private readonly plans: CosmosRepository<Plan>;
  private readonly partners: CosmosRepository<Partner>;
  private readonly applications: ApplicationStore;
  private readonly claims: CosmosRepository<ClaimDocument & StoredDocument>;
  private readonly counts: {
    readonly claims: CosmosRepository<StoredDocument>;
    readonly plans: CosmosRepository<StoredDocument>;
    readonly partners: CosmosRepository<StoredDocument>;
  };

  constructor(containers: Containers) {
    this.plans = new CosmosRepository<Plan>(containers.plans, (plan) => plan.hostId, 'plan');
    this.claims = new CosmosRepository<ClaimDocument & StoredDocument>(
      containers.claims,
      (claim) => claim.id,
      'expense claim',
    );
    this.applications = new ApplicationStore(containers);
    this.partners = new CosmosRepository<Partner>(containers.partners, (partner) => partner.id, 'partner');
    this.counts = {
      claims: new CosmosRepository(containers.claims, (document) => document.id),
      plans: new CosmosRepository(containers.plans, (document) => document.id),
      partners: new CosmosRepository(containers.partners, (document) => document.id),
    };
  }

  openPlansWithSessions(): Promise<Plan[]> {
    return this.plans.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "plan" AND c.phase = "running" AND NOT IS_DEFINED(c.outcome)',
    });
  }

  plansWithFirstSessionFrom(from: string): Promise<Plan[]> {
    return this.plans.queryAll({
      query:
        'SELECT * FROM c WHERE c.type = "plan" AND (c.phase = "planning" OR c.phase = "planned") AND c.answers.timing.firstSession >= @from AND NOT IS_DEFINED(c.partnersContactedAt)',
      parameters: [{ name: '@from', value: from }],
    });
  }

  /** One plan by id across hosts: the reminder's deliverer knows the plan, not yet its host. */
  async findPlan(planId: string): Promise<Plan | undefined> {
    const [plan] = await this.plans.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "plan" AND c.id = @id',
      parameters: [{ name: '@id', value: planId }],
    });
    return plan;
  }

  waitingOnHosts(before: { draftsBefore: string; queriesBefore: string }): Promise<ClaimDocument[]> {
    return this.claims.queryAll({
      query:
        'SELECT * FROM c WHERE c.type = "claim" AND ((c.status = "draft" AND c.createdAt < @drafts) OR (c.status = "queried" AND c.openQuery.at < @queries))',
      parameters: [
        { name: '@drafts', value: before.draftsBefore },
        { name: '@queries', value: before.queriesBefore },
      ],
    });
  }

  async findClaim(claimId: string): Promise<ClaimDocument | undefined> {
    const found = await this.claims.find(claimId, claimId);
    return found?.type === 'claim' ? found : undefined;
  }

  async claimsWaiting(): Promise<{ count: number; oldestSubmittedAt: string | undefined }> {
    const statuses = { name: '@statuses', value: [...STATUSES_BY_LIST_STATE.waiting] };
    const [count, oldest] = await Promise.all([
      this.count('claims', {
        query: 'SELECT VALUE COUNT(1) FROM c WHERE c.type = "claim" AND ARRAY_CONTAINS(@statuses, c.status)',
        parameters: [statuses],
      }),
      this.counts.claims.queryValues<string>({
        query: 'SELECT VALUE MIN(c.submittedAt) FROM c WHERE c.type = "claim" AND ARRAY_CONTAINS(@statuses, c.status)',
        parameters: [statuses],
      }),
    ]);
    return { count, oldestSubmittedAt: typeof oldest[0] === 'string' ? oldest[0] : undefined };
  }

  claimsPastPayBy(today: string): Promise<number> {
    return this.count('claims', {
      query:
        'SELECT VALUE COUNT(1) FROM c WHERE c.type = "claim" AND ARRAY_CONTAINS(@unpaid, c.status) AND c.payBy < @today',
      parameters: [
        { name: '@unpaid', value: [...UNPAID_STATUSES] },
        { name: '@today', value: today },
      ],
    });
  }

  supportRequestsUnassigned(): Promise<number> {
    return this.count('plans', {
      query: 'SELECT VALUE COUNT(1) FROM c WHERE c.type = "support-request" AND c.status = "open"',
    });
  }

  welcomesWaiting(): Promise<number> {
    return this.count('partners', {
      query: 'SELECT VALUE COUNT(1) FROM c WHERE c.type = "partner" AND c.welcome.status = "to-send"',
    });
  }

  /** Applications to join from the public /join page that IEV has not decided yet. */
  applicationsWaiting(): Promise<number | undefined> {
    return this.applications.countPending();
  }

  consentsDueForRenewal(givenBefore: string): Promise<number> {
    return this.count('partners', {
      query: `SELECT VALUE COUNT(1) FROM c WHERE ${CONSENT_DUE_FOR_RENEWAL}`,
      parameters: [{ name: '@before', value: givenBefore }],
    });
  }

  dueForConsentRenewal(givenBefore: string, pageSize: number, continuation?: string): Promise<Page<Partner>> {
    return this.partners.queryPage(
      {
        query: `SELECT * FROM c WHERE ${CONSENT_DUE_FOR_RENEWAL} ORDER BY c.searchName`,
        parameters: [{ name: '@before', value: givenBefore }],
      },
      { pageSize, continuation },
    );
  }

  retentionReviewsDue(cutoff: string): Promise<number> {
    return this.count('partners', {
      query: `SELECT VALUE COUNT(1) FROM c WHERE ${DUE_FOR_RETENTION_REVIEW}`,
      parameters: [{ name: '@cutoff', value: cutoff }],
    });
  }

  private async count(container: 'claims' | 'plans' | 'partners', query: SqlQuerySpec): Promise<number> {
    const [count] = await this.counts[container].queryValues<number>(query);
    return count ?? 0;
  }
}
