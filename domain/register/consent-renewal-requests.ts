import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { LinkState, PersonalLinks } from '../links/personal-links.js';
import type { MessageStatus } from '../partner-messages/ports.js';
import type { OwedMessage } from '../partner-messages/partner-messaging.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Clock } from '../ports.js';
import {
  CONSENT_PURPOSE_TEXT,
  consentRenewalCutoff,
  consentsDueForRenewal,
  type ConsentPurpose,
  type ConsentRenewalItem,
  type ConsentRenewalService,
} from './consent-renewal.js';
import { CONSENT_PURPOSES, type Partner } from './partner.js';
import type { PartnerRepository } from './ports.js';

/** A letter takes days to arrive and people answer when they can: eight weeks from the request. */
export const CONSENT_RENEWAL_LINK_DAYS = 56;

/** What each purpose means, in the words the partner reads on their renewal page. */
export const CONSENT_PURPOSE_MEANING: Readonly<
  Record<ConsentPurpose, { readonly title: string; readonly meaning: string; readonly withdraw: string }>
> = {
  register: {
    title: 'Being on the Involvement Register',
    meaning:
      'We keep your name, how to contact you and what you told us about yourself, so that colleagues can involve you in improving our services and pay your expenses.',
    withdraw:
      'No, take me off the register. We will stop contacting you and inviting you at once, and delete your details once anything we owe you is paid.',
  },
  contactAboutOpportunities: {
    title: 'Being contacted about opportunities',
    meaning:
      'We email, text or write to you, the way you prefer, about chances to take part that fit what you told us.',
    withdraw: 'No, stop contacting me. You stay on the register, but we will not send you messages or invitations.',
  },
  equalityMonitoring: {
    title: 'Equality monitoring',
    meaning:
      'We use your answers about yourself (such as your age, ethnicity or disability) only in figures, with small numbers hidden, to check we hear from everyone. Nobody is named in them.',
    withdraw: 'No, stop using my answers. We delete them at once and leave you out of the figures.',
  },
};

/** A renewal link that did not open the page, and why (each has its own plain page). */
export type RenewalRefusal = Exclude<LinkState['state'], 'ok'> | 'nothing-to-renew';

export interface RenewalPurpose {
  readonly purpose: ConsentPurpose;
  readonly title: string;
  readonly meaning: string;
  readonly withdraw: string;
  readonly givenAt: string;
}

export type RenewalOpening =
  | { readonly state: 'ok'; readonly partnerName: string; readonly purposes: readonly RenewalPurpose[] }
  | { readonly state: RenewalRefusal };

/** The partner's answer: for each purpose they still agree to, renew or withdraw. */
export type RenewalChoices = Readonly<Partial<Record<ConsentPurpose, 'renew' | 'withdraw'>>>;

export type RenewalAnswer =
  | {
      readonly state: 'ok';
      readonly renewed: readonly ConsentPurpose[];
      readonly withdrawn: readonly ConsentPurpose[];
    }
  | { readonly state: RenewalRefusal }
  | { readonly state: 'invalid'; readonly problems: ReadonlyArray<{ field: string; message: string }> };

export interface ConsentRenewalRequestsOptions {
  readonly partners: Pick<PartnerRepository, 'find'>;
  readonly due: Pick<ConsentRenewalService, 'due'>;
  readonly links: Pick<PersonalLinks, 'issue' | 'open' | 'use'>;
  readonly messages: {
    owe(owed: readonly OwedMessage[], now?: Date): Promise<void>;
    owedFor(
      eventId: string,
      partnerId: string,
    ): Promise<{ readonly createdAt: string; readonly status: MessageStatus } | undefined>;
  };
  /**
   * Records the partner's answer on the register (`RegisterService.renewConsent`), once under `operationId`:
   * answers whether it recorded now.
   */
  readonly renew: (
    partnerId: string,
    choices: ReadonlyArray<{ readonly purpose: ConsentPurpose; readonly given: boolean }>,
    now: Date,
    operationId: string,
  ) => Promise<boolean>;
  readonly months: number;
  /** The page's address for a token (in the query string: paths are logged, queries never). */
  readonly linkUrl: (token: string) => string;
  readonly now?: Clock;
}

/** IEV's renewal list, with whether each partner was already asked this round. */
export type ConsentRenewalRow = ConsentRenewalItem & {
  readonly asked?: { readonly at: string; readonly status: MessageStatus };
};

/**
 * Asking a partner whose consent is due for renewal, by a personal link (single use, eight weeks), and taking
 * their answer. A renewal round is named by the oldest consent that is due (the reason they are asked): asking
 * again in the same round owes the same message under the same event, so the partner is asked once however many
 * times, or by however many colleagues, the button is pressed. Once they answer, their consents are dated today
 * and the next round starts when one falls due again.
 */
export class ConsentRenewalRequests {
  constructor(private readonly options: ConsentRenewalRequestsOptions) {}

