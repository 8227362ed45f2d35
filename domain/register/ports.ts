import type { ClaimDocument } from '../claims/claim.js';
import type { Plan, PlanSession } from '../planning/plan.js';
import type { OwedMessage } from '../partner-messages/partner-messaging.js';
import type { Actor } from '../people/actor.js';
import type { Clock, CreateResult, Page, StoredDocument, Versioned } from '../ports.js';
import type { Partner } from './partner.js';
import type { RegisterQuery } from './register-query.js';

/** The Involvement Register's partners, as the register's rules (and planning and claims) need them. */
export interface PartnerRepository {
  find(id: string): Promise<Versioned<Partner> | undefined>;
  /** NotFoundError when there is no such partner. */
  get(id: string): Promise<Versioned<Partner>>;
  getMany(ids: readonly string[]): Promise<Array<Versioned<Partner>>>;
  /** Active partners whose name contains `text` (case-insensitive): for pickers in cards. */
  searchByName(
    text: string,
    options?: { pageSize?: number; includeInactive?: boolean },
  ): Promise<Array<Versioned<Partner>>>;
  /** One page of the register, searched, filtered and sorted. */
  registerPage(query: RegisterQuery, options: { includeLeft: boolean }): Promise<Page<Versioned<Partner>>>;
  /** Everyone with exactly this (normalised) name, for duplicate detection. */
  withSearchName(searchName: string): Promise<Array<Versioned<Partner>>>;
  /** Partners whose "Welcome to Involvement" still has to be sent, oldest first. */
  awaitingWelcome(pageSize: number): Promise<Page<Versioned<Partner>>>;
  /** Partners not yet erased who left, or were last involved (or registered, if never involved) before `cutoff`. */
  dueForRetentionReview(cutoff: string, pageSize: number, continuation?: string): Promise<Page<Versioned<Partner>>>;
  create(partner: Partner): Promise<CreateResult<Partner>>;
  /** ConflictError when someone changed the partner since `etag`. */
  replace(partner: Partner, etag: string): Promise<Versioned<Partner>>;
}

/** What counting attendance needs from the register. */
export type AttendanceRepository = Pick<PartnerRepository, 'find' | 'replace'>;

/** One append-only audit event: who saw or changed what about a record. Ids only, never the data itself. */
export interface AuditEvent extends StoredDocument {
  readonly type: 'audit-event';
  /** The record the event is about (a partner id). */
  readonly subjectId: string;
  readonly actorId: string;
  /** The colleague's name as signed in, so the trail reads plainly to IEV. */
  readonly actorName: string;
  readonly action:
    | 'viewed-sensitive'
    | 'registered'
    | 'status-changed'
    | 'corrected'
    | 'consent-changed'
    | 'exported'
    | 'erased'
    | 'iev-member-added'
    | 'iev-member-removed';
  readonly fields: readonly string[];
  /** For changes to the IEV team: the colleague's name as it was, so the trail reads plainly. */
  readonly aboutName?: string | undefined;
  readonly at: string;
}

/** The audit trail. Events are never updated or deleted. */
export interface AuditTrail {
  /** `onceId` names an event that happens once (a registration): recording it again, on a retry, stores it once. */
  record(
    event: Omit<AuditEvent, 'id' | 'type' | 'schemaVersion' | 'at'>,
    now?: Date,
    onceId?: string,
  ): Promise<AuditEvent>;
  /** A record's trail, newest first. */
  trailOf(subjectId: string): Promise<AuditEvent[]>;
}

/** A session of a plan as the register reads it: when, how long, how, and who took part. */
export type WorkSession = Pick<PlanSession, 'date' | 'durationMinutes' | 'format' | 'partnerIds'>;

/** A plan as the register reads it (written by the planning bot: `domain/planning/plan.ts`). */
export type WorkRecord = Pick<
  Plan,
  'id' | 'title' | 'hostId' | 'hostName' | 'phase' | 'serviceArea' | 'partnerIds' | 'chosenPartners'
> & {
  readonly sessions: readonly WorkSession[];
};

/** A claim as the partner's page reads it (written by the claims service: `domain/claims/claim.ts`). */
export type ClaimRecord = Pick<
  ClaimDocument,
  'id' | 'hostId' | 'partnerId' | 'status' | 'submittedAt' | 'createdAt' | 'totals' | 'paidAt'
>;

/** Read-only views of other areas' records that the register shows: plans and expense claims. */
export interface InvolvementReader {
  plansPage(filter: {
    serviceArea?: string | undefined;
    planId?: string | undefined;
    pageSize: number;
    continuation?: string | undefined;
  }): Promise<Page<WorkRecord>>;
  plansWithPartner(partnerId: string): Promise<WorkRecord[]>;
  /** The partner's claims that were sent (drafts left out). */
  claimsForPartner(partnerId: string): Promise<ClaimRecord[]>;
  /** The hosts of the opportunities the partner answered "interested" to (need to know: domain/register/visibility.ts). */
  hostsOfOpportunitiesInterestedIn(partnerId: string): Promise<string[]>;
}

/** Erases a partner on request; `alsoChange` is applied to the entry in the same write as the erasure. */
export type EraseOnRequest = (
  actor: Actor,
  id: string,
  reason: string,
  now: Date,
  alsoChange: (partner: Partner) => Partner,
) => Promise<unknown>;

/** Everything the register's use cases are given; each takes the part it needs. */
export interface RegisterPorts {
  readonly partners: PartnerRepository;
  readonly audit: AuditTrail;
  readonly work: InvolvementReader;
  /** Erasure on request (`PartnerRightsService.erase`): withdrawing consent to be on the register starts it. */
  readonly eraseOnRequest: EraseOnRequest;
  readonly messages?: { owe(owed: readonly OwedMessage[], now?: Date): Promise<void> } | undefined;
  readonly clock: Clock;
}
