import type { Actor } from '../people/actor.js';
import type { Partner } from './partner.js';

/**
 * Who may see what about an Involvement Partner. The register is personal data, so each role sees
 * the least it needs (UK GDPR data minimisation):
 * - viewer (another team): the partner's involvement profile, nothing to reach or identify them by;
 * - host (staff): also consent, contact (only when the partner agreed to be contacted), needs and payment preference;
 * - IEV member: also the emergency contact and equality-monitoring answers (every such view is audited).
 * Partners who have left the register are visible to IEV members only.
 */
export type Audience = 'viewer' | 'host' | 'iev';

export function audienceOf(actor: Actor): Audience {
  if (actor.roles.includes('iev')) return 'iev';
  if (actor.roles.includes('host')) return 'host';
  return 'viewer';
}

const PROFILE_FIELDS = ['id', 'displayName', 'status', 'areas', 'interests', 'livedExperience', 'availability', 'lastInvolvedAt', 'hoursInvolved'] as const;
const STAFF_FIELDS = ['registeredAt', 'consent', 'paymentPreference', 'contact', 'communicationNeeds', 'accessNeeds', 'welcome'] as const;
const IEV_ONLY_FIELDS = ['emergencyContact', 'equality'] as const;
/** IEV's own records about the entry (who erased it and why): not the partner's details, so not audited. */
const IEV_RECORD_FIELDS = ['erasure'] as const;

export type PartnerField = (typeof PROFILE_FIELDS)[number] | (typeof STAFF_FIELDS)[number] | (typeof IEV_ONLY_FIELDS)[number] | (typeof IEV_RECORD_FIELDS)[number];

export const FIELDS_BY_AUDIENCE: Readonly<Record<Audience, readonly PartnerField[]>> = {
  viewer: PROFILE_FIELDS,
  host: [...PROFILE_FIELDS, ...STAFF_FIELDS],
  iev: [...PROFILE_FIELDS, ...STAFF_FIELDS, ...IEV_ONLY_FIELDS, ...IEV_RECORD_FIELDS],
};

/** Fields whose every view is written to the audit log. */
export const AUDITED_FIELDS: readonly PartnerField[] = IEV_ONLY_FIELDS;

export type PartnerView = Partial<Pick<Partner, PartnerField>> & Pick<Partner, 'id' | 'displayName' | 'status'>;

/**
 * Involvement work (a plan's title, host, dates and the names of partners still on the register) is
 * for every audience: a channel tab shows a team the work that concerns it.
 */
export function canSeeWork(audience: Audience): boolean {
  return audience === 'viewer' || audience === 'host' || audience === 'iev';
}

export function canSeePartner(audience: Audience, partner: Pick<Partner, 'status'>): boolean {
  return audience === 'iev' || partner.status !== 'left';
}

export function partnerViewFor(audience: Audience, partner: Partner): PartnerView {
  const view: Record<string, unknown> = {};
  for (const field of FIELDS_BY_AUDIENCE[audience]) {
    if (partner[field] !== undefined) view[field] = partner[field];
  }
  // A host may reach out only to partners who agreed to be contacted about opportunities.
  if (audience === 'host' && !partner.consent.contactAboutOpportunities.given) delete view.contact;
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