  /** The renewal list, each partner with the request already made this round (if any). */
  async due(
    actor: Actor,
    continuation: string | undefined,
  ): Promise<{ items: ConsentRenewalRow[]; continuation: string | undefined; months: number }> {
    const page = await this.options.due.due(actor, continuation);
    const items = await Promise.all(
      page.items.map(async (item): Promise<ConsentRenewalRow> => {
        const oldest = [...item.purposes].sort((a, b) => a.givenAt.localeCompare(b.givenAt))[0];
        const asked = oldest && (await this.options.messages.owedFor(roundOf(item.id, oldest.givenAt), item.id));
        return asked ? { ...item, asked: { at: asked.createdAt, status: asked.status } } : item;
      }),
    );
    return { ...page, items };
  }

  /** IEV asks the partner to renew: their link goes by their preferred way, once this round, if they agreed to be contacted. */
  async ask(actor: Actor, partnerId: string): Promise<{ readonly askedAt: string; readonly already: boolean }> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team asks partners to renew their consent.');
    const now = this.now();
    const partner = await this.options.partners.find(partnerId);
    if (!partner || partner.erasure) throw new NotFoundError('We could not find that Involvement Partner.');
    const due = consentsDueForRenewal(partner, consentRenewalCutoff(now, this.options.months));
    const oldest = due[0];
    if (!oldest) throw new ConflictError('None of this partner\u2019s consents is due for renewal. Reload the list.');
    const eventId = roundOf(partnerId, oldest.givenAt);
    const earlier = await this.options.messages.owedFor(eventId, partnerId);
    if (earlier) return { askedAt: earlier.createdAt, already: true };
    const link = await this.options.links.issue({
      purpose: 'consent-renewal',
      partnerId,
      subject: partnerId,
      key: eventId,
      expiresAt: new Date(now.getTime() + CONSENT_RENEWAL_LINK_DAYS * 24 * 60 * 60 * 1000),
    });
    await this.options.messages.owe(
      [
        {
          eventId,
          partnerId,
          kind: 'consent-renewal',
          facts: {
            purposes: listWords(givenPurposes(partner).map((purpose) => CONSENT_PURPOSE_TEXT[purpose])),
            link: this.options.linkUrl(link.token),
            closes_on: longDate(link.expiresAt),
          },
        },
      ],
      now,
    );
    return { askedAt: now.toISOString(), already: false };
  }

  /** The page behind the link: each purpose the partner agrees to today, with what it means. Opening it changes nothing. */
  async open(token: string): Promise<RenewalOpening> {
    const opened = await this.options.links.open('consent-renewal', token);
    if (opened.state !== 'ok') return { state: opened.state };
    const partner = await this.options.partners.find(opened.link.partnerId);
    if (!partner || partner.erasure) return { state: 'cancelled' };
    const purposes = givenPurposes(partner).map((purpose) => ({
      purpose,
      ...CONSENT_PURPOSE_MEANING[purpose],
      givenAt: partner.consent[purpose].at,
    }));
    return purposes.length === 0
      ? { state: 'nothing-to-renew' }
      : { state: 'ok', partnerName: partner.displayName, purposes };
  }

  /**
   * Takes the answer once: it must choose for every purpose on the page (nothing is spent otherwise), then the
   * register records it under the link's operation id and the link is spent (`PersonalLinks.use`): one of any
   * number of presses at the same moment wins, and a press again after a failure part-way completes it, once.
   */
  async answer(token: string, choices: RenewalChoices): Promise<RenewalAnswer> {
    const opened = await this.open(token);
    if (opened.state !== 'ok') return opened;
    const problems = opened.purposes
      .filter(({ purpose }) => choices[purpose] !== 'renew' && choices[purpose] !== 'withdraw')
      .map(({ purpose, title }) => ({ field: purpose, message: `Choose yes or no for \u201c${title}\u201d.` }));
    if (problems.length > 0) return { state: 'invalid', problems };
    const chosen = opened.purposes.map(({ purpose }) => ({ purpose, given: choices[purpose] === 'renew' }));
    const used = await this.options.links.use('consent-renewal', token, (link, operationId) =>
      this.options.renew(link.partnerId, chosen, this.now(), operationId),
    );
    if (used.state !== 'ok') return { state: used.state };
    return {
      state: 'ok',
      renewed: chosen.filter((choice) => choice.given).map((choice) => choice.purpose),
      withdrawn: chosen.filter((choice) => !choice.given).map((choice) => choice.purpose),
    };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** A renewal round: the partner and the oldest consent that made them due. */
const roundOf = (partnerId: string, givenAt: string): string => `consent-renewal:${partnerId}:${givenAt}`;

function givenPurposes(partner: Pick<Partner, 'consent'>): ConsentPurpose[] {
  return CONSENT_PURPOSES.filter((purpose) => partner.consent[purpose].given);
}

/** "a, b and c". */
function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 December 2026", as GOV.UK writes dates. */
export function longDate(at: string): string {
  return new Date(at).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
}
