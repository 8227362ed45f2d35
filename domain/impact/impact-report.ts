import { daysBetween, inPeriod, type Period } from './period.js';
import { isShown, suppressCount, suppressGroup, type Count } from './suppression.js';

/**
 * "Is it working?" (brief journey 8; seed 001: reach across the protected characteristics, new
 * faces, completing the loop of feedback). Pure: it is given narrow projections of the stored
 * records, never whole documents, so no name or contact detail ever reaches it.
 */

/** A partner, as far as the report needs: equality answers only when they agreed to equality monitoring. */
export interface PartnerFacts {
  readonly id: string;
  readonly equality?: Readonly<Record<string, string>> | undefined;
}

export interface SessionFacts {
  readonly workId: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly durationMinutes: number;
  readonly partnerIds: readonly string[];
}

export interface WorkFacts {
  readonly id: string;
  /** The host recorded how outcomes were fed back to the people involved. */
  readonly feedbackRecorded: boolean;
}

export interface PaidClaimFacts {
  readonly id: string;
  readonly submittedAt: string;
  readonly paidAt: string;
  readonly expensesPence: number;
  readonly paymentsPence: number;
}

export interface ImpactFacts {
  /** Every session up to the end of the period (earlier ones tell new faces from returning ones). */
  readonly sessions: readonly SessionFacts[];
  /** The partners who took part in a session in the period and are still on the register, with equality consent. */
  readonly partners: readonly PartnerFacts[];
  readonly work: readonly WorkFacts[];
  /** Claims paid in the period. */
  readonly paidClaims: readonly PaidClaimFacts[];
}

/** The equality monitoring questions the register asks (tab/src/views/register-form.tsx), in the order shown. */
export const EQUALITY_CATEGORIES = [
  { key: 'ageBand', label: 'Age group', answers: ['18-24', '25-34', '35-49', '50-64', '65+'] },
  { key: 'disability', label: 'Disability', answers: ['Yes', 'No'] },
  {
    key: 'ethnicGroup',
    label: 'Ethnic group',
    answers: [
      'Asian or Asian British',
      'Black, Black British, Caribbean or African',
      'Mixed or multiple ethnic groups',
      'White',
      'Another ethnic group',
    ],
  },
  { key: 'gender', label: 'Gender', answers: ['Woman', 'Man', 'Non-binary', 'In another way'] },
] as const;

export const ANOTHER_ANSWER = 'Another answer';
export const NOT_ANSWERED = 'Not answered or prefer not to say';

export interface ReachCategory {
  readonly key: string;
  readonly label: string;
  readonly groups: ReadonlyArray<{ readonly answer: string; readonly count: Count }>;
}

export interface ImpactReport {
  readonly period: Period;
  readonly threshold: number;
  readonly people: { readonly involved: Count; readonly newFaces: Count; readonly returning: Count };
  /** Hours partners gave (session length × partners there); undefined when the people behind it are too few to show. */
  readonly hours: { readonly sessions: number; readonly partnerHours: number | undefined };
  readonly reach: {
    readonly agreed: Count;
    readonly notAgreed: Count;
    /** Empty when the number who agreed is hidden: any breakdown would reveal it. */
    readonly categories: readonly ReachCategory[];
  };
  /** Pieces of work, not people: never suppressed. */
  readonly work: { readonly withSessions: number; readonly closedLoop: number };
  readonly money: {
    readonly claimsPaid: Count;
    readonly targetDays: number;
    /** The rest are undefined when so few claims were paid that one person's payment could be recognised. */
    readonly expensesPence: number | undefined;
    readonly paymentsPence: number | undefined;
    readonly medianDaysToPay: number | undefined;
    readonly paidWithinTargetPercent: number | undefined;
  };
}

export interface ReportOptions {
  readonly threshold: number;
  readonly targetDaysToPay: number;
}

