import type { ClaimDocument } from '../claims/claim.js';
import type { DeliveryOutcome } from '../notifications/outbox-dispatcher.js';
import type { OutboxMessage, OutboxRepository } from '../notifications/ports.js';
import type { ConversationAddress } from '../people/ports.js';
import type { Plan } from '../planning/plan.js';
import type { Clock } from '../ports.js';
import { addDays, dailyPeriod, daysBetween } from './periods.js';
import type { ScheduledJob } from './scheduler.js';
import {
  NUDGE_KINDS,
  type Nudge,
  type NudgeCandidates,
  type NudgeKind,
  type NudgePreference,
  type NudgePreferenceRepository,
  type ScheduleNotifier,
} from './ports.js';

/** When a host is reminded (server/config.ts reads them; defaults and reasons in the README). */
export interface NudgeSettings {
  /** Days before a plan's first session to remind the host to contact the partners (seed 004). */
  readonly partnersContactDays: number;
  /** Weeks after a plan's last session with no "what changed" recorded (seed 001: close the feedback loop). */
  readonly feedbackLoopWeeks: number;
  /** Days a claim queried by the IEV team waits for the host's answer (seed 004: pay expenses promptly). */
  readonly claimQueryDays: number;
  /** Days a draft claim is left unsent. */
  readonly claimDraftDays: number;
  /** The hour (UTC) of the daily run. */
  readonly hourUtc: number;
}

/** A subject owed a reminder now: whose it is, what to say, and which occurrence it is (a new session, a new query). */
interface Due {
  readonly hostId: string;
  readonly nudge: Nudge;
  readonly occurrence: string;
}

const WEEK_DAYS = 7;

/** The plan's first session is `days` away or less and the host has not said the partners were contacted. */
export function partnersContactDue(plan: Plan, now: Date, days: number): Due | undefined {
  const firstSession = plan.answers.timing?.firstSession;
  if (typeof firstSession !== 'string' || plan.partnersContactedAt || plan.sessions.length > 0) return undefined;
  if (plan.phase === 'closed' || plan.phase === 'running') return undefined;
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  const daysToGo = daysBetween(today, new Date(`${firstSession}T00:00:00.000Z`));
  if (daysToGo < 0 || daysToGo > days) return undefined;
  return {
    hostId: plan.hostId,
    nudge: { kind: 'partners-contact', plan, firstSession, daysToGo },
    occurrence: firstSession,
  };
}

/** The plan's feedback loop is still open `weeks` after its last session. */
export function feedbackLoopDue(plan: Plan, now: Date, weeks: number): Due | undefined {
  if (plan.outcome || plan.phase === 'closed' || plan.sessions.length === 0) return undefined;
  const lastSessionDate = plan.sessions.map((session) => session.date).reduce((a, b) => (a > b ? a : b));
  const since = new Date(`${lastSessionDate.slice(0, 10)}T00:00:00.000Z`);
  if (addDays(since, weeks * WEEK_DAYS) > now) return undefined;
  return {
    hostId: plan.hostId,
    nudge: { kind: 'feedback-loop', plan, lastSessionDate, weeks: Math.floor(daysBetween(since, now) / WEEK_DAYS) },
    occurrence: lastSessionDate.slice(0, 10),
  };
}

/** The IEV team's question has waited `days` for the host's answer. */
export function claimQueryDue(claim: ClaimDocument, now: Date, days: number): Due | undefined {
  if (claim.status !== 'queried') return undefined;
  const seq = claim.history.findLastIndex((event) => event.status === 'queried');
  const askedAt = claim.history[seq]?.at ?? claim.openQuery?.at;
  if (!askedAt || addDays(new Date(askedAt), days) > now) return undefined;
  return {
    hostId: claim.hostId,
    nudge: { kind: 'claim-queried', claim, days: daysBetween(new Date(askedAt), now) },
    occurrence: String(seq),
  };
}

/** A draft has been left unsent for `days`. */
export function claimDraftDue(claim: ClaimDocument, now: Date, days: number): Due | undefined {
  if (claim.status !== 'draft' || addDays(new Date(claim.createdAt), days) > now) return undefined;
  return {
    hostId: claim.hostId,
    nudge: { kind: 'claim-draft', claim, days: daysBetween(new Date(claim.createdAt), now) },
    occurrence: 'draft',
  };
}

/** Names one reminder: the same subject, occurrence and round is owed (and sent) once. */
function nudgeId(kind: NudgeKind, subjectId: string, occurrence: string, round: number): string {
  return `nudge:${kind}:${subjectId}:${occurrence}:${round}`;
}

function quiet(preference: NudgePreference | undefined, now: Date): boolean {
  return (
    !!preference &&
    (preference.stopped || (!!preference.snoozedUntil && Date.parse(preference.snoozedUntil) > now.getTime()))
  );
}

