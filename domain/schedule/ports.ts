import type { ClaimDocument } from '../claims/claim.js';
import type { ConversationAddress } from '../people/ports.js';
import type { Plan } from '../planning/plan.js';
import type { StoredDocument, Versioned } from '../ports.js';

/**
 * One run of a scheduled job for one period (`host-nudges` on 2026-12-01, `iev-digest` in 2026-W49), kept in
 * `directory` under `schedule-run:<job>:<period>`. Creating it is the claim to run: a conditional create, so
 * one instance runs each period however many instances tick and however often they restart.
 */
export interface ScheduleRun extends StoredDocument {
  readonly type: 'schedule-run';
  readonly job: string;
  readonly period: string;
  readonly status: 'running' | 'done';
  /** While running: another instance may take the run over after this (the runner crashed). */
  readonly leasedUntil: string;
  readonly attempts: number;
  readonly startedAt: string;
  readonly finishedAt?: string | undefined;
  /** An error name only, never content. */
  readonly lastError?: string | undefined;
}

export interface ScheduleRunRepository {
  /** Idempotent: `created: false` when this job's run for this period already exists. */
  createRun(run: ScheduleRun): Promise<{ readonly run: Versioned<ScheduleRun>; readonly created: boolean }>;
  /** ConflictError when another instance changed the run first. */
  replaceRun(run: ScheduleRun, etag: string): Promise<Versioned<ScheduleRun>>;
  findRun(id: string): Promise<Versioned<ScheduleRun> | undefined>;
}

/** What a host can be reminded of, in 1:1 chat, each with the button that does the thing. */
export const NUDGE_KINDS = ['partners-contact', 'feedback-loop', 'claim-queried', 'claim-draft'] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

/**
 * A host's choice about the reminders for one plan or claim, kept in the host's partition of `plans`
 * (`nudges:<subject id>`), so it is the same on every device and another host's cannot be touched.
 */
export interface NudgePreference extends StoredDocument {
  readonly type: 'nudge-preference';
  readonly hostId: string;
  readonly subjectId: string;
  /** No more reminders for this subject. */
  readonly stopped: boolean;
  readonly snoozedUntil?: string | undefined;
  /** Goes up with each snooze: a reminder after a snooze is a new message, not the one already sent. */
  readonly round: number;
  readonly updatedAt: string;
}

export interface NudgePreferenceRepository {
  findPreference(hostId: string, subjectId: string): Promise<Versioned<NudgePreference> | undefined>;
  /** Writes only if unchanged since `etag`, or, with no etag, only if new (StaleVersionError otherwise). */
  writePreference(preference: NudgePreference, etag: string | undefined): Promise<Versioned<NudgePreference>>;
}

/** Plans and claims that may be owed a reminder: narrow fan-out queries, the rules decide. */
export interface NudgeCandidates {
  /** Plans with sessions and no outcome yet (phase `running`). */
  openPlansWithSessions(): Promise<Plan[]>;
  /** Plans not yet under way with a first-session date on or after `from` (YYYY-MM-DD) and partners not yet contacted. */
  plansWithFirstSessionFrom(from: string): Promise<Plan[]>;
  findPlan(planId: string): Promise<Plan | undefined>;
  /** Drafts created before `before`, and queried claims whose question was asked before `before`. */
  waitingOnHosts(before: { readonly draftsBefore: string; readonly queriesBefore: string }): Promise<ClaimDocument[]>;
  findClaim(claimId: string): Promise<ClaimDocument | undefined>;
}

/** A reminder as the host's 1:1 chat shows it; the Teams edge decides how it looks. */
export type Nudge =
  | { readonly kind: 'partners-contact'; readonly plan: Plan; readonly firstSession: string; readonly daysToGo: number }
  | { readonly kind: 'feedback-loop'; readonly plan: Plan; readonly lastSessionDate: string; readonly weeks: number }
  | { readonly kind: 'claim-queried'; readonly claim: ClaimDocument; readonly days: number }
  | { readonly kind: 'claim-draft'; readonly claim: ClaimDocument; readonly days: number };

/**
 * The IEV team's weekly digest: counts only (names stay in the tab). A figure is undefined when the
 * product does not hold that data (a deployment that takes no applications to join).
 */
export interface DigestFigures {
  readonly week: string;
  /** The Monday the week begins (YYYY-MM-DD). */
  readonly weekBeginning: string;
  readonly claimsWaiting: number;
  /** When the longest-waiting claim was submitted. */
  readonly oldestWaitingSince: string | undefined;
  readonly claimsPastPayBy: number;
  readonly supportRequestsUnassigned: number;
  readonly welcomesWaiting: number;
  readonly applicationsWaiting: number | undefined;
  readonly consentsDueForRenewal: number;
  readonly retentionReviewsDue: number;
}

/** Counts for the digest, each one query. Cut-offs are ISO instants or days, worked out by the rules. */
export interface DigestSources {
  claimsWaiting(): Promise<{ readonly count: number; readonly oldestSubmittedAt: string | undefined }>;
  claimsPastPayBy(today: string): Promise<number>;
  supportRequestsUnassigned(): Promise<number>;
  welcomesWaiting(): Promise<number>;
  /** Undefined where a deployment takes no applications. */
  applicationsWaiting(): Promise<number | undefined>;
  consentsDueForRenewal(givenBefore: string): Promise<number>;
  retentionReviewsDue(cutoff: string): Promise<number>;
}

/** Sends reminders and the digest outside a turn. Rejects when Teams refused (the outbox retries). */
export interface ScheduleNotifier {
  nudge(address: ConversationAddress, nudge: Nudge): Promise<void>;
  digest(address: ConversationAddress, figures: DigestFigures): Promise<void>;
}
