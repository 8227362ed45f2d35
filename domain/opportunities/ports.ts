import type { OwedMessage } from '../partner-messages/partner-messaging.js';
import type { Plan } from '../planning/plan.js';
import type { Clock, CreateResult, DomainLogger, Versioned } from '../ports.js';
import type { PartnerRepository } from '../register/ports.js';
import type { Candidate, MatchCriteria } from './matching.js';
import type { Invitation, Opportunity, OpportunitySettings } from './opportunity.js';

/** Opportunities and their invitations (`opportunities`, partition key `/opportunityId`). */
export interface OpportunityRepository {
  find(id: string): Promise<Versioned<Opportunity> | undefined>;
  /** Idempotent by id: publishing the same form twice (a retry) stores it once. */
  create(opportunity: Opportunity): Promise<CreateResult<Opportunity>>;
  /** StaleVersionError when it changed since `etag`. */
  replace(opportunity: Opportunity, etag: string): Promise<Versioned<Opportunity>>;
  /** A host's opportunities, newest first. */
  ofHost(hostId: string): Promise<Array<Versioned<Opportunity>>>;
  /** Every opportunity in these states, newest first (the IEV team's list; few at a time). */
  inStates(states: readonly Opportunity['state'][]): Promise<Array<Versioned<Opportunity>>>;
  /** Opportunities in these states whose closing date is on or before `day` (YYYY-MM-DD): to remind, or to close. */
  closingBy(day: string, states: readonly Opportunity['state'][]): Promise<Array<Versioned<Opportunity>>>;
  /** Idempotent by id: a partner is invited to an opportunity once. */
  createInvitation(invitation: Invitation): Promise<CreateResult<Invitation>>;
  findInvitation(opportunityId: string, partnerId: string): Promise<Versioned<Invitation> | undefined>;
  replaceInvitation(invitation: Invitation, etag: string): Promise<Versioned<Invitation>>;
  invitationsOf(opportunityId: string): Promise<Array<Versioned<Invitation>>>;
  /** A partner's invitations across opportunities (few; for their data export and erasure). */
  invitationsForPartner(partnerId: string): Promise<Array<Versioned<Invitation>>>;
  deleteInvitation(invitation: Invitation): Promise<void>;
  settings(): Promise<Versioned<OpportunitySettings> | undefined>;
  saveSettings(settings: OpportunitySettings): Promise<void>;
}

/** The register as matching reads it: candidates that pass the database's filter, projected to what scoring needs. */
export interface MatchSource {
  /** Active partners who agreed to be contacted, not erased, sharing an area, interest or lived experience. */
  candidates(criteria: MatchCriteria): Promise<Candidate[]>;
}

/** A personal link for one invitation: signed, expiring, used once to answer (`domain/links`, wired in server/). */
export interface AnswerLinks {
  /** The link to put in the invitation, valid until the end of the closing date. */
  issue(invitation: Pick<Invitation, 'id' | 'opportunityId' | 'partnerId'>, expiresAt: Date): Promise<string>;
  /** Whose invitation a link is for, without using it up; undefined for a bad, expired or used link. */
  read(token: string): Promise<{ readonly opportunityId: string; readonly partnerId: string } | undefined>;
  /**
   * Uses the link (once) to record the answer: `record` is retried by a press after a failure part-way, and
   * answers whether it recorded now. False when the link was bad, expired or already used.
   */
  redeem(token: string, record: () => Promise<boolean>): Promise<boolean>;
}

/** The host's plans, as publishing an opportunity and choosing from it need them (`domain/planning`). */
export interface OpportunityPlans {
  findPlan(hostId: string, planId: string): Promise<Versioned<Plan> | undefined>;
  plansOf(hostId: string): Promise<Array<Versioned<Plan>>>;
  /** Records partners chosen from an opportunity on the plan (its partners step) and so on their register history. */
  recordChosen(
    hostId: string,
    planId: string,
    chosen: ReadonlyArray<{ readonly partnerId: string; readonly opportunityId: string }>,
    now: Date,
  ): Promise<void>;
}

/** Everything the opportunity use cases are given; each takes the part it needs. */
export interface OpportunityPorts {
  readonly store: OpportunityRepository;
  readonly matches: MatchSource;
  readonly plans: OpportunityPlans;
  readonly partners: Pick<PartnerRepository, 'getMany' | 'find'>;
  readonly messaging: { owe(owed: readonly OwedMessage[], now?: Date): Promise<void> };
  readonly links: AnswerLinks;
  /** "Stop inviting me": withdraws the partner's consent to be contacted about opportunities, at once. */
  readonly stopInvitations: (partnerId: string, now: Date) => Promise<void>;
  /** Tells the IEV channel an opportunity waits for approval (a card, through the outbox). */
  readonly approvalNeeded?: ((opportunity: Opportunity, now: Date) => Promise<void>) | undefined;
  /** Tells the host their opportunity closed, with how many said they are interested. */
  readonly closed?: ((opportunity: Opportunity, interested: number, now: Date) => Promise<void>) | undefined;
  readonly logger: DomainLogger;
  readonly clock: Clock;
}
