import type { StoredDocument } from '../ports.js';
import type { StepKey } from './plan-steps.js';

export type AnswerValue = string | readonly string[] | number;
export type StepAnswers = Readonly<Record<string, AnswerValue>>;

/**
 * Where a plan is in its life: being planned (walking the steps), planned (summary reached),
 * running (sessions logged), closed (outcome recorded).
 */
export const PLAN_PHASES = ['planning', 'planned', 'running', 'closed'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

export const PHASE_NAMES: Readonly<Record<PlanPhase, string>> = {
  planning: 'Planning',
  planned: 'Planned, ready to start',
  running: 'Under way',
  closed: 'Finished',
};

export const SESSION_FORMATS = ['in-person', 'online', 'phone', 'hybrid', 'visit'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

export const CHECK_IN_ANSWERS = ['yes', 'mostly', 'no', 'not-asked'] as const;
export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

/** A meeting or session held with people (the "during" part). Partners are register ids only. */
export interface PlanSession {
  /** The operation id of the card that logged it: a retried save finds it and stores nothing twice. */
  readonly id: string;
  readonly date: string;
  readonly durationMinutes: number;
  readonly format: SessionFormat;
  readonly partnerIds: readonly string[];
  readonly howItWent: string;
  readonly checkIn: CheckInAnswer;
  readonly checkInNotes: string;
  readonly loggedAt: string;
}

/** A partner chosen for the work from one of its opportunities. */
export interface ChosenPartner {
  readonly partnerId: string;
  readonly opportunityId: string;
  readonly chosenAt: string;
}

export interface YouSaidWeDid {
  readonly youSaid: string;
  readonly weDid: string;
  /** The session where it was said, when the host linked one. */
  readonly sessionId?: string | undefined;
}

export const EVALUATION_RATINGS = ['very-good', 'good', 'mixed', 'poor'] as const;
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];

/** Closing the loop (the "after" part). */
export interface PlanOutcome {
  readonly decisions: string;
  readonly youSaidWeDid: readonly YouSaidWeDid[];
  readonly feedbackHow: string;
  readonly feedbackTo: string;
  /** Partners thanked (from the sessions) when the host chose to record a thank-you. */
  readonly thankedPartnerIds: readonly string[];
  readonly thankYouMessage: string;
  readonly evaluation?: { readonly rating: EvaluationRating; readonly comment: string } | undefined;
  readonly recordedAt: string;
}

/**
 * A host's piece of involvement work. Stored in `plans` with partition key `/hostId`, so a host's
 * plans are one partition and another host's plan id simply is not found there.
 */
export interface Plan extends StoredDocument {
  readonly type: 'plan';
  readonly schemaVersion: 1;
  readonly hostId: string;
  readonly hostName: string;
  readonly title: string;
  /** The service or team the work is for; the register tab filters on it. */
  readonly serviceArea?: string | undefined;
  readonly phase: PlanPhase;
  /** The step the host is on, or the summary once every step has been seen. */
  readonly position: StepKey | 'summary';
  /** Goes up by one with every change: cards carry it, so a press on an out-of-date card is recognised. */
  readonly revision: number;
  readonly answers: Readonly<Partial<Record<StepKey, StepAnswers>>>;
  readonly skipped: readonly StepKey[];
  readonly sessions: readonly PlanSession[];
  /** Every partner who took part in a session, kept at the top level so the register can find a partner's work. */
  readonly partnerIds: readonly string[];
  readonly outcome?: PlanOutcome | undefined;
  /**
   * Partners the host chose from an involvement opportunity (domain/opportunities): the plan's partners step, and
   * the register's history of each partner (found with the sessions' partners). Not counted as having taken part.
   */
  readonly chosenPartners?: ReadonlyArray<ChosenPartner> | undefined;
  /** When the host said they had contacted the partners before the first session (seed 004). */
  readonly partnersContactedAt?: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const MAX_SESSIONS_PER_PLAN = 200;
