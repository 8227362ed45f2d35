import type { Actor, Role } from '../people/actor.js';
import type { Partner } from './partner.js';

/**
 * Who may see what about an Involvement Partner: need to know, written once. The register is personal
 * data, so each person sees the least their part in the partner's involvement needs (UK GDPR data
 * minimisation, article 5(1)(c)):
 * - `public`: anyone signed in — the partner's involvement profile (name, status, interests, service
 *   areas, lived experience, availability, how much they have been involved), nothing to reach them by;
 * - `in-work`: a host while the partner is part of that host's work — also consent, contact details
 *   (only when the partner agreed to be contacted), communication and access needs, payment preference;
 * - `iev`: the IEV team keeps the register — everything, including the emergency contact and
 *   equality-monitoring answers, and every view of those is written to the audit log.
 * Partners who have left the register are visible to IEV members only.
 *
 * The API (partner page) and the bot's cards both take their partner details from `partnerViewFor`.
 */
export type Audience = 'public' | 'in-work' | 'iev';

/**
 * How a host's work touches the partner. A partner is part of the host's work when they took part in
 * a session of one of the host's plans, the host sent an expense claim for them (drafts do not
 * count: starting a draft must not be a way to read someone's details), or they told the host they are
 * interested in one of the host's opportunities (matching alone never counts: hosts see how many fit, not who).
 */
export interface WorkWithPartner {
  readonly tookPartInSession: boolean;
  readonly claimFromHost: boolean;
  /** The partner answered "interested" to an opportunity this host published (domain/opportunities). */
  readonly interestedInOpportunity?: boolean | undefined;
}

export const NO_WORK: WorkWithPartner = { tookPartInSession: false, claimFromHost: false };

export function worksWith(work: WorkWithPartner): boolean {
  return work.tookPartInSession || work.claimFromHost || work.interestedInOpportunity === true;
}

/** The actor's audience for one partner. Members of other teams (viewer role) never have work with partners. */
export function audienceFor(actor: Actor, work: WorkWithPartner): Audience {
  if (actor.roles.includes('iev')) return 'iev';
  if (actor.roles.includes('host') && worksWith(work)) return 'in-work';
  return 'public';
}

const PROFILE_FIELDS = [
  'id',
  'displayName',
  'status',
  'areas',
  'interests',
  'livedExperience',
  'availability',
  'lastInvolvedAt',
  'hoursInvolved',
  'panelTraining',
] as const;
const IN_WORK_FIELDS = [
  'registeredAt',
  'consent',
  'paymentPreference',
  'contact',
  'communicationNeeds',
  'accessNeeds',
  'welcome',
] as const;
const IEV_ONLY_FIELDS = ['emergencyContact', 'equality'] as const;
/** IEV's own records about the entry (how consent changed, who erased it and why): not audited as views. */
const IEV_RECORD_FIELDS = ['consentHistory', 'erasure'] as const;

export type PartnerField =
  | (typeof PROFILE_FIELDS)[number]
  | (typeof IN_WORK_FIELDS)[number]
  | (typeof IEV_ONLY_FIELDS)[number]
  | (typeof IEV_RECORD_FIELDS)[number];

export const FIELDS_BY_AUDIENCE: Readonly<Record<Audience, readonly PartnerField[]>> = {
  public: PROFILE_FIELDS,
  'in-work': [...PROFILE_FIELDS, ...IN_WORK_FIELDS],
  iev: [...PROFILE_FIELDS, ...IN_WORK_FIELDS, ...IEV_ONLY_FIELDS, ...IEV_RECORD_FIELDS],
};

/** Fields whose every view is written to the audit log. */
export const AUDITED_FIELDS: readonly PartnerField[] = IEV_ONLY_FIELDS;

export type PartnerView = Partial<Pick<Partner, PartnerField>> & Pick<Partner, 'id' | 'displayName' | 'status'>;

/**
 * Involvement work (a plan's title, host, dates and the names of partners still on the register) is
 * for every audience: a channel tab shows a team the work that concerns it.
 */
export function canSeeWork(role: Role): boolean {
  return role === 'viewer' || role === 'host' || role === 'iev';
}

export function canSeePartner(audience: Audience, partner: Pick<Partner, 'status'>): boolean {
  return audience === 'iev' || partner.status !== 'left';
}

export function partnerViewFor(audience: Audience, partner: Partner): PartnerView {
  const view: Record<string, unknown> = {};
  for (const field of FIELDS_BY_AUDIENCE[audience]) {
    if (partner[field] !== undefined) view[field] = partner[field];
  }
  // A host may reach out only to partners who agreed to be contacted; withdrawing that consent hides the details at once.
  if (audience !== 'iev' && !partner.consent.contactAboutOpportunities.given) delete view.contact;
  return view as PartnerView;
}

/** Which audited fields this view actually disclosed (nothing to audit when the partner has none). */
export function auditedFieldsIn(view: PartnerView): PartnerField[] {
  return AUDITED_FIELDS.filter((field) => field in view);
}

/** One row of the register list: the same for every role, as it holds nothing that reaches or identifies beyond the name. */
export interface PartnerRow {
  readonly id: string;
  readonly displayName: string;
  readonly status: Partner['status'];
  readonly areas: readonly string[];
  readonly interests: readonly string[];
  readonly livedExperience: readonly string[];
  readonly availability: string | undefined;
  readonly lastInvolvedAt: string | undefined;
  /** "contactable": agreed to be contacted about opportunities; "register-only": on the register but not to be approached. */
  readonly consent: 'contactable' | 'register-only';
}

export function partnerRow(partner: Partner): PartnerRow {
  return {
    id: partner.id,
    displayName: partner.displayName,
    status: partner.status,
    areas: partner.areas,
    interests: partner.interests,
    livedExperience: partner.livedExperience,
    availability: partner.availability,
    lastInvolvedAt: partner.lastInvolvedAt,
    consent: partner.consent.contactAboutOpportunities.given ? 'contactable' : 'register-only',
  };
}
