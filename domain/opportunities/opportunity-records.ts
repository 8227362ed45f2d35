import { retryOnConflict, withoutVersion } from '../concurrency.js';
import { NotFoundError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Plan } from '../planning/plan.js';
import type { Versioned } from '../ports.js';
import type { Opportunity, OpportunityState } from './opportunity.js';
import type { OpportunityPorts } from './ports.js';

/** The closing date and the scheduler act as the system. */
export const SYSTEM = { id: 'system', displayName: 'Closed on its closing date' } as const;

/** Who moves an opportunity on: a colleague, or the system on the closing date. */
export type Mover = Actor | typeof SYSTEM;

export async function findOpportunity(
  { store }: Pick<OpportunityPorts, 'store'>,
  id: string,
): Promise<Versioned<Opportunity>> {
  const found = await store.find(id);
  if (!found) throw new NotFoundError('That opportunity could not be found.');
  return found;
}

/** The host who published it and the IEV team see an opportunity; to anyone else it does not exist. */
export async function visibleOpportunity(
  { store }: Pick<OpportunityPorts, 'store'>,
  actor: Actor,
  id: string,
): Promise<Versioned<Opportunity>> {
  const found = await store.find(id);
  if (!found || (found.hostId !== actor.id && !isIevMember(actor)))
    throw new NotFoundError('That opportunity could not be found.');
  return found;
}

/** The host's own plan, or NotFound. */
export async function hostPlan(
  { plans }: Pick<OpportunityPorts, 'plans'>,
  actor: Actor,
  planId: string,
): Promise<Versioned<Plan>> {
  const plan = await plans.findPlan(actor.id, planId);
  if (!plan) throw new NotFoundError('That plan could not be found. Open it from "my plans" and try again.');
  return plan;
}

/** Moves the opportunity to `state` with who and when in its history; already there, it changes nothing. */
export async function moveOpportunity(
  ports: Pick<OpportunityPorts, 'store'>,
  opportunity: Versioned<Opportunity>,
  state: OpportunityState,
  actor: Mover,
  now: Date,
): Promise<Versioned<Opportunity>> {
  return retryOnConflict(async (tryNumber) => {
    const latest = tryNumber === 1 ? opportunity : await findOpportunity(ports, opportunity.id);
    if (latest.state === state) return latest;
    const at = now.toISOString();
    return ports.store.replace(
      {
        ...withoutVersion(latest),
        state,
        history: [...latest.history, { state, at, byId: actor.id, byName: actor.displayName }].slice(-50),
        updatedAt: at,
      },
      latest._etag,
    );
  });
}
