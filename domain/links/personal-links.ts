import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { retryOnConflict } from '../concurrency.js';
import { StaleVersionError } from '../errors.js';
import type { Clock, Versioned } from '../ports.js';
import type { PartnerRecordHolder } from '../register/partner-rights.js';
import { dailyPeriod } from '../schedule/periods.js';
import type { ScheduledJob } from '../schedule/scheduler.js';
import {
  LINK_PURPOSES,
  useIdOf,
  type LinkPurpose,
  type LinkUseRecord,
  type PersonalLinkRecord,
  type PersonalLinkRepository,
} from './ports.js';

/** What a personal link is, once opened: to whom it was issued and what it is about. */
export interface OpenLink {
  readonly id: string;
  readonly purpose: LinkPurpose;
  readonly partnerId: string;
  readonly subject: string;
  readonly expiresAt: string;
}

/**
 * Opening or using a link: `ok`, or why not. `tampered` covers a token that was changed, made up, or issued
 * for another purpose; `cancelled` a link withdrawn because the partner's data was erased.
 */
export type LinkState =
  { readonly state: 'ok'; readonly link: OpenLink } | { readonly state: 'tampered' | 'expired' | 'used' | 'cancelled' };

export interface IssueRequest {
  readonly purpose: LinkPurpose;
  readonly partnerId: string;
  /** What the link is about: a plan's id, an invitation's id, the partner's own id. */
  readonly subject: string;
  /** Names the occasion (e.g. `evaluation:<planId>:<partnerId>`): issuing again with it gives the same link. */
  readonly key: string;
  readonly expiresAt: Date;
}

export interface IssuedLink {
  readonly id: string;
  /** What goes in the URL (in the query string: paths are logged, query strings never are). */
  readonly token: string;
  readonly expiresAt: string;
}

/** What the partner's data export says about the links issued to them (never the token: it is a key). */
export interface ExportedLink {
  readonly purpose: LinkPurpose;
  readonly subject: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly used: { readonly outcome: 'used' | 'cancelled'; readonly at: string } | undefined;
}

export interface PersonalLinksOptions {
  /** HMAC key (PERSONAL_LINK_SECRET): never logged, never stored. */
  readonly secret: string;
  readonly store: PersonalLinkRepository;
  readonly now?: Clock;
}

const RETENTION_BATCH = 100;

