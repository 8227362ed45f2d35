import { isStaff, type Actor } from '../people/actor.js';
import type { ClaimRecord, RegisterPorts, WorkRecord } from './ports.js';
import type { WorkWithPartner } from './visibility.js';

/** The partner's work and claims as the need-to-know rule reads them, and how the actor's own work touches them. */
export interface PartnerWork {
  readonly plans: WorkRecord[];
  readonly claims: ClaimRecord[];
  readonly work: WorkWithPartner;
}

/** What the need-to-know rule reads about the partner's work: nothing for anyone who is not staff. */
export async function workWithPartner(
  { work }: Pick<RegisterPorts, 'work'>,
  actor: Actor,
  partnerId: string,
): Promise<PartnerWork> {
  if (!isStaff(actor)) return { plans: [], claims: [], work: workWith(actor, partnerId, [], [], []) };
  const [plans, claims, interestedHosts] = await Promise.all([
    work.plansWithPartner(partnerId),
    work.claimsForPartner(partnerId),
    work.hostsOfOpportunitiesInterestedIn(partnerId),
  ]);
  return { plans, claims, work: workWith(actor, partnerId, plans, claims, interestedHosts) };
}

/**
 * How the actor's own work touches the partner: sessions of their plans, claims they sent (drafts are not read),
 * and the partner's "interested" to one of their opportunities (the same grant as the opportunity's own view).
 */
function workWith(
  actor: Actor,
  partnerId: string,
  plans: readonly WorkRecord[],
  claims: readonly ClaimRecord[],
  interestedHosts: readonly string[],
): WorkWithPartner {
  return {
    tookPartInSession: plans.some(
      (plan) => plan.hostId === actor.id && plan.sessions.some((session) => session.partnerIds.includes(partnerId)),
    ),
    claimFromHost: claims.some((claim) => claim.hostId === actor.id),
    ...(interestedHosts.includes(actor.id) ? { interestedInOpportunity: true } : {}),
  };
}
