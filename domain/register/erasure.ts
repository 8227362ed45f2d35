import type { ClaimDocument, ClaimStatus, PricedItem } from '../claims/claim.js';
import type { Partner } from './partner.js';

/**
 * Erasing a partner on request (UK GDPR right to erasure). Personal data goes; what the Trust must
 * keep for its financial records stays: the claims' amounts, dates and states, the hours counted,
 * the consent dates and payment preference (the basis on which payments were made).
 */
export const ERASED_NAME = 'Erased partner';
const ERASED_PLACE = 'Erased';

export interface ErasureRecord {
  readonly at: string;
  readonly byId: string;
  readonly byName: string;
  readonly reason: string;
}

/** Claims still on their way through approval and payment: erasing now would lose who is owed what. */
const SETTLED_CLAIM_STATUSES: readonly ClaimStatus[] = ['paid', 'rejected'];

export function blocksErasure(claim: Pick<ClaimDocument, 'status'>): boolean {
  return !SETTLED_CLAIM_STATUSES.includes(claim.status);
}

/** The register entry with everything personal removed, marked as left with who erased it, when and why. */
export function erasedPartner(partner: Partner, record: ErasureRecord): Partner {
  const {
    availability: _availability,
    communicationNeeds: _communicationNeeds,
    accessNeeds: _accessNeeds,
    emergencyContact: _emergencyContact,
    equality: _equality,
    ...kept
  } = partner;
  return {
    ...kept,
    displayName: ERASED_NAME,
    searchName: '',
    status: 'left',
    areas: [],
    interests: [],
    searchInterests: [],
    // Lived experience of services is health information: special category data.
    livedExperience: [],
    contact: {},
    erasure: record,
  };
}

/** The claim as a financial record only: amounts, dates and states kept; the partner's name and journeys removed. */
export function erasedClaim(claim: ClaimDocument): ClaimDocument {
  return { ...claim, partnerName: ERASED_NAME, items: claim.items.map(withoutJourney) };
}

/** True when the claim still holds something erasure removes (so a repeated erasure writes nothing). */
export function claimNeedsErasure(claim: ClaimDocument): boolean {
  return JSON.stringify(erasedClaim(claim)) !== JSON.stringify(claim);
}

// Where a mileage journey started is usually the partner's home area.
function withoutJourney(item: PricedItem): PricedItem {
  if (item.input.kind !== 'mileage') return item;
  return { ...item, input: { ...item.input, from: ERASED_PLACE, to: ERASED_PLACE } };
}
