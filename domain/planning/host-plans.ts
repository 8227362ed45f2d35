import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError } from '../errors.js';
import { isStaff, type Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import type { Plan } from './plan.js';
import type { PlanRepository } from './ports.js';

/** A host's own plans, as every planning use case reads and writes them: found by host, saved with the etag read. */

/** The card pressed was sent before the plan moved on (another device, or an older message). Nothing was changed. */
export class StalePlanError extends StaleVersionError {
  constructor(readonly plan: Versioned<Plan>) {
    super('This card is out of date, so nothing was changed. Here is where your plan is now.');
  }
}

export function requireHost(actor: Actor): void {
  if (!isStaff(actor))
    throw new ForbiddenError(
      'Only colleagues who host involvement work can make plans. If you need to, ask the IEV team to give you access.',
    );
}

/** The actor's own plan. Another host's id is simply not found: plans are partitioned by host. */
export async function openOwnPlan(store: PlanRepository, actor: Actor, planId: string): Promise<Versioned<Plan>> {
  requireHost(actor);
  const plan = await store.findPlan(actor.id, planId);
  if (!plan)
    throw new NotFoundError(
      'We couldn\u2019t find that plan. It may belong to someone else, or the link is out of date. Type \u201cmy plans\u201d to see yours.',
    );
  return plan;
}

/** The actor's own plan, as long as the card pressed shows its latest revision. */
export async function openCurrentPlan(
  store: PlanRepository,
  actor: Actor,
  planId: string,
  revision: number,
): Promise<Versioned<Plan>> {
  const plan = await openOwnPlan(store, actor, planId);
  if (plan.revision !== revision) throw new StalePlanError(plan);
  return plan;
}

/** Writes one change as the next revision; someone else's change in between shows them the plan as it is now. */
export async function savePlan(
  ports: { readonly store: PlanRepository; readonly now: () => Date },
  plan: Versioned<Plan>,
  change: Partial<Plan>,
): Promise<Versioned<Plan>> {
  const { _etag, ...current } = plan;
  const next: Plan = { ...current, ...change, revision: plan.revision + 1, updatedAt: ports.now().toISOString() };
  try {
    return await ports.store.replacePlan(next, _etag);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const latest = await ports.store.findPlan(plan.hostId, plan.id);
    if (!latest) throw error;
    throw new StalePlanError(latest);
  }
}

/** The partners who took part in a session of the plan, each once. */
export function tookPartIn(plan: Plan): string[] {
  return [...new Set(plan.sessions.flatMap((session) => session.partnerIds))];
}