export interface HostNudgesOptions {
  readonly candidates: NudgeCandidates;
  readonly preferences: NudgePreferenceRepository;
  readonly outbox: Pick<OutboxRepository, 'enqueue'>;
  readonly settings: NudgeSettings;
  readonly personalChatOf: (userId: string) => Promise<ConversationAddress | undefined>;
  /** A function: the Teams adapter exists only once the server has started. */
  readonly notifier: () => ScheduleNotifier;
  readonly now: Clock;
  /** Told after reminders were owed, so the outbox delivers them now rather than at its next pass. */
  readonly onEnqueued?: () => void;
}

/**
 * Reminds hosts of what they promised, once a day: feedback loops left open, queried claims waiting
 * for their answer, drafts left unsent. Each reminder is owed to the outbox (topic `nudge`) under an
 * id naming the subject, the occurrence and the host's snooze round, so it is sent once; at delivery
 * the subject is read again, and a reminder about something done (or snoozed, or stopped) is dropped.
 */
export class HostNudges implements ScheduledJob {
  readonly name = 'host-nudges';

  constructor(private readonly options: HostNudgesOptions) {}

  periodAt(now: Date): string | undefined {
    return dailyPeriod(now, this.options.settings.hourUtc);
  }

  async run(_period: string, now: Date): Promise<void> {
    const { settings, candidates } = this.options;
    let owed = 0;
    for (const plan of await candidates.plansWithFirstSessionFrom(now.toISOString().slice(0, 10))) {
      if (await this.owe(plan.id, partnersContactDue(plan, now, settings.partnersContactDays), now)) owed += 1;
    }
    for (const plan of await candidates.openPlansWithSessions()) {
      if (await this.owe(plan.id, feedbackLoopDue(plan, now, settings.feedbackLoopWeeks), now)) owed += 1;
    }
    const claims = await candidates.waitingOnHosts({
      draftsBefore: addDays(now, -settings.claimDraftDays).toISOString(),
      queriesBefore: addDays(now, -settings.claimQueryDays).toISOString(),
    });
    for (const claim of claims) {
      const due =
        claimQueryDue(claim, now, settings.claimQueryDays) ?? claimDraftDue(claim, now, settings.claimDraftDays);
      if (await this.owe(claim.id, due, now)) owed += 1;
    }
    if (owed > 0) this.options.onEnqueued?.();
  }

  /** The outbox's deliverer for topic `nudge`: the reminder only if it is still owed, to the host's 1:1 chat. */
  readonly deliver = async (message: OutboxMessage): Promise<DeliveryOutcome> => {
    const kind = NUDGE_KINDS.find((known) => known === message.target);
    if (!kind) return 'void';
    const now = this.options.now();
    const due = await this.dueNow(kind, message.subjectId, now);
    // Done, or a newer occurrence (a later session, another query) is owed under its own id.
    if (!due || nudgeId(kind, message.subjectId, due.occurrence, message.seq) !== message.id) return 'void';
    const preference = await this.options.preferences.findPreference(due.hostId, message.subjectId);
    if (quiet(preference, now) || (preference?.round ?? 0) !== message.seq) return 'void';
    const address = await this.options.personalChatOf(due.hostId);
    if (!address) return 'wait';
    await this.options.notifier().nudge(address, due.nudge);
    return 'delivered';
  };

  private async owe(subjectId: string, due: Due | undefined, now: Date): Promise<boolean> {
    if (!due) return false;
    const preference = await this.options.preferences.findPreference(due.hostId, subjectId);
    if (quiet(preference, now)) return false;
    const round = preference?.round ?? 0;
    await this.options.outbox.enqueue(
      {
        id: nudgeId(due.nudge.kind, subjectId, due.occurrence, round),
        topic: 'nudge',
        target: due.nudge.kind,
        subjectId,
        seq: round,
      },
      now,
    );
    return true;
  }

  private async dueNow(kind: NudgeKind, subjectId: string, now: Date): Promise<Due | undefined> {
    const { candidates, settings } = this.options;
    if (kind === 'feedback-loop' || kind === 'partners-contact') {
      const plan = await candidates.findPlan(subjectId);
      if (!plan) return undefined;
      return kind === 'feedback-loop'
        ? feedbackLoopDue(plan, now, settings.feedbackLoopWeeks)
        : partnersContactDue(plan, now, settings.partnersContactDays);
    }
    const claim = await candidates.findClaim(subjectId);
    if (!claim) return undefined;
    return kind === 'claim-queried'
      ? claimQueryDue(claim, now, settings.claimQueryDays)
      : claimDraftDue(claim, now, settings.claimDraftDays);
  }
}
