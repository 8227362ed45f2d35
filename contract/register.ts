import { z } from 'zod';
import { continuationSchema, type Page } from './common.js';
import type { Role } from './session.js';

export const PARTNER_STATUSES = ['active', 'paused', 'left'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const PAYMENT_PREFERENCES = ['accept-payment', 'expenses-only', 'decline', 'not-chosen'] as const;
export type PaymentChoice = (typeof PAYMENT_PREFERENCES)[number];

export const CONTACT_METHODS = ['email', 'phone', 'post', 'text'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** The purposes a partner consents to separately, and how they told us (kept with each choice). */
export const CONSENT_PURPOSES = ['register', 'contactAboutOpportunities', 'equalityMonitoring'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_METHODS = ['registration-form', 'in-person', 'phone', 'email', 'letter', 'online-form'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** What the register's forms and filters offer, and the caller's leading role (the tab shows what it may use). */
export interface RegisterOptions {
  readonly serviceAreas: readonly string[];
  /** The equality monitoring questions, in the order asked (domain/register/equality-questions.ts); each also offers "Prefer not to say". */
  readonly equalityQuestions: ReadonlyArray<{
    readonly key: string;
    readonly label: string;
    readonly short: string;
    readonly answers: readonly string[];
  }>;
  readonly livedExperience: readonly string[];
  readonly audience: Role;
}

// ---- The list --------------------------------------------------------------------------------

export const REGISTER_SORTS = ['name', 'name-desc', 'newest'] as const;
export const MAX_PAGE_SIZE = 100;

/** The register list's search, filters, sort and page, as the tab sends them in the query string. */
export const registerQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(80, 'Search for up to 80 characters.')
    .optional()
    .transform((value) => (value ? value.toLowerCase() : undefined)),
  status: z.enum(PARTNER_STATUSES).optional(),
  area: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((value) => value || undefined),
  contactable: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  sort: z.enum(REGISTER_SORTS).default('name'),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  continuation: continuationSchema.optional(),
});

/** One row of the register list: the same for every role (nothing that reaches or identifies beyond the name). */
export interface PartnerRow {
  readonly id: string;
  readonly displayName: string;
  readonly status: PartnerStatus;
  readonly areas: readonly string[];
  readonly interests: readonly string[];
  readonly livedExperience: readonly string[];
  readonly availability?: string | undefined;
  readonly lastInvolvedAt?: string | undefined;
  /** "contactable": agreed to be contacted about opportunities; "register-only": on the register but not to be approached. */
  readonly consent: 'contactable' | 'register-only';
}

export type RegisterPage = Page<PartnerRow>;

// ---- A partner's page ------------------------------------------------------------------------

type Consent = { readonly given: boolean; readonly at: string; readonly how?: ConsentMethod | undefined };

/** A partner as the signed-in person may see them: the server leaves out every field their role may not see. */
export interface PartnerView {
  readonly id: string;
  readonly displayName: string;
  readonly status: PartnerStatus;
  readonly areas?: readonly string[];
  readonly interests?: readonly string[];
  readonly livedExperience?: readonly string[];
  readonly availability?: string | undefined;
  readonly lastInvolvedAt?: string | undefined;
  readonly hoursInvolved?: number;
  /** Interview panel training, when IEV recorded it. */
  readonly panelTraining?: { readonly completedOn: string; readonly recordedAt: string; readonly byName: string };
  /** Staff only, from here to `welcome`. */
  readonly registeredAt?: string;
  readonly consent?: { readonly [P in ConsentPurpose]: Consent };
  /** IEV only: every change of consent after registration, oldest first. */
  readonly consentHistory?: ReadonlyArray<{
    readonly purpose: ConsentPurpose;
    readonly given: boolean;
    readonly at: string;
    readonly how: ConsentMethod;
    readonly recordedAt: string;
    readonly byId: string;
    readonly byName: string;
  }>;
  readonly paymentPreference?: { readonly choice: PaymentChoice; readonly chosenAt?: string | undefined };
  /** Left out for hosts when the partner did not agree to be contacted. */
  readonly contact?: {
    readonly email?: string | undefined;
    readonly phone?: string | undefined;
    readonly preferredMethod?: string | undefined;
    readonly postalAddress?: string | undefined;
  };
  readonly communicationNeeds?: string | undefined;
  readonly accessNeeds?: string | undefined;
  readonly welcome?: { readonly status: 'to-send' | 'sent'; readonly recordedAt: string };
  /** IEV only (every view is audited). */
  readonly emergencyContact?:
    { readonly name: string; readonly relationship: string; readonly phone: string } | undefined;
  readonly equality?: Readonly<Record<string, string>> | undefined;
  /** IEV only: set when the partner's data was erased on request. */
  readonly erasure?:
    { readonly at: string; readonly byId: string; readonly byName: string; readonly reason: string } | undefined;
}

/**
 * Need to know (domain/register/visibility.ts): `public` is anyone signed in, `in-work` a host while the
 * partner is part of their work, `iev` the team that keeps the register.
 */
export type Audience = 'public' | 'in-work' | 'iev';

/** What the caller sees of this partner, and why, so the page can say it plainly. */
export interface PartnerAccess {
  readonly audience: Audience;
  readonly work: {
    readonly tookPartInSession: boolean;
    readonly claimFromHost: boolean;
    /** They answered "interested" to one of the caller's opportunities. */
    readonly interestedInOpportunity?: boolean;
  };
}

export interface PartnerPage {
  readonly partner: PartnerView;
  readonly access: PartnerAccess;
  /** IEV only: the record's version, sent back with a change so two people cannot overwrite each other. */
  readonly version?: string;
  /** The work the partner took part in, and their claims and payments: all for IEV, the host's own for a host in their work. */
  readonly involvement?: ReadonlyArray<{
    readonly planId: string;
    readonly title: string;
    readonly phase?: string | undefined;
    readonly sessions: number;
    readonly hours: number;
    /** Chosen for this work from one of its opportunities. */
    readonly chosenAt?: string | undefined;
  }>;
  readonly claims?: ReadonlyArray<{
    readonly id: string;
    readonly status: string;
    readonly submittedAt?: string | undefined;
    readonly amountPence?: number | undefined;
    readonly paidAt?: string | undefined;
  }>;
}

/** IEV only: who registered the partner, and who has seen or changed their details. Newest first. */
export interface AuditEntry {
  readonly at: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly action: string;
  readonly fields: readonly string[];
}

export const statusChangeSchema = z.object({
  status: z.enum(PARTNER_STATUSES, 'Choose active, paused or left.'),
  version: z.string().min(1).max(200),
});
export type StatusChange = z.input<typeof statusChangeSchema>;

/** IEV's to-do list: partners whose "Welcome to Involvement" still has to be sent. */
export interface WelcomeTask {
  readonly id: string;
  readonly displayName: string;
  readonly registeredAt: string;
}

// ---- Registering a partner -------------------------------------------------------------------

/**
 * What an IEV member fills in to register an Involvement Partner. Consent is recorded per purpose
 * (seed 004: the register is the Trust's lawful record): being on the register is required, being
 * contacted about opportunities is a choice, and equality monitoring is a separate, optional,
 * explicit consent — answers are refused without it.
 */
const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((value) => (value ? value : undefined));
const tagList = z.array(text(80).min(1)).max(30, 'Choose up to 30.').default([]);
const PHONE = /^\+?[0-9 ()-]{7,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EQUALITY_ANSWERS = 20;

const emergencyContactSchema = z.object({
  name: text(120).min(1, 'Enter the emergency contact\u2019s name.'),
  relationship: text(60).min(1, 'Say how the emergency contact knows the partner, for example \u201csister\u201d.'),
  phone: text(40).regex(PHONE, 'Enter the emergency contact\u2019s phone number using digits.'),
});

const email = optionalText(200).refine(
  (value) => value === undefined || EMAIL.test(value),
  'Enter an email address like name@example.com.',
);
const phone = optionalText(40).refine(
  (value) => value === undefined || PHONE.test(value),
  'Enter a phone number using digits, for example 0115 496 0000.',
);

export const registrationSchema = z
  .object({
    /** Made by the form once per attempt, so a retried submission saves one partner, not two. */
    operationId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'The form is out of date. Please reload it.'),
    displayName: text(120).min(1, 'Enter the partner\u2019s name.'),
    email,
    phone,
    preferredMethod: z.enum(CONTACT_METHODS).optional(),
    /** Needed for letters: one line per line of the address, the postcode last. */
    postalAddress: optionalText(300),
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
  .refine((value) => value?.preferredMethod !== 'post' || Boolean(value?.postalAddress), {
    path: ['postalAddress'],
    message: 'Enter the postal address, as they prefer letters.',
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

/**
 * What the form sends. Consent to be on the register is typed as a boolean: the form sends what was
 * ticked, and the server refuses anything but an explicit yes with a message for that box.
 */
export type RegistrationRequest = Omit<z.input<typeof registrationSchema>, 'consent'> & {
  readonly consent: Omit<z.input<typeof registrationSchema>['consent'], 'register'> & { readonly register: boolean };
};

export interface RegisteredPartner {
  readonly partner: PartnerView;
}

// ---- Correcting a partner's details and recording consent (IEV) ------------------------------

/**
 * Correcting a partner's entry (UK GDPR article 16, rectification): the form sends every field it shows,
 * and the version (etag) it was opened with; the server works out which fields changed.
 */
export const partnerCorrectionSchema = z
  .object({
    /** The version the form was opened with: a change made since is never overwritten. */
    version: z.string().min(1).max(200),
    displayName: text(120).min(1, 'Enter the partner\u2019s name.'),
    email,
    phone,
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
export type PartnerCorrectionRequest = z.input<typeof partnerCorrectionSchema>;

/**
 * A partner's new choice about one purpose of consent, as IEV records it (UK GDPR articles 7(1) and 7(3)).
 * Withdrawing consent to be on the register is erasure, which has its own endpoint.
 */
export const consentChangeSchema = z
  .object({
    version: z.string().min(1).max(200),
    purpose: z.enum(CONSENT_PURPOSES, 'Choose which consent changed.'),
    given: z.boolean('Say whether they agree or withdraw.'),
    date: z.iso.date('Enter the date they told you, for example 2026-03-01.'),
    how: z.enum(
      CONSENT_METHODS.filter((method) => method !== 'registration-form') as [
        'in-person',
        'phone',
        'email',
        'letter',
        'online-form',
      ],
      'Say how they told you.',
    ),
  })
  .strict();
export type ConsentChangeRequest = z.input<typeof consentChangeSchema>;

/** The record's new version, for the next change. */
export interface NewVersion {
  readonly version: string;
}

/** IEV records that a partner completed interview panel training (the day they completed it). */
export const panelTrainingSchema = z.object({
  completedOn: z.iso.date({ message: 'Give the day they completed the training.' }),
});
export type PanelTrainingRequest = z.infer<typeof panelTrainingSchema>;
