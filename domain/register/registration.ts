import type { CONSENT_METHODS, Partner, PAYMENT_PREFERENCES } from './partner.js';

/**
 * A registration as the API has checked it (contract/register.ts holds the schema and its messages).
 * Consent is recorded per purpose (seed 004: the register is the Trust's lawful record): being on the
 * register is required, so it can only be `true`; equality answers are kept only with their own consent.
 */
export interface RegistrationInput extends PartnerDetails {
  /** Made by the form once per attempt, so a retried submission saves one partner, not two. */
  readonly operationId: string;
  readonly paymentPreference: (typeof PAYMENT_PREFERENCES)[number];
  readonly consent: {
    readonly register: true;
    readonly contactAboutOpportunities: boolean;
    readonly equalityMonitoring: boolean;
  };
  readonly equality?: Readonly<Record<string, string>> | undefined;
}

/** What the partner tells IEV about themselves, given when registering and corrected later. */
export interface PartnerDetails {
  readonly displayName: string;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  readonly preferredMethod?: 'email' | 'phone' | 'post' | 'text' | undefined;
  /** Needed for letters: one line per line of the address, the postcode last. */
  readonly postalAddress?: string | undefined;
  readonly areas: string[];
  readonly interests: string[];
  readonly livedExperience: string[];
  readonly availability?: string | undefined;
  readonly communicationNeeds?: string | undefined;
  readonly accessNeeds?: string | undefined;
  readonly emergencyContact: { readonly name: string; readonly relationship: string; readonly phone: string };
}

export const partnerIdFor = (operationId: string): string => `partner-${operationId}`;

/**
 * How the consent on a registration was given: absent for IEV's registration form (the default), `online-form`
 * for an application from the public /join page approved by IEV, so the record says where the consent came from.
 */
export type RegistrationConsentMethod = Exclude<(typeof CONSENT_METHODS)[number], 'registration-form'>;

export function newPartnerFrom(
  input: RegistrationInput,
  now: Date,
  consentMethod?: RegistrationConsentMethod,
): Partner {
  const at = now.toISOString();
  const how = consentMethod ? { how: consentMethod } : {};
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
      register: { given: true, at, ...how },
      contactAboutOpportunities: { given: input.consent.contactAboutOpportunities, at, ...how },
      equalityMonitoring: { given: input.consent.equalityMonitoring, at, ...how },
    },
    paymentPreference: {
      choice: input.paymentPreference,
      ...(input.paymentPreference !== 'not-chosen' ? { chosenAt: at } : {}),
    },
    contact: {
      ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      ...(input.preferredMethod ? { preferredMethod: input.preferredMethod } : {}),
      ...(input.postalAddress ? { postalAddress: input.postalAddress } : {}),
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
