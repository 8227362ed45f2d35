import { z } from 'zod';
import { PAYMENT_PREFERENCES, type Partner } from './partner.js';

/**
 * What an IEV member fills in to register an Involvement Partner. Consent is recorded per purpose
 * (seed 004: the register is the Trust's lawful record): being on the register is required, being
 * contacted about opportunities is a choice, and equality monitoring is a separate, optional,
 * explicit consent — answers are refused without it.
 */
export const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
export const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((value) => (value ? value : undefined));
export const tagList = z.array(text(80).min(1)).max(30, 'Choose up to 30.').default([]);
export const PHONE = /^\+?[0-9 ()-]{7,20}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EQUALITY_ANSWERS = 20;

export const emergencyContactSchema = z.object({
  name: text(120).min(1, 'Enter the emergency contact\u2019s name.'),
  relationship: text(60).min(1, 'Say how the emergency contact knows the partner, for example \u201csister\u201d.'),
  phone: text(40).regex(PHONE, 'Enter the emergency contact\u2019s phone number using digits.'),
});

export const registrationSchema = z
  .object({
    /** Made by the form once per attempt, so a retried submission saves one partner, not two. */
    operationId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'The form is out of date. Please reload it.'),
    displayName: text(120).min(1, 'Enter the partner\u2019s name.'),
    email: optionalText(200).refine(
      (value) => value === undefined || EMAIL.test(value),
      'Enter an email address like name@example.com.',
    ),
    phone: optionalText(40).refine(
      (value) => value === undefined || PHONE.test(value),
      'Enter a phone number using digits, for example 0115 496 0000.',
    ),
    preferredMethod: z.enum(['email', 'phone', 'post', 'text']).optional(),
    areas: tagList,
    interests: tagList,
    livedExperience: tagList,
    availability: optionalText(300),
    communicationNeeds: optionalText(1000),
    accessNeeds: optionalText(1000),
    paymentPreference: z.enum(PAYMENT_PREFERENCES).default('not-chosen'),
    consent: z.object({
      register: z.literal(true, 'We can only add someone to the register when they agree to be on it.'),
      contactAboutOpportunities: z.boolean().default(false),
      equalityMonitoring: z.boolean().default(false),
    }),
    emergencyContact: emergencyContactSchema,
    // A handful of questions; a forged body with thousands of keys would bloat every register read.
    equality: z
      .record(z.string().max(60), text(120))
      .refine(
        (answers) => Object.keys(answers).length <= MAX_EQUALITY_ANSWERS,
        `Answer up to ${MAX_EQUALITY_ANSWERS} equality questions.`,
      )
      .optional(),
  })
  // `when`: these run even if other answers have problems, so the form shows every message at once.
  .refine((value) => Boolean(value?.email || value?.phone), {
    path: ['email'],
    message: 'Give an email address or a phone number so we can reach the partner.',
    when: () => true,
  })
  .refine(
    (value) =>
      value?.consent?.equalityMonitoring === true ||
      !Object.values(value?.equality ?? {}).some((answer) => typeof answer === 'string' && answer.length > 0),
    {
      path: ['equality'],
      message: 'Equality answers can only be kept when the partner agrees to equality monitoring.',
      when: () => true,
    },
  );

export type RegistrationInput = z.infer<typeof registrationSchema>;

export const partnerIdFor = (operationId: string): string => `partner-${operationId}`;

export function newPartnerFrom(input: RegistrationInput, now: Date): Partner {
  const at = now.toISOString();
  const equality = input.consent.equalityMonitoring ? pruneEmpty(input.equality ?? {}) : undefined;
  return {
    id: partnerIdFor(input.operationId),
    type: 'partner',
    schemaVersion: 1,
    displayName: input.displayName,
    searchName: normaliseName(input.displayName),
    status: 'active',
    areas: input.areas,
    interests: input.interests,
    searchInterests: input.interests.map((interest) => interest.toLowerCase()),
    livedExperience: input.livedExperience,
    ...(input.availability ? { availability: input.availability } : {}),
    registeredAt: at,
    consent: {
      register: { given: true, at },
      contactAboutOpportunities: { given: input.consent.contactAboutOpportunities, at },
      equalityMonitoring: { given: input.consent.equalityMonitoring, at },
    },
    paymentPreference: {
      choice: input.paymentPreference,
      ...(input.paymentPreference !== 'not-chosen' ? { chosenAt: at } : {}),
    },
    contact: {
      ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      ...(input.preferredMethod ? { preferredMethod: input.preferredMethod } : {}),
    },
    ...(input.communicationNeeds ? { communicationNeeds: input.communicationNeeds } : {}),
    ...(input.accessNeeds ? { accessNeeds: input.accessNeeds } : {}),
    emergencyContact: input.emergencyContact,
    ...(equality && Object.keys(equality).length > 0 ? { equality } : {}),
    welcome: { status: 'to-send', recordedAt: at },
    hoursInvolved: 0,
  };
}

/** Lower-cased, single-spaced: what search and duplicate detection compare. */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Same name and the same email or phone: very likely the same person registering twice. */
export function isSameRegistrant(
  existing: Pick<Partner, 'searchName' | 'contact'>,
  candidate: Pick<Partner, 'searchName' | 'contact'>,
): boolean {
  if (existing.searchName !== candidate.searchName) return false;
  const sameEmail = Boolean(
    existing.contact.email &&
    candidate.contact.email &&
    existing.contact.email.toLowerCase() === candidate.contact.email.toLowerCase(),
  );
  const samePhone = Boolean(
    existing.contact.phone &&
    candidate.contact.phone &&
    digits(existing.contact.phone) === digits(candidate.contact.phone),
  );
  return sameEmail || samePhone;
}

const digits = (phone: string): string => phone.replace(/\D/g, '').replace(/^44/, '0');

function pruneEmpty(answers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(answers).filter(([, answer]) => answer.length > 0));
}
