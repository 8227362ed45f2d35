import type { Containers } from './cosmos.js';
import { CosmosRepository, type CreateResult, type Versioned } from './repository.js';
import type { Plan } from '../domain/planning/plan.js';
import type { PlanRepository } from '../domain/planning/ports.js';
import type { SupportRequest, SupportStatus } from '../domain/planning/support-request.js';
import type { Page } from '../domain/ports.js';

const MY_PLANS_LIMIT = 25;

/**
 * Plans and support requests in the `plans` container (partition key `/hostId`). Every read is
 * scoped to the host: the partition key goes to the point read, and the host filter is in every
 * WHERE clause as well (the local server ignores the partitionKey query option).
 */
export class PlanStore implements PlanRepository {
  readonly plans: CosmosRepository<Plan>;
  readonly supportRequests: CosmosRepository<SupportRequest>;

  constructor(containers: Containers) {
    this.plans = new CosmosRepository<Plan>(containers.plans, (plan) => plan.hostId, 'plan');
    this.supportRequests = new CosmosRepository<SupportRequest>(
      containers.plans,
      (request) => request.hostId,
      'support request',
    );
  }

  /** A host's plan, or undefined when that host has no plan with this id (including other hosts' ids). */
  async findPlan(hostId: string, planId: string): Promise<Versioned<Plan> | undefined> {
    const found = await this.plans.find(planId, hostId);
    return found?.type === 'plan' && found.hostId === hostId ? found : undefined;
  }

  async plansOf(hostId: string): Promise<Array<Versioned<Plan>>> {
    const page = await this.plans.queryPage(
      {
        query: 'SELECT * FROM c WHERE c.hostId = @hostId AND c.type = "plan" ORDER BY c.updatedAt DESC',
        parameters: [{ name: '@hostId', value: hostId }],
      },
      { pageSize: MY_PLANS_LIMIT, partitionKey: hostId },
    );
    return page.items;
  }

  async plansWithUnlistedServiceArea(listed: readonly string[]): Promise<Array<Versioned<Plan>>> {
    return this.plans.queryAll({
      query:
        'SELECT * FROM c WHERE c.type = "plan" AND IS_DEFINED(c.answers.purpose.serviceArea) AND NOT ARRAY_CONTAINS(@listed, c.answers.purpose.serviceArea)',
      parameters: [{ name: '@listed', value: [...listed] }],
    });
  }

  createPlan(plan: Plan): Promise<CreateResult<Plan>> {
    return this.plans.create(plan);
  }

  replacePlan(plan: Plan, etag: string): Promise<Versioned<Plan>> {
    return this.plans.replace(plan, etag);
  }

  async findSupportRequest(hostId: string, requestId: string): Promise<Versioned<SupportRequest> | undefined> {
    const found = await this.supportRequests.find(requestId, hostId);
    return found?.type === 'support-request' && found.hostId === hostId ? found : undefined;
  }

  async supportRequestsFor(hostId: string, planId: string): Promise<Array<Versioned<SupportRequest>>> {
    return this.supportRequests.queryAll(
      {
        query:
          'SELECT * FROM c WHERE c.hostId = @hostId AND c.type = "support-request" AND c.planId = @planId ORDER BY c.createdAt',
        parameters: [
          { name: '@hostId', value: hostId },
          { name: '@planId', value: planId },
        ],
      },
      { partitionKey: hostId },
    );
  }

  createSupportRequest(request: SupportRequest): Promise<CreateResult<SupportRequest>> {
    return this.supportRequests.create(request);
  }

  replaceSupportRequest(request: SupportRequest, etag: string): Promise<Versioned<SupportRequest>> {
    return this.supportRequests.replace(request, etag);
  }

  /** Requests nobody has picked up yet, oldest first, across hosts (for the IEV team). */
  async openSupportRequests(limit = 20): Promise<Array<Versioned<SupportRequest>>> {
    const page = await this.supportRequests.queryPage(
      { query: 'SELECT * FROM c WHERE c.type = "support-request" AND c.status = "open" ORDER BY c.createdAt ASC' },
      { pageSize: limit },
    );
    return page.items;
  }

  async supportRequestsIn(
    statuses: readonly SupportStatus[],
    pageSize: number,
    continuation?: string,
  ): Promise<Page<Versioned<SupportRequest>>> {
    return this.supportRequests.queryPage(
      {
        query:
          'SELECT * FROM c WHERE c.type = "support-request" AND ARRAY_CONTAINS(@statuses, c.status) ORDER BY c.createdAt DESC',
        parameters: [{ name: '@statuses', value: [...statuses] }],
      },
      { pageSize, continuation },
    );
  }
}
