import type { Partner } from './partner.js';
import { normaliseName, type PartnerDetails } from './registration.js';

/**
 * Correcting a partner's entry (UK GDPR article 16, rectification): IEV changes what the partner tells
 * them — contact details, how they prefer to be contacted (a postal address when that is by post),
 * needs, emergency contact, interests, service areas, availability, lived experience. The entry keeps its
 * id, so involvement history and claims stay with it. The API has checked the correction
 * (contract/register.ts holds the schema and its messages); here it is applied.
 */
export interface PartnerCorrection extends PartnerDetails {
  /** The version the form was opened with: a change made since is never overwritten. */
  readonly version: string;
  readonly postalAddress?: string | undefined;
}

/** The fields a correction can change, as the audit names them (names only, never values). */
export const CORRECTABLE_FIELDS = [
  'displayName',
  'contact.email',
  'contact.phone',
  'contact.preferredMethod',
  'contact.postalAddress',
  'communicationNeeds',
  'accessNeeds',
  'emergencyContact',
  'interests',
  'areas',
  'availability',
  'livedExperience',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** The partner with the correction applied, and the fields that actually changed (empty: nothing to save). */
export function corrected(
  partner: Partner,
  input: PartnerCorrection,
): { partner: Partner; changed: CorrectableField[] } {
  const contact: Partner['contact'] = {
    ...(input.email ? { email: input.email } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.preferredMethod ? { preferredMethod: input.preferredMethod } : {}),
    ...(input.postalAddress ? { postalAddress: input.postalAddress } : {}),
  };
  const next: Partner = {
    ...withoutOptional(partner, ['availability', 'communicationNeeds', 'accessNeeds']),
    displayName: input.displayName,
    searchName: normaliseName(input.displayName),
    contact,
    ...(input.communicationNeeds ? { communicationNeeds: input.communicationNeeds } : {}),
    ...(input.accessNeeds ? { accessNeeds: input.accessNeeds } : {}),
    ...(input.availability ? { availability: input.availability } : {}),
    emergencyContact: input.emergencyContact,
    interests: input.interests,
    searchInterests: input.interests.map((interest) => interest.toLowerCase()),
    areas: input.areas,
    livedExperience: input.livedExperience,
  };
  const before: Record<CorrectableField, unknown> = valuesOf(partner);
  const after: Record<CorrectableField, unknown> = valuesOf(next);
  const changed = CORRECTABLE_FIELDS.filter(
    (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null),
  );
  return { partner: next, changed };
}

function valuesOf(partner: Partner): Record<CorrectableField, unknown> {
  return {
    displayName: partner.displayName,
    'contact.email': partner.contact.email,
    'contact.phone': partner.contact.phone,
    'contact.preferredMethod': partner.contact.preferredMethod,
    'contact.postalAddress': partner.contact.postalAddress,
    communicationNeeds: partner.communicationNeeds,
    accessNeeds: partner.accessNeeds,
    emergencyContact: partner.emergencyContact,
    interests: partner.interests,
    areas: partner.areas,
    availability: partner.availability,
    livedExperience: partner.livedExperience,
  };
}

function withoutOptional(partner: Partner, keys: ReadonlyArray<keyof Partner>): Partner {
  const copy: Record<string, unknown> = { ...partner };
  for (const key of keys) delete copy[key];
  return copy as Partner;
}
