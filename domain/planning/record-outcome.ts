import { ValidationError } from '../errors.js';
import type { OwedMessage } from '../partner-messages/partner-messaging.js';
import type { Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import { parseOutcome } from './during-after.js';
import { openOwnPlan, requireHost, savePlan, tookPartIn } from './host-plans.js';
import type { Plan, PlanOutcome } from './plan.js';
import type { PlanRepository } from './ports.js';

/** Partner messaging: each partner who took part is told "you said, we did" when the plan closes. */
export interface OwedMessages {
  owe(owed: readonly OwedMessage[], now?: Date): Promise<void>;
}

/** Partners' own "how was it for you?": an invitation each, with a personal link, when the plan closes. */
export interface EvaluationInvitations {
  invitations(
    work: { id: string; hostId: string; title: string | undefined; partnerIds: readonly string[] },
    now: Date,
  ): Promise<OwedMessage[]>;
}

export interface RecordOutcomePorts {
  readonly store: PlanRepository;
  readonly now: () => Date;
  readonly messages?: OwedMessages | undefined;
  readonly evaluations?: EvaluationInvitations | undefined;
}

/** A host records the outcome ("after") and closes the plan. Saving again replaces it, so a retry is harmless. */
export async function recordOutcome(
  ports: RecordOutcomePorts,
  actor: Actor,
  planId: string,
  submitted: Readonly<Record<string, unknown>>,
): Promise<Versioned<Plan>> {
  requireHost(actor);
  const plan = await openOwnPlan(ports.store, actor, planId);
  const parsed = parseOutcome(submitted, plan);
  if (!parsed.ok) throw new ValidationError('Please check the answers marked below.', parsed.problems);
  const outcome: PlanOutcome = { ...parsed.value, recordedAt: ports.now().toISOString() };
  // Owed before the plan is saved (and delivered only once it is closed): a crash in between loses no message.
  const now = ports.now();
  const invitations =
    (await ports.evaluations?.invitations(
      { id: plan.id, hostId: plan.hostId, title: plan.title, partnerIds: tookPartIn(plan) },
      now,
    )) ?? [];
  await ports.messages?.owe([...youSaidWeDidMessages(plan, outcome), ...invitations], now);
  return savePlan(ports, plan, { outcome, phase: 'closed' });
}

/** "You said, we did" for each partner who took part in a session: what changed because of them (always feed back). */
export function youSaidWeDidMessages(plan: Plan, outcome: PlanOutcome): OwedMessage[] {
  const pairs = outcome.youSaidWeDid.filter((pair) => pair.youSaid || pair.weDid);
  if (pairs.length === 0) return [];
  const whatChanged = pairs.map((pair) => `You said: ${pair.youSaid}\nWe did: ${pair.weDid}`).join('\n\n');
  return tookPartIn(plan).map((partnerId) => ({
    eventId: `you-said-we-did:${plan.id}:${partnerId}`,
    partnerId,
    kind: 'you-said-we-did' as const,
    facts: { work_title: plan.title || 'our involvement work', what_changed: whatChanged },
    condition: { kind: 'plan-closed' as const, planId: plan.id, hostId: plan.hostId },
  }));
}
