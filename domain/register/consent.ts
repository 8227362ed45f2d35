import type { Actor } from '../people/actor.js';
import type { CONSENT_METHODS, CONSENT_PURPOSES, Partner } from './partner.js';

/**
 * A partner's new choice about one purpose of consent, as IEV records it (UK GDPR articles 7(1) and 7(3):
 * keep a record of consent, and withdrawing must be as easy as giving). Withdrawal takes effect at once:
 * equality monitoring → the answers are deleted (and the partner leaves future equality figures);
 * being contacted → hosts no longer see contact details and the partner is no longer "contactable";
 * being on the register → that is erasure, which has its own flow (`partner-rights.ts`).
 * The API has checked it (contract/register.ts holds the schema and its messages).
 */
export interface ConsentChange {
  readonly version: string;
  readonly purpose: (typeof CONSENT_PURPOSES)[number];
  readonly given: boolean;
  /** The day the partner told us (YYYY-MM-DD). */
  readonly date: string;
  /** Registration-form consent is given only by registering. */
  readonly how: Exclude<(typeof CONSENT_METHODS)[number], 'registration-form'>;
}

/** The partner with the new choice recorded (and its history), and the fields it changed, for the audit. */
export function withConsentChange(
  partner: Partner,
  change: ConsentChange,
  actor: Actor,
  now: Date,
): { partner: Partner; fields: string[] } {
  const at = `${change.date}T12:00:00.000Z`;
  const { equality, ...rest } = partner;
  const dropAnswers = change.purpose === 'equalityMonitoring' && !change.given && equality !== undefined;
  return {
    partner: {
      ...(dropAnswers ? rest : partner),
      consent: { ...partner.consent, [change.purpose]: { given: change.given, at, how: change.how } },
      consentHistory: [
        ...(partner.consentHistory ?? []),
        {
          purpose: change.purpose,
          given: change.given,
          at,
          how: change.how,
          recordedAt: now.toISOString(),
          byId: actor.id,
          byName: actor.displayName,
        },
      ].slice(-300),
    },
    fields: [`consent.${change.purpose}`, ...(dropAnswers ? ['equality'] : [])],
  };
}

/** A date the partner told us on cannot be after today. */
export function isInFuture(date: string, now: Date): boolean {
  return date > now.toISOString().slice(0, 10);
}
