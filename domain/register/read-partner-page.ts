import type { ClaimStatus } from '../claims/claim.js';
import { NotFoundError } from '../errors.js';
import type { Actor } from '../people/actor.js';
import type { ClaimRecord, RegisterPorts, WorkRecord } from './ports.js';
import { PARTNER_NOT_FOUND } from './register-words.js';
import {
  audienceFor,
  auditedFieldsIn,
  canSeePartner,
  NO_WORK,
  partnerViewFor,
  type Audience,
  type PartnerView,
  type WorkWithPartner,
} from './visibility.js';
import { workWithPartner } from './work-with-partner.js';

export interface InvolvementEntry {
  readonly planId: string;
  readonly title: string;
  readonly phase: string | undefined;
  readonly sessions: number;
  readonly hours: number;
  /** When the host chose the partner for this work from one of its opportunities. */
  readonly chosenAt?: string | undefined;
}

export interface ClaimEntry {
  readonly id: string;
  readonly status: ClaimStatus;
  readonly submittedAt: string | undefined;
  readonly amountPence: number;
  readonly paidAt: string | undefined;
}

export interface PartnerPage {
  readonly partner: PartnerView;
  /** What the caller sees and why (need to know), so the page can say it plainly. */
  readonly access: { readonly audience: Audience; readonly work: WorkWithPartner };
  /** IEV only: the record's version, sent back with a change so two people cannot overwrite each other. */
  readonly version?: string;
  /**
   * The work the partner took part in, and their claims and payments: all of it for IEV, the host's own
   * for a host who works with the partner, nothing for anyone else.
   */
  readonly involvement?: readonly InvolvementEntry[];
  readonly claims?: readonly ClaimEntry[];
}

/** A partner's page as the actor may see it (need to know); a sensitive view is audited before it is shown. */
export async function readPartnerPage(
  ports: Pick<RegisterPorts, 'partners' | 'audit' | 'work'>,
  actor: Actor,
  id: string,
): Promise<PartnerPage> {
  const partner = await ports.partners.find(id);
  if (!partner || !canSeePartner(audienceFor(actor, NO_WORK), partner)) throw new NotFoundError(PARTNER_NOT_FOUND);
  const { plans, claims, work } = await workWithPartner(ports, actor, partner.id);
  const audience = audienceFor(actor, work);
  const view = partnerViewFor(audience, partner);
  const audited = auditedFieldsIn(view);
  // Written before the data leaves: if the trail cannot be written, the data is not shown.
  if (audited.length > 0)
    await ports.audit.record({
      subjectId: partner.id,
      actorId: actor.id,
      actorName: actor.displayName,
      action: 'viewed-sensitive',
      fields: audited,
    });
  const access = { audience, work };
  if (audience === 'public') return { partner: view, access };
  const mine = <R extends { hostId?: string }>(records: R[]): R[] =>
    audience === 'iev' ? records : records.filter((record) => record.hostId === actor.id);
  return {
    partner: view,
    access,
    ...(audience === 'iev' ? { version: partner._etag } : {}),
    involvement: mine(plans).map((plan) => involvementOf(plan, partner.id)),
    claims: mine(claims).map(claimEntry),
  };
}

/** A partner takes part in a session for all of it: the session's length is their time. */
function involvementOf(plan: WorkRecord, partnerId: string): InvolvementEntry {
  const attended = plan.sessions.filter((session) => session.partnerIds.includes(partnerId));
  const minutes = attended.reduce((total, session) => total + session.durationMinutes, 0);
  const chosenAt = plan.chosenPartners?.find((chosen) => chosen.partnerId === partnerId)?.chosenAt;
  return {
    planId: plan.id,
    title: plan.title || 'Untitled involvement work',
    phase: plan.phase,
    sessions: attended.length,
    hours: Math.round((minutes / 60) * 10) / 10,
    ...(chosenAt ? { chosenAt } : {}),
  };
}

function claimEntry(claim: ClaimRecord): ClaimEntry {
  return {
    id: claim.id,
    status: claim.status,
    submittedAt: claim.submittedAt ?? claim.createdAt,
    amountPence: claim.totals.expensesPence + claim.totals.paymentsPence,
    paidAt: claim.paidAt,
  };
}
