import type { CreateResult, Page, Versioned } from '../ports.js';
import type { PartnerRepository } from '../register/ports.js';
import type { Plan } from './plan.js';
import type { SupportRequest, SupportStatus } from './support-request.js';

/**
 * Plans and "New Works" support requests, kept per host: a host's reads never see another host's
 * records, and an id from another host's plan is simply not found.
 */
export interface PlanRepository {
  findPlan(hostId: string, planId: string): Promise<Versioned<Plan> | undefined>;
  /** The host's most recently changed plans. */
  plansOf(hostId: string): Promise<Array<Versioned<Plan>>>;
  /** Idempotent: a plan already stored under this id is returned with `created: false`. */
  createPlan(plan: Plan): Promise<CreateResult<Plan>>;
  /** ConflictError when someone changed the plan since `etag`. */
  replacePlan(plan: Plan, etag: string): Promise<Versioned<Plan>>;
  /** Plans whose purpose step names a service area that is none of `listed` (free text saved before the list). */
  plansWithUnlistedServiceArea(listed: readonly string[]): Promise<Array<Versioned<Plan>>>;
  findSupportRequest(hostId: string, requestId: string): Promise<Versioned<SupportRequest> | undefined>;
  supportRequestsFor(hostId: string, planId: string): Promise<Array<Versioned<SupportRequest>>>;
  /** Requests nobody has picked up yet, oldest first, across hosts. */
  openSupportRequests(limit?: number): Promise<Array<Versioned<SupportRequest>>>;
  /** Requests in these states across hosts, newest first, a page at a time (the IEV team's list). */
  supportRequestsIn(
    statuses: readonly SupportStatus[],
    pageSize: number,
    continuation?: string,
  ): Promise<Page<Versioned<SupportRequest>>>;
  createSupportRequest(request: SupportRequest): Promise<CreateResult<SupportRequest>>;
  replaceSupportRequest(request: SupportRequest, etag: string): Promise<Versioned<SupportRequest>>;
}

/** The register as planning needs it: the partners chosen for a session, and counting their attendance. */
export type PartnerLookup = Pick<PartnerRepository, 'find' | 'replace' | 'getMany'>;
