import { retryOnConflict } from '../concurrency.js';
import { NotFoundError } from '../errors.js';
import { savePlan } from './host-plans.js';
import type { PlanRepository } from './ports.js';

/**
 * Partners chosen from one of the plan's opportunities (the opportunity's service has checked the host and the
 * answers). Each partner is recorded once; choosing again changes nothing.
 */
export async function recordChosenPartners(
  ports: { readonly store: PlanRepository; readonly now: () => Date },
  hostId: string,
  planId: string,
  chosen: ReadonlyArray<{ readonly partnerId: string; readonly opportunityId: string }>,
  now: Date,
): Promise<void> {
  await retryOnConflict(async () => {
    const plan = await ports.store.findPlan(hostId, planId);
    if (!plan) throw new NotFoundError('That plan could not be found.');
    const known = new Set((plan.chosenPartners ?? []).map((item) => item.partnerId));
    const added = chosen.filter((item) => !known.has(item.partnerId));
    if (added.length === 0) return;
    const chosenPartners = [
      ...(plan.chosenPartners ?? []),
      ...added.map((item) => ({ ...item, chosenAt: now.toISOString() })),
    ].slice(-200);
    await savePlan(ports, plan, { chosenPartners });
  });
}
