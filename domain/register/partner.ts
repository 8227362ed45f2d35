import { z } from 'zod';

/**
 * An Involvement Partner on the Trust's register. One definition gives both the stored shape and
 * its validation. Personal fields are grouped so visibility rules can strip them in one place:
 * `contact` (staff may see), `emergencyContact` and `equality` (IEV members only).
 */
export const PARTNER_STATUSES = ['active', 'paused', 'left'] as const;
export const PAYMENT_PREFERENCES = ['accept-payment', 'expenses-only', 'decline', 'not-chosen'] as const;

/** The purposes a partner consents to separately: being on the register, being contacted about opportunities, equality monitoring. */
export const CONSENT_PURPOSES = ['register', 'contactAboutOpportunities', 'equalityMonitoring'] as const;
/** How the partner told us: kept with each choice, as the record of consent (UK GDPR article 7(1)). */
export const CONSENT_METHODS = ['registration-form', 'in-person', 'phone', 'email', 'letter', 'online-form'] as const;

const consentEntrySchema = z.object({
  given: z.boolean(),
  at: z.iso.datetime(),
  how: z.enum(CONSENT_METHODS).optional(),
});

export const consentSchema = z.object({
  register: consentEntrySchema,
  contactAboutOpportunities: consentEntrySchema,
  equalityMonitoring: consentEntrySchema,
});

/** One recorded choice: what the partner said for which purpose, when and how, and which colleague recorded it. */
export const consentChangeSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  given: z.boolean(),
  at: z.iso.datetime(),
  how: z.enum(CONSENT_METHODS),
  recordedAt: z.iso.datetime(),
  byId: z.string().max(100),
  byName: z.string().max(120),
});

export const partnerSchema = z.object({
  id: z.string().min(1).max(100),
  type: z.literal('partner'),
  schemaVersion: z.literal(1),
  displayName: z.string().min(1).max(120),
  /** Lower-cased name for search; Cosmos has no case-insensitive CONTAINS on the local server. */
  searchName: z.string(),
  status: z.enum(PARTNER_STATUSES),
  /** Service areas the partner is interested in (e.g. "Mental health", "Learning disability"). */
  areas: z.array(z.string().max(80)).max(30),
  interests: z.array(z.string().max(80)).max(30),
  /** Lower-cased interests for search. */
  searchInterests: z.array(z.string()),
  livedExperience: z.array(z.string().max(80)).max(30),
  availability: z.string().max(300).optional(),
  lastInvolvedAt: z.iso.datetime().optional(),
  registeredAt: z.iso.datetime(),
  consent: consentSchema,
  /** Every change of consent after registration, oldest first (IEV's record; never shown to hosts). */
  consentHistory: z.array(consentChangeSchema).max(300).optional(),
  paymentPreference: z.object({ choice: z.enum(PAYMENT_PREFERENCES), chosenAt: z.iso.datetime().optional() }),
  contact: z.object({
    email: z.string().max(200).optional(),
    phone: z.string().max(40).optional(),
    preferredMethod: z.string().max(40).optional(),
    /** Kept when the partner prefers letters. */
    postalAddress: z.string().max(300).optional(),
  }),
  communicationNeeds: z.string().max(1000).optional(),
  accessNeeds: z.string().max(1000).optional(),
  emergencyContact: z
    .object({ name: z.string().max(120), relationship: z.string().max(60), phone: z.string().max(40) })
    .optional(),
  equality: z.record(z.string(), z.string().max(120)).optional(),
  /** Tasks for IEV, e.g. the "Welcome to Involvement" step. */
  welcome: z.object({ status: z.enum(['to-send', 'sent']), recordedAt: z.iso.datetime() }),
  hoursInvolved: z.number().min(0).default(0),
  /** Interview panel training (seed 004), recorded by IEV: part of the involvement profile, matched on for panels. */
  panelTraining: z
    .object({ completedOn: z.iso.date(), recordedAt: z.iso.datetime(), byName: z.string().max(120) })
    .optional(),
  /** The latest sessions already counted in hoursInvolved, so logging a session twice never counts it twice. */
  countedSessionIds: z.array(z.string().max(200)).max(200).optional(),
  /**
   * Audit events saved in the same write as the change they record, until they are copied to the audit trail:
   * a change can never be saved without its audit entry (names of fields only, never values).
   */
  pendingAudit: z
    .array(
      z.object({
        id: z.string().max(200),
        action: z.enum(['status-changed', 'corrected', 'consent-changed']),
        fields: z.array(z.string().max(60)).max(30),
        actorId: z.string().max(100),
        actorName: z.string().max(120),
        at: z.iso.datetime(),
      }),
    )
    .max(100)
    .optional(),
  /** Set when the partner's personal data was erased on request (domain/register/erasure.ts). */
  erasure: z
    .object({ at: z.iso.datetime(), byId: z.string(), byName: z.string(), reason: z.string().max(500) })
    .optional(),
});

export type Partner = z.infer<typeof partnerSchema>;
