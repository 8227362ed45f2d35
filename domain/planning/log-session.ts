import { retryOnConflict } from '../concurrency.js';
import { ValidationError } from '../errors.js';
import type { Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import { recordAttendance } from '../register/involvement.js';
import { parseSession } from './during-after.js';
import { openOwnPlan, requireHost, savePlan } from './host-plans.js';
import { MAX_SESSIONS_PER_PLAN, type Plan, type PlanSession } from './plan.js';
import type { PartnerLookup, PlanRepository } from './ports.js';

export interface LogSessionPorts {
  readonly store: PlanRepository;
  readonly partners: PartnerLookup;
  readonly now: () => Date;
}

/** A host logs a session ("during"). The card's operation id becomes the session id, so a retried save stores it once. */
export async function logSession(
  ports: LogSessionPorts,
  actor: Actor,
  planId: string,
  op: string,
  submitted: Readonly<Record<string, unknown>>,
): Promise<{ plan: Versioned<Plan>; session: PlanSession }> {
  requireHost(actor);
  const parsed = parseSession(submitted, ports.now());
  if (!parsed.ok) throw new ValidationError('Please check the answers marked below.', parsed.problems);
  await requireOnTheRegister(ports.partners, parsed.value.partnerIds);
  // Two sessions logged at once (two devices) is a conflict; appends don't clash, so re-read and add ours again.
  return retryOnConflict(async () => {
    const plan = await openOwnPlan(ports.store, actor, planId);
    const existing = plan.sessions.find((session) => session.id === op);
    if (existing) {
      // A repeat of a save that may have stopped part-way: make sure the register counted it.
      await countAttendance(ports.partners, existing);
      return { plan, session: existing };
    }
    if (plan.sessions.length >= MAX_SESSIONS_PER_PLAN)
      throw new ValidationError(
        `This plan already has ${MAX_SESSIONS_PER_PLAN} sessions. Please start a new plan for further work.`,
      );
    const session: PlanSession = { ...parsed.value, id: op, loggedAt: ports.now().toISOString() };
    const saved = await savePlan(ports, plan, {
      sessions: [...plan.sessions, session],
      partnerIds: [...new Set([...(plan.partnerIds ?? []), ...session.partnerIds])],
      phase: plan.phase === 'closed' ? 'closed' : 'running',
    });
    await countAttendance(ports.partners, session);
    return { plan: saved, session };
  });
}

async function requireOnTheRegister(partners: PartnerLookup, partnerIds: readonly string[]): Promise<void> {
  const found = await partners.getMany(partnerIds);
  const known = new Set(found.filter((partner) => partner.status !== 'left').map((partner) => partner.id));
  if (partnerIds.some((id) => !known.has(id))) {
    throw new ValidationError('Please check the answers marked below.', [
      {
        field: 'partnerIds',
        message: 'Someone chosen is not on the Involvement Register. Search again and choose from the list.',
      },
    ]);
  }
}

function countAttendance(partners: PartnerLookup, session: PlanSession): Promise<void> {
  return recordAttendance(partners, session.partnerIds, {
    sessionId: session.id,
    date: session.date,
    durationMinutes: session.durationMinutes,
  });
}