export function impactReport(facts: ImpactFacts, period: Period, options: ReportOptions): ImpactReport {
  const { threshold } = options;
  const inThePeriod = facts.sessions.filter((session) => inPeriod(session.date, period));
  const involvedIds = new Set(inThePeriod.flatMap((session) => session.partnerIds));
  const faces = newAndReturning(involvedIds, facts.sessions, period);
  const people = suppressGroup({ newFaces: faces.newFaces, returning: faces.returning }, threshold);
  const partnerMinutes = inThePeriod.reduce(
    (sum, session) => sum + session.durationMinutes * session.partnerIds.length,
    0,
  );
  return {
    period,
    threshold,
    people: { involved: people.total, ...people.cells },
    hours: {
      sessions: inThePeriod.length,
      partnerHours: isShown(people.total) ? Math.round(partnerMinutes / 6) / 10 : undefined,
    },
    reach: reachOf(
      facts.partners.filter((partner) => involvedIds.has(partner.id)),
      involvedIds.size,
      threshold,
    ),
    work: workOf(inThePeriod, facts.work),
    money: moneyOf(
      facts.paidClaims.filter((claim) => inPeriod(claim.paidAt, period)),
      options,
    ),
  };
}

/** New: their first session ever is in the period. Returning: they took part before it too. */
function newAndReturning(
  involved: ReadonlySet<string>,
  sessions: readonly SessionFacts[],
  period: Period,
): { newFaces: number; returning: number } {
  const returningIds = new Set(
    sessions.filter((session) => session.date.slice(0, 10) < period.from).flatMap((session) => session.partnerIds),
  );
  const returning = [...involved].filter((id) => returningIds.has(id)).length;
  return { newFaces: involved.size - returning, returning };
}

function reachOf(partners: readonly PartnerFacts[], involved: number, threshold: number): ImpactReport['reach'] {
  const withAnswers = partners.filter((partner) => partner.equality !== undefined);
  const consent = suppressGroup({ agreed: withAnswers.length, notAgreed: involved - withAnswers.length }, threshold);
  const categories =
    isShown(consent.cells.agreed) && withAnswers.length > 0
      ? EQUALITY_CATEGORIES.map((category) => categoryOf(category, withAnswers, threshold))
      : [];
  return { ...consent.cells, categories };
}

function categoryOf(
  category: (typeof EQUALITY_CATEGORIES)[number],
  partners: readonly PartnerFacts[],
  threshold: number,
): ReachCategory {
  const known: readonly string[] = category.answers;
  const tally: Record<string, number> = Object.fromEntries(
    [...known, ANOTHER_ANSWER, NOT_ANSWERED].map((answer) => [answer, 0]),
  );
  for (const partner of partners) {
    const answer = partner.equality?.[category.key]?.trim();
    const bucket =
      !answer || /prefer not/i.test(answer) ? NOT_ANSWERED : known.includes(answer) ? answer : ANOTHER_ANSWER;
    tally[bucket] = (tally[bucket] ?? 0) + 1;
  }
  const { cells } = suppressGroup(tally, threshold);
  return {
    key: category.key,
    label: category.label,
    groups: Object.entries(cells).map(([answer, count]) => ({ answer, count })),
  };
}

function workOf(sessions: readonly SessionFacts[], work: readonly WorkFacts[]): ImpactReport['work'] {
  const ids = new Set(sessions.map((session) => session.workId));
  return {
    withSessions: ids.size,
    closedLoop: work.filter((piece) => ids.has(piece.id) && piece.feedbackRecorded).length,
  };
}

function moneyOf(claims: readonly PaidClaimFacts[], options: ReportOptions): ImpactReport['money'] {
  const claimsPaid = suppressCount(claims.length, options.threshold);
  const base = { claimsPaid, targetDays: options.targetDaysToPay };
  if (!isShown(claimsPaid) || claims.length === 0) {
    return {
      ...base,
      expensesPence: undefined,
      paymentsPence: undefined,
      medianDaysToPay: undefined,
      paidWithinTargetPercent: undefined,
    };
  }
  const days = claims.map((claim) => daysBetween(claim.submittedAt, claim.paidAt));
  return {
    ...base,
    expensesPence: claims.reduce((sum, claim) => sum + claim.expensesPence, 0),
    paymentsPence: claims.reduce((sum, claim) => sum + claim.paymentsPence, 0),
    medianDaysToPay: Math.round(median(days) * 10) / 10,
    paidWithinTargetPercent: Math.round(
      (100 * days.filter((value) => value <= options.targetDaysToPay).length) / days.length,
    ),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