function yearsBefore(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

const TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/;
const MAX_TOKEN_LENGTH = 64;
const BYTES = 16;

/**
 * Personal links for partners who have no login: signed (HMAC-SHA256), bound to a purpose, expiring, and spent
 * by one use where the purpose says so. The token is `<id>.<expiry>.<signature>`: short enough to type from a
 * letter, and carrying no name or record id. The link's partner and subject live in the database under the id,
 * so a forged or edited token is refused before anything is read, and one issued for an invitation cannot
 * answer an evaluation. A use is a record created once (create-if-absent): two clicks at the same moment
 * cannot both succeed.
 */
export class PersonalLinks implements PartnerRecordHolder {
  readonly name = 'personalLinks';
  private readonly idKey: Buffer;
  private readonly macKey: Buffer;

  constructor(private readonly options: PersonalLinksOptions) {
    if (options.secret.length < 32) throw new Error('The personal link secret must be at least 32 characters');
    // Separate keys for ids and signatures, so an id never doubles as a signature.
    this.idKey = createHmac('sha256', options.secret).update('personal-link-id').digest();
    this.macKey = createHmac('sha256', options.secret).update('personal-link-signature').digest();
  }

  /** Issues (or, for a key already used, returns) a link. */
  async issue(request: IssueRequest): Promise<IssuedLink> {
    const id = this.digest(this.idKey, `${request.purpose}|${request.key}`);
    // Whole seconds: the token carries the expiry, and the stored record must say the same.
    const expiresAt = new Date(Math.floor(request.expiresAt.getTime() / 1000) * 1000);
    const { document } = await this.options.store.createLink({
      id,
      type: 'personal-link',
      schemaVersion: 1,
      purpose: request.purpose,
      partnerId: request.partnerId,
      subject: request.subject,
      issuedAt: this.now().toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { id, token: this.tokenFor(document), expiresAt: document.expiresAt };
  }

  /** Checks a link without using it (showing the page it opens). */
  async open(purpose: LinkPurpose, token: string): Promise<LinkState> {
    const checked = this.verify(purpose, token);
    if (checked.state !== 'signed') return checked;
    const link = await this.options.store.findLink(checked.id);
    // Signed by us but not on record: withdrawn (the partner's data was erased).
    if (!link || link.purpose !== purpose) return { state: 'cancelled' };
    if (LINK_PURPOSES[purpose].singleUse) {
      const use = await this.options.store.findUse(link.id);
      // Pending: a use failed part-way, and pressing again completes it (see `use`).
      if (use && use.outcome !== 'pending') return { state: use.outcome };
    }
    return link.cancelledAt ? { state: 'cancelled' } : { state: 'ok', link: openLinkOf(link) };
  }

  /**
   * Uses a link: `ok` for exactly one caller of a single-use link, however many press at once; `used` for the
   * rest. Do what the link is for after this answers `ok`.
   */
  async consume(purpose: LinkPurpose, token: string): Promise<LinkState> {
    const opened = await this.open(purpose, token);
    if (opened.state !== 'ok' || !LINK_PURPOSES[purpose].singleUse) return opened;
    const { document, created } = await this.options.store.createUse({
      id: useIdOf(opened.link.id),
      type: 'personal-link-use',
      schemaVersion: 1,
      linkId: opened.link.id,
      outcome: 'used',
      at: this.now().toISOString(),
    });
    return created ? opened : { state: document.outcome === 'pending' ? 'used' : document.outcome };
  }

  /**
   * Uses a link to do what it is for, once, surviving a failure part-way. `act` gets an operation id that stays
   * the same for every try on this link; it must write under it create-if-absent and answer whether it wrote now.
   * The link is spent only after `act` has written, so if storing fails the link still works and pressing again
   * completes it (with the same id: never a second record). `ok` for the one caller whose `act` wrote, `used` for
   * every other, however many press at once. The operation id is dropped when the link is spent, so nothing
   * leads from the link to what it stored.
   */
  async use(
    purpose: LinkPurpose,
    token: string,
    act: (link: OpenLink, operationId: string) => Promise<boolean>,
  ): Promise<LinkState> {
    const opened = await this.open(purpose, token);
    if (opened.state !== 'ok') return opened;
    const { document: use } = await this.options.store.createUse({
      id: useIdOf(opened.link.id),
      type: 'personal-link-use',
      schemaVersion: 1,
      linkId: opened.link.id,
      outcome: 'pending',
      operationId: randomUUID(),
      at: this.now().toISOString(),
    });
    if (use.outcome !== 'pending' || !use.operationId)
      return { state: use.outcome === 'cancelled' ? 'cancelled' : 'used' };
    const wrote = await act(opened.link, use.operationId);
    await this.settle(use, 'used');
    return wrote ? opened : { state: 'used' };
  }

  async exportFor(partnerId: string): Promise<ExportedLink[]> {
    const links = await this.options.store.linksOf(partnerId);
    return Promise.all(
      links.map(async (link) => {
        const use = await this.options.store.findUse(link.id);
        return {
          purpose: link.purpose,
          subject: link.subject,
          issuedAt: link.issuedAt,
          expiresAt: link.expiresAt,
          used: use && use.outcome !== 'pending' ? { outcome: use.outcome, at: use.at } : undefined,
        };
      }),
    );
  }

  /** Erasure: every link stops working for good (a use racing with it is either before or refused). */
  async eraseFor(partnerId: string): Promise<void> {
    const at = this.now().toISOString();
    for (const link of await this.options.store.linksOf(partnerId)) {
      await retryOnConflict(async (tryNumber) => {
        const latest = tryNumber === 1 ? link : await this.options.store.findLink(link.id);
        if (!latest || latest.cancelledAt) return;
        const { _etag, ...stored } = latest;
        await this.options.store.replaceLink({ ...stored, cancelledAt: at }, _etag);
      });
      const { document } = await this.options.store.createUse({
        id: useIdOf(link.id),
        type: 'personal-link-use',
        schemaVersion: 1,
        linkId: link.id,
        outcome: 'cancelled',
        at,
      });
      if (document.outcome === 'pending') await this.settle(document, 'cancelled');
    }
  }

  /** Ends a pending use, dropping its operation id; one already ended by another press stays as it is. */
  private async settle(use: Versioned<LinkUseRecord>, outcome: 'used' | 'cancelled'): Promise<void> {
    const { _etag, operationId: _operationId, ...rest } = use;
    try {
      await this.options.store.replaceUse({ ...rest, outcome, at: this.now().toISOString() }, _etag);
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }

  /**
   * Retention: once a link has been expired for longer than the Trust keeps records without involvement
   * (RETENTION_REVIEW_YEARS), its record and its use record are deleted. Nothing needs them any more: an expired
   * token is refused before the database is read, and what the partner answered is kept where it was given (the
   * invitation, the evaluation, the consent history). Daily, at the scheduler's hour; safe to repeat.
   */
  retentionJob(hourUtc: number, years: number): ScheduledJob {
    return {
      name: 'personal-link-retention',
      periodAt: (now) => dailyPeriod(now, hourUtc),
      run: async (_period, now) => {
        await this.deleteExpiredBefore(yearsBefore(now, years));
      },
    };
  }

  /** Deletes every link that expired before `cutoff`; returns how many. */
  async deleteExpiredBefore(cutoff: Date): Promise<number> {
    let deleted = 0;
    for (;;) {
      const expired = await this.options.store.expiredBefore(cutoff.toISOString(), RETENTION_BATCH);
      for (const link of expired) await this.options.store.deleteLinkAndUse(link.id);
      deleted += expired.length;
      if (expired.length < RETENTION_BATCH) return deleted;
    }
  }

  private verify(
    purpose: LinkPurpose,
    token: string,
  ): { readonly state: 'signed'; readonly id: string } | { readonly state: 'tampered' | 'expired' } {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { state: 'tampered' };
    const match = TOKEN_PATTERN.exec(token);
    if (!match) return { state: 'tampered' };
    const [, id, expiry, signature] = match as unknown as [string, string, string, string];
    const expected = Buffer.from(this.signature(purpose, id, expiry), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { state: 'tampered' };
    if (Number.parseInt(expiry, 36) * 1000 <= this.now().getTime()) return { state: 'expired' };
    return { state: 'signed', id };
  }

  private tokenFor(link: PersonalLinkRecord): string {
    const expiry = Math.floor(Date.parse(link.expiresAt) / 1000).toString(36);
    return `${link.id}.${expiry}.${this.signature(link.purpose, link.id, expiry)}`;
  }

  private signature(purpose: LinkPurpose, id: string, expiry: string): string {
    return this.digest(this.macKey, `v1|${purpose}|${id}|${expiry}`);
  }

  private digest(key: Buffer, text: string): string {
    return createHmac('sha256', key).update(text).digest().subarray(0, BYTES).toString('base64url');
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function openLinkOf(link: PersonalLinkRecord): OpenLink {
  return {
    id: link.id,
    purpose: link.purpose,
    partnerId: link.partnerId,
    subject: link.subject,
    expiresAt: link.expiresAt,
  };
}
