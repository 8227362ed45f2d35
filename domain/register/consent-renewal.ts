import { ForbiddenError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Clock, Page } from '../ports.js';
import { CONSENT_PURPOSES, type Partner } from './partner.js';

/**
 * Consent is kept under review (UK GDPR article 7 and the ICO's guidance: refresh consent at appropriate
 * intervals). The Trust sets the interval (CONSENT_RENEWAL_MONTHS, default 24): a consent given longer ago than
 * that is due for renewal, and the IEV team asks the partner again. Nothing changes by itself.
 */
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_PURPOSE_TEXT: Readonly<Record<ConsentPurpose, string>> = {
  register: 'being on the register',
  contactAboutOpportunities: 'being contacted about opportunities',
  equalityMonitoring: 'equality monitoring',
};

/** The instant before which a consent given is due for renewal. */
export function consentRenewalCutoff(now: Date, months: number): string {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff.toISOString();
}

/** The purposes a partner agreed to before `cutoff` (and has not withdrawn), oldest first. */
export function consentsDueForRenewal(
  partner: Pick<Partner, 'consent' | 'status' | 'erasure'>,
  cutoff: string,
): Array<{ readonly purpose: ConsentPurpose; readonly givenAt: string }> {
  if (partner.erasure || partner.status === 'left') return [];
  return CONSENT_PURPOSES.flatMap((purpose) => {
    const entry = partner.consent[purpose];
    return entry.given && entry.at < cutoff ? [{ purpose, givenAt: entry.at }] : [];
  }).sort((a, b) => a.givenAt.localeCompare(b.givenAt));
}

/** Partners with a consent given before the cut-off, a page at a time (the query mirrors the rule above). */
export interface ConsentRenewalQueries {
  dueForConsentRenewal(givenBefore: string, pageSize: number, continuation?: string): Promise<Page<Partner>>;
}

export interface ConsentRenewalItem {
  readonly id: string;
  readonly displayName: string;
  readonly purposes: ReadonlyArray<{
    readonly purpose: ConsentPurpose;
    readonly text: string;
    readonly givenAt: string;
  }>;
}

const PAGE_SIZE = 25;

/** IEV's list of partners whose consent is due for renewal. */
export class ConsentRenewalService {
  constructor(
    private readonly deps: { readonly queries: ConsentRenewalQueries; readonly months: number; readonly now: Clock },
  ) {}

  async due(
    actor: Actor,
    continuation: string | undefined,
  ): Promise<{ items: ConsentRenewalItem[]; continuation: string | undefined; months: number }> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team sees whose consent is due for renewal.');
    const cutoff = consentRenewalCutoff(this.deps.now(), this.deps.months);
    const page = await this.deps.queries.dueForConsentRenewal(cutoff, PAGE_SIZE, continuation);
    const items = page.items.flatMap((partner) => {
      const purposes = consentsDueForRenewal(partner, cutoff);
      return purposes.length === 0
        ? []
        : [
            {
              id: partner.id,
              displayName: partner.displayName,
              purposes: purposes.map((due) => ({ ...due, text: CONSENT_PURPOSE_TEXT[due.purpose] })),
            },
          ];
    });
    return { items, continuation: page.continuation, months: this.deps.months };
  }
}
