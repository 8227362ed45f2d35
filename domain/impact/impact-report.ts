import { EQUALITY_QUESTIONS, type EqualityQuestion } from '../register/equality-questions.js';
import { daysBetween, inPeriod, quartersOf, type Period } from './period.js';
import { isShown, suppressCountWithin, suppressGroup, suppressParts, type Count, type Whole } from './suppression.js';

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
  readonly title?: string | undefined;
  readonly serviceArea?: string | undefined;
  /** The groups the plan set out to reach (the "Who should be involved?" step's choice values). */
  readonly groupsToReach?: readonly string[] | undefined;
  /** The host recorded the outcome (the "after" part). */
  readonly outcomeRecorded?: boolean | undefined;
  /** The host recorded how outcomes were fed back to the people involved. */
  readonly feedbackRecorded: boolean;
  /** The host's "how well did involving people work?" rating, when the outcome has one. */
  readonly hostRating?: string | undefined;
}

export interface PaidClaimFacts {
  readonly id: string;
  /** The piece of work the claim was for, when the host linked one. */
  readonly workId?: string | undefined;
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

/**
 * Partners' own "how was it for you?" answers come from partner messaging (the evaluation
 * invitation, domain/partner-messages). Until those answers are stored, the report says so: this
 * is the seam where their summary joins `evaluations`.
 */
export const PARTNER_EVALUATIONS_PENDING = 'Partners\u2019 own evaluations are not collected yet.';

/** The hosts' rating of how well involving people worked (EVALUATION_RATINGS in domain/planning/plan.ts), in words. */
export const HOST_RATINGS = [
  { rating: 'very-good', label: 'Very well' },
  { rating: 'good', label: 'Well' },
  { rating: 'mixed', label: 'Mixed' },
  { rating: 'poor', label: 'Not well' },
] as const;

export const ANOTHER_ANSWER = 'Another answer';
export const NOT_ANSWERED = 'Not answered or prefer not to say';

export interface ReachCategory {
  readonly key: string;
  readonly label: string;
  readonly groups: ReadonlyArray<{ readonly answer: string; readonly count: Count }>;
}

/** The figures of one cut of the involvement: Trust-wide, one service area, one piece of work or one quarter. */
export interface CutFigures {
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
  readonly evaluations: {
    /** Hosts' ratings of how well involving people worked, for the work with sessions in the cut. */
    readonly hosts: {
      readonly rated: Count;
      readonly ratings: ReadonlyArray<{ readonly rating: string; readonly label: string; readonly count: Count }>;
    };
    /** Partners' own view: not collected yet (PARTNER_EVALUATIONS_PENDING). */
    readonly partners: { readonly note: string };
  };
}

/** A piece of work against the groups it set out to reach. */
export interface WorkCut {
  readonly id: string;
  readonly title: string;
  readonly serviceArea: string | undefined;
  readonly groupsToReach: readonly string[];
  readonly people: CutFigures['people'];
  /** For each group it set out to reach that the equality questions ask about: how its partners answered. */
  readonly reached: readonly ReachCategory[];
  readonly feedbackRecorded: boolean;
}

export interface QuarterFigures extends Pick<CutFigures, 'people' | 'hours' | 'work' | 'money'> {
  readonly period: Period;
}

export interface ImpactReport extends CutFigures {
  readonly period: Period;
  readonly threshold: number;
  readonly byServiceArea: ReadonlyArray<CutFigures & { readonly serviceArea: string }>;
  readonly byWork: readonly WorkCut[];
  /** The same figures quarter by quarter, to show whether reach is improving. */
  readonly quarters: readonly QuarterFigures[];
}

export interface ReportOptions {
  readonly threshold: number;
  readonly targetDaysToPay: number;
}

/** Where no service area was chosen for a piece of work. */
export const NO_SERVICE_AREA = 'No service area given';

export function impactReport(facts: ImpactFacts, period: Period, options: ReportOptions): ImpactReport {
  const trustRaw = rawOf(facts, period, undefined);
  const trust = suppress(trustRaw, options, undefined);
  const whole = { raw: trustRaw, shown: trust };
  const areas = [...new Set(facts.work.map((piece) => piece.serviceArea ?? NO_SERVICE_AREA))].sort();
  const workIn = (area: string): Set<string> =>
    new Set(facts.work.filter((piece) => (piece.serviceArea ?? NO_SERVICE_AREA) === area).map((piece) => piece.id));
  const byServiceArea = areas
    .map((serviceArea) => ({ serviceArea, raw: rawOf(facts, period, workIn(serviceArea)) }))
    .filter(({ raw }) => raw.sessions > 0 || raw.claims.length > 0)
    .map(({ serviceArea, raw }) => ({ serviceArea, ...suppress(raw, options, whole) }));
  return {
    period,
    threshold: options.threshold,
    ...trust,
    byServiceArea,
    byWork: workCuts(facts, period, options, whole),
    quarters: quarterCuts(facts, period, options, whole),
  };
}

/** The unsuppressed counts of one cut; they never leave this module. */
interface Raw {
  readonly sessions: number;
  readonly people: { readonly newFaces: number; readonly returning: number };
  readonly consent: { readonly agreed: number; readonly notAgreed: number };
  readonly categories: ReadonlyMap<string, Record<string, number>>;
  readonly partnerMinutes: number;
  readonly work: { readonly withSessions: number; readonly closedLoop: number };
  readonly ratings: Record<string, number>;
  readonly claims: readonly PaidClaimFacts[];
}

interface WholeFigures {
  readonly raw: Raw;
  readonly shown: CutFigures;
}

function rawOf(facts: ImpactFacts, period: Period, workIds: ReadonlySet<string> | undefined): Raw {
  const inCut = (workId: string | undefined): boolean => !workIds || (workId !== undefined && workIds.has(workId));
  const inThePeriod = facts.sessions.filter((session) => inCut(session.workId) && inPeriod(session.date, period));
  const involvedIds = new Set(inThePeriod.flatMap((session) => session.partnerIds));
  const partners = facts.partners.filter((partner) => involvedIds.has(partner.id));
  // A partner who withdrew equality consent has no answers any more (domain/register/consent.ts): not "agreed".
  const withAnswers = partners.filter((partner) => partner.equality !== undefined);
  const workIdsWithSessions = new Set(inThePeriod.map((session) => session.workId));
  const work = facts.work.filter((piece) => workIdsWithSessions.has(piece.id));
  const ratings: Record<string, number> = Object.fromEntries(HOST_RATINGS.map(({ rating }) => [rating, 0]));
  for (const piece of work) if (piece.hostRating && piece.hostRating in ratings) ratings[piece.hostRating]! += 1;
  return {
    sessions: inThePeriod.length,
    people: newAndReturning(involvedIds, facts.sessions, period),
    consent: { agreed: withAnswers.length, notAgreed: involvedIds.size - withAnswers.length },
    categories: new Map(EQUALITY_QUESTIONS.map((category) => [category.key, tallyOf(category, withAnswers)])),
    partnerMinutes: inThePeriod.reduce((sum, session) => sum + session.durationMinutes * session.partnerIds.length, 0),
    work: { withSessions: workIdsWithSessions.size, closedLoop: work.filter((piece) => piece.feedbackRecorded).length },
    ratings,
    claims: facts.paidClaims.filter((claim) => inCut(claim.workId) && inPeriod(claim.paidAt, period)),
  };
}

/** Every figure of a cut through the one suppression rule, as a cut of `whole` when there is one. */
function suppress(raw: Raw, options: ReportOptions, whole: WholeFigures | undefined): CutFigures {
  const { threshold } = options;
  const people = suppressGroup(
    raw.people,
    threshold,
    whole && {
      values: whole.raw.people,
      shown: {
        total: whole.shown.people.involved,
        cells: { newFaces: whole.shown.people.newFaces, returning: whole.shown.people.returning },
      },
    },
  );
  const consent = suppressGroup(
    raw.consent,
    threshold,
    whole && {
      values: whole.raw.consent,
      shown: {
        total: whole.shown.people.involved,
        cells: { agreed: whole.shown.reach.agreed, notAgreed: whole.shown.reach.notAgreed },
      },
    },
  );
  const categories =
    isShown(consent.cells.agreed) && raw.consent.agreed > 0
      ? EQUALITY_QUESTIONS.map((category) => categoryOf(category, raw, threshold, whole))
      : [];
  const claimsPaid = suppressCountWithin(
    raw.claims.length,
    threshold,
    whole && { value: whole.raw.claims.length, shown: whole.shown.money.claimsPaid },
  );
  const ratings = suppressGroup(
    raw.ratings,
    threshold,
    whole && wholeOf(whole.raw.ratings, whole.shown.evaluations.hosts),
  );
  return {
    people: { involved: people.total, newFaces: people.cells.newFaces, returning: people.cells.returning },
    hours: {
      sessions: raw.sessions,
      partnerHours: isShown(people.total) ? Math.round(raw.partnerMinutes / 6) / 10 : undefined,
    },
    reach: { ...consent.cells, categories },
    work: raw.work,
    money: moneyOf(raw.claims, claimsPaid, options),
    evaluations: {
      hosts: {
        rated: ratings.total,
        ratings: HOST_RATINGS.map(({ rating, label }) => ({ rating, label, count: ratings.cells[rating]! })),
      },
      partners: { note: PARTNER_EVALUATIONS_PENDING },
    },
  };
}

function wholeOf(
  values: Record<string, number>,
  shown: { readonly rated: Count; readonly ratings: ReadonlyArray<{ readonly rating: string; readonly count: Count }> },
): Whole<string> {
  return {
    values,
    shown: {
      total: shown.rated,
      cells: Object.fromEntries(shown.ratings.map(({ rating, count }) => [rating, count])),
    },
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

function tallyOf(category: EqualityQuestion, partners: readonly PartnerFacts[]): Record<string, number> {
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
  return tally;
}

function categoryOf(
  category: EqualityQuestion,
  raw: Raw,
  threshold: number,
  whole: WholeFigures | undefined,
): ReachCategory {
  const tally = raw.categories.get(category.key) ?? {};
  const wholeTally = whole?.raw.categories.get(category.key);
  const wholeShown = whole?.shown.reach.categories.find((shown) => shown.key === category.key);
  const { cells } = suppressGroup(
    tally,
    threshold,
    whole &&
      wholeTally && {
        values: wholeTally,
        shown: {
          total: whole.shown.reach.agreed,
          // The whole has no breakdown when its "agreed" is hidden: then neither may the cut.
          cells: Object.fromEntries(
            Object.keys(tally).map((answer) => [
              answer,
              wholeShown?.groups.find((group) => group.answer === answer)?.count ?? HIDDEN_IN_WHOLE,
            ]),
          ),
        },
      },
  );
  return {
    key: category.key,
    label: category.short,
    groups: Object.entries(cells).map(([answer, count]) => ({ answer, count })),
  };
}

const HIDDEN_IN_WHOLE: Count = { suppressed: 'secondary', text: 'hidden' };

function workCuts(facts: ImpactFacts, period: Period, options: ReportOptions, whole: WholeFigures): WorkCut[] {
  return facts.work
    .map((piece) => ({ piece, raw: rawOf(facts, period, new Set([piece.id])) }))
    .filter(({ raw }) => raw.sessions > 0)
    .map(({ piece, raw }) => {
      const figures = suppress(raw, options, whole);
      const groups = piece.groupsToReach ?? [];
      const asked = new Set<string>(
        EQUALITY_QUESTIONS.filter((category) => category.planGroups.some((group) => groups.includes(group))).map(
          (category) => category.key,
        ),
      );
      return {
        id: piece.id,
        title: piece.title ?? 'Untitled work',
        serviceArea: piece.serviceArea,
        groupsToReach: groups,
        people: figures.people,
        reached: figures.reach.categories.filter((category) => asked.has(category.key)),
        feedbackRecorded: piece.feedbackRecorded,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
}

/**
 * Quarter by quarter. Each quarter is a cut of the period; new faces and claims paid add up across
 * quarters to the period's figure, so they are also suppressed as parts of it.
 */
function quarterCuts(
  facts: ImpactFacts,
  period: Period,
  options: ReportOptions,
  whole: WholeFigures,
): QuarterFigures[] {
  const raws = quartersOf(period).map((quarter) => ({ quarter, raw: rawOf(facts, quarter, undefined) }));
  const cuts = raws.map(({ quarter, raw }) => ({ period: quarter, raw, figures: suppress(raw, options, whole) }));
  const newFaces = suppressParts(
    cuts.map((cut) => cut.figures.people.newFaces),
    cuts.map((cut) => cut.raw.people.newFaces),
    whole.shown.people.newFaces,
  );
  const claimsPaid = suppressParts(
    cuts.map((cut) => cut.figures.money.claimsPaid),
    cuts.map((cut) => cut.raw.claims.length),
    whole.shown.money.claimsPaid,
  );
  return cuts.map(({ period: quarter, raw, figures }, index) => {
    let { people, hours, money } = figures;
    if (newFaces[index] !== people.newFaces) {
      // Hiding new faces inside a quarter whose total is shown: "returning" would give it back, and with none returning so would the total.
      const returning = raw.people.returning > 0 ? HIDDEN_IN_WHOLE : people.returning;
      const involved = raw.people.returning > 0 ? people.involved : HIDDEN_IN_WHOLE;
      people = { involved, newFaces: newFaces[index]!, returning };
      if (!isShown(involved)) hours = { ...hours, partnerHours: undefined };
    }
    if (claimsPaid[index] !== money.claimsPaid) money = moneyOf([], claimsPaid[index]!, options);
    return { period: quarter, people, hours, work: figures.work, money };
  });
}

function moneyOf(claims: readonly PaidClaimFacts[], claimsPaid: Count, options: ReportOptions): CutFigures['money'] {
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
