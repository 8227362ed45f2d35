import { z } from 'zod';
import type { Partner } from './partner.js';
import { EMAIL, emergencyContactSchema, normaliseName, optionalText, PHONE, tagList, text } from './registration.js';

/**
 * Correcting a partner's entry (UK GDPR article 16, rectification): IEV changes what the partner tells
 * them — contact details, how they prefer to be contacted (a postal address when that is by post),
 * needs, emergency contact, interests, service areas, availability, lived experience. The entry keeps its
 * id, so involvement history and claims stay with it. The form sends every field it shows, and the
 * version (etag) it was opened with; the server works out which fields changed.
 */
export const CONTACT_METHODS = ['email', 'phone', 'text', 'post'] as const;

export const partnerCorrectionSchema = z
  .object({
    /** The version the form was opened with: a change made since is never overwritten. */
    version: z.string().min(1).max(200),
    displayName: text(120).min(1, 'Enter the partner\u2019s name.'),
    email: optionalText(200).refine(
      (value) => value === undefined || EMAIL.test(value),
      'Enter an email address like name@example.com.',
    ),
    phone: optionalText(40).refine(
      (value) => value === undefined || PHONE.test(value),
      'Enter a phone number using digits, for example 0115 496 0000.',
    ),
    preferredMethod: z.enum(CONTACT_METHODS, 'Choose email, phone, text message or post.').optional(),
    postalAddress: optionalText(300),
    areas: tagList,
    interests: tagList,
    livedExperience: tagList,
    availability: optionalText(300),
    communicationNeeds: optionalText(1000),
    accessNeeds: optionalText(1000),
    emergencyContact: emergencyContactSchema,
  })
  .strict()
  .refine((value) => Boolean(value?.email || value?.phone || value?.postalAddress), {
    path: ['email'],
    message: 'Give an email address, a phone number or a postal address so we can reach the partner.',
    when: () => true,
  })
  .refine((value) => value?.preferredMethod !== 'post' || Boolean(value?.postalAddress), {
    path: ['postalAddress'],
    message: 'Enter the postal address, as they prefer letters.',
    when: () => true,
  })
  .refine((value) => value?.preferredMethod !== 'email' || Boolean(value?.email), {
    path: ['email'],
    message: 'Enter their email address, as they prefer email.',
    when: () => true,
  })
  .refine(
    (value) => !(value?.preferredMethod === 'phone' || value?.preferredMethod === 'text') || Boolean(value?.phone),
    {
      path: ['phone'],
      message: 'Enter their phone number, as they prefer calls or text messages.',
      when: () => true,
    },
  );

export type PartnerCorrection = z.infer<typeof partnerCorrectionSchema>;

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
