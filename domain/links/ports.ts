import type { CreateResult, StoredDocument, Versioned } from '../ports.js';

/**
 * What a personal link is for. Each purpose says whether one use spends it: an answer is given once, so a
 * second click (or a forwarded message) cannot answer again in the partner's name.
 */
export const LINK_PURPOSES = {
  /** "How was it for you?" after a piece of work closes. */
  evaluation: { singleUse: true },
  /** An answer to an invitation to take part (yes / no). */
  invitation: { singleUse: true },
  /** Renewing (or withdrawing) consent when it is due for review. */
  'consent-renewal': { singleUse: true },
} as const satisfies Record<string, { readonly singleUse: boolean }>;
export type LinkPurpose = keyof typeof LINK_PURPOSES;

/**
 * A link issued to a partner, stored in `links` (partition key /id) so the URL carries nothing but a random
 * id, its expiry and a signature. Holds the partner's id (for their export and erasure) and what the link is
 * about (`subject`: a plan, an invitation, the partner themselves), never an address or a name.
 */
export interface PersonalLinkRecord extends StoredDocument {
  readonly type: 'personal-link';
  readonly schemaVersion: 1;
  readonly purpose: LinkPurpose;
  readonly partnerId: string;
  readonly subject: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  /** Withdrawn (the partner's data was erased): the link never works again, whatever its use record says. */
  readonly cancelledAt?: string | undefined;
}

/**
 * A link being used (`pending`: what it is for is under way), spent (`used`) or withdrawn (`cancelled`: the
 * partner's data was erased). Its id is the link's, with a prefix, and the database lets one creation win, so two
 * clicks at the same moment cannot both use the link. A `pending` use is replaced once, by `used`.
 */
export interface LinkUseRecord extends StoredDocument {
  readonly type: 'personal-link-use';
  readonly schemaVersion: 1;
  readonly linkId: string;
  readonly outcome: 'pending' | 'used' | 'cancelled';
  /**
   * While `pending`: a random id for what the use stores (e.g. the evaluation's id), so a retry after a failure
   * part-way writes the same record again instead of a second one. Dropped when the use is `used`, so nothing
   * leads from the link to what it stored.
   */
  readonly operationId?: string;
  readonly at: string;
}

export interface PersonalLinkRepository {
  /** Idempotent by id: issuing the same link again returns the one stored first. */
  createLink(link: PersonalLinkRecord): Promise<CreateResult<PersonalLinkRecord>>;
  findLink(linkId: string): Promise<Versioned<PersonalLinkRecord> | undefined>;
  /** StaleVersionError when the link changed since `etag`. */
  replaceLink(link: PersonalLinkRecord, etag: string): Promise<unknown>;
  /** Create-if-absent: `created: false` means the link was already used or cancelled (the stored record says which). */
  createUse(use: LinkUseRecord): Promise<CreateResult<LinkUseRecord>>;
  /** Replaces a use only if nobody changed it since `etag` was read (a StaleVersionError otherwise). */
  replaceUse(use: LinkUseRecord, etag: string): Promise<unknown>;
  findUse(linkId: string): Promise<Versioned<LinkUseRecord> | undefined>;
  linksOf(partnerId: string): Promise<Array<Versioned<PersonalLinkRecord>>>;
  /** Up to `limit` links that expired before `before` (ISO instant), for retention. */
  expiredBefore(before: string, limit: number): Promise<Array<Versioned<PersonalLinkRecord>>>;
  /** Removes a link's use record and then the link itself, for good (retention). */
  deleteLinkAndUse(linkId: string): Promise<void>;
}

/** The id of a link's use record (in the same container as the link). */
export const useIdOf = (linkId: string): string => `use-${linkId}`;
