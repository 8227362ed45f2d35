import type { CreateResult, Versioned } from '../ports.js';
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
