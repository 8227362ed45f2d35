import { EQUALITY_QUESTIONS, type EqualityQuestion } from '../register/equality-questions.js';
import { EVALUATION_QUESTIONS, NOT_ANSWERED_LABEL, NOT_ANSWERED_VALUE } from '../evaluations/questions.js';
import { daysBetween, inPeriod, quartersOf, type Period } from './period.js';
import {
  isShown,
  suppressCountWithin,
  suppressGroup,
  suppressParts,
  suppressRelated,
  type Cell,
  type Count,
  type SumRelation,
  type Whole,
} from './suppression.js';

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

/** One partner's "how was it for you?" (domain/evaluations): the piece of work, the day, the answers; never who, never free text. */
export interface PartnerEvaluationFacts {
  readonly workId: string;
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly answers: Readonly<Record<string, string>>;
}

export interface ImpactFacts {
  /** Every session up to the end of the period (earlier ones tell new faces from returning ones). */
  readonly sessions: readonly SessionFacts[];
  /** The partners who took part in a session in the period and are still on the register, with equality consent. */
  readonly partners: readonly PartnerFacts[];
  readonly work: readonly WorkFacts[];
  /** Claims paid in the period. */
  readonly paidClaims: readonly PaidClaimFacts[];
  /** Partners' own evaluations given in the period. */
  readonly partnerEvaluations?: readonly PartnerEvaluationFacts[] | undefined;
}

/** Said where a cut has no partner evaluations in the period (partners are invited when a piece of work closes). */
export const PARTNER_EVALUATIONS_NONE =
  'Partners\u2019 own evaluations: not collected yet for this period. Partners are invited to say how it was when a piece of work closes.';

/** Said where some partners answered but too few to show anything of what they said. */
export function partnerEvaluationsTooFew(threshold: number): string {
  return `Fewer than ${threshold} partners answered, so their answers are not shown: nobody could be recognised.`;
}

/** One question of partners' "how was it for you?", answer by answer (each cell an evaluation). */
export interface PartnerQuestionSummary {
  readonly key: string;
  readonly label: string;
  readonly answers: ReadonlyArray<{ readonly value: string; readonly label: string; readonly count: Count }>;
}

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
    /** Partners' own view ("how was it for you?"), answers given in the period for the work in the cut. */
    readonly partners: {
      readonly answered: Count;
      /** Empty when the number who answered is hidden: any breakdown would reveal it. */
      readonly questions: readonly PartnerQuestionSummary[];
      /** Why nothing is shown, when nothing is. */
      readonly note: string | undefined;
    };
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

/** One service area's figures. */
export interface AreaFigures extends CutFigures {
  readonly serviceArea: string;
}

export interface ImpactReport extends CutFigures {
  readonly period: Period;
  readonly threshold: number;
  readonly byServiceArea: readonly AreaFigures[];
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
  const trust: Suppressed = { raw: trustRaw, shown: suppress(trustRaw, options, []) };
  const trustQuarters = quarterCuts(facts, period, options, trust);
  const areaNames = [...new Set(facts.work.map((piece) => piece.serviceArea ?? NO_SERVICE_AREA))].sort();
  const workIn = (area: string): Set<string> =>
    new Set(facts.work.filter((piece) => (piece.serviceArea ?? NO_SERVICE_AREA) === area).map((piece) => piece.id));
  const areas = areaNames
    .map((serviceArea) => ({ serviceArea, workIds: workIn(serviceArea) }))
    .map(({ serviceArea, workIds }) => ({ serviceArea, workIds, raw: rawOf(facts, period, workIds) }))
    .filter(({ raw }) => raw.sessions > 0 || raw.claims.length > 0)
    .map(({ serviceArea, workIds, raw }) => {
      const area: Suppressed = { raw, shown: suppress(raw, options, [trust]) };
      return { serviceArea, workIds, ...area };
    });
  const works = workCuts(facts, period, options, trust);
  const cells = suppressAcrossCuts(trust, areas, works, options);
  return {
    period,
    threshold: options.threshold,
    ...trust.shown,
    byServiceArea: areas.map((area, index) => ({ serviceArea: area.serviceArea, ...cells.areas[index]! })),
    byWork: works.map(({ piece, figures }, index) => workCut(piece, figures, cells.works[index]!)),
    quarters: trustQuarters.map(quarterFigures),
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
  /** Partners' evaluations in the cut, and each question's answers (blank ones as not answered). */
  readonly partnerAnswers: {
    readonly answered: number;
    readonly questions: ReadonlyMap<string, Record<string, number>>;
  };
}

/** A cut's unsuppressed counts and its suppressed figures: the whole that narrower cuts are suppressed within. */
interface Suppressed {
  readonly raw: Raw;
  readonly shown: CutFigures;
}

interface QuarterCut extends Suppressed {
  readonly period: Period;
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
    partnerAnswers: partnerAnswersOf(
      (facts.partnerEvaluations ?? []).filter((given) => inCut(given.workId) && inPeriod(given.day, period)),
    ),
  };
}

function partnerAnswersOf(given: readonly PartnerEvaluationFacts[]): Raw['partnerAnswers'] {
  const questions = new Map(
    EVALUATION_QUESTIONS.map((question) => {
      const tally: Record<string, number> = Object.fromEntries(
        [...question.answers.map((answer) => answer.value), NOT_ANSWERED_VALUE].map((value) => [value, 0]),
      );
      for (const evaluation of given) {
        const answer = evaluation.answers[question.key];
        const bucket = answer !== undefined && answer in tally ? answer : NOT_ANSWERED_VALUE;
        tally[bucket]! += 1;
      }
      return [question.key, tally] as const;
    }),
  );
  return { answered: given.length, questions };
}

/** Every figure of a cut through the one suppression rule, as a cut of each of `wholes` (none for the Trust). */
function suppress(raw: Raw, options: ReportOptions, wholes: readonly Suppressed[]): CutFigures {
  const { threshold } = options;
  const people = suppressGroup(
    raw.people,
    threshold,
    wholes.map((whole) => ({
      values: whole.raw.people,
      shown: {
        total: whole.shown.people.involved,
        cells: { newFaces: whole.shown.people.newFaces, returning: whole.shown.people.returning },
      },
    })),
  );
  const consent = suppressGroup(
    raw.consent,
    threshold,
    wholes.map((whole) => ({
      values: whole.raw.consent,
      shown: {
        total: whole.shown.people.involved,
        cells: { agreed: whole.shown.reach.agreed, notAgreed: whole.shown.reach.notAgreed },
      },
    })),
  );
  const categories =
    isShown(consent.cells.agreed) && raw.consent.agreed > 0
      ? EQUALITY_QUESTIONS.map((category) => categoryOf(category, raw, threshold, wholes))
      : [];
  const claimsPaid = wholes.reduce(
    (count, whole) =>
      isShown(count)
        ? suppressCountWithin(raw.claims.length, threshold, {
            value: whole.raw.claims.length,
            shown: whole.shown.money.claimsPaid,
          })
        : count,
    suppressCountWithin(raw.claims.length, threshold),
  );
  const ratings = suppressGroup(
    raw.ratings,
    threshold,
    wholes.map((whole) => wholeOf(whole.raw.ratings, whole.shown.evaluations.hosts)),
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
      partners: partnersOf(raw, threshold, wholes),
    },
  };
}

/** Partners' answers through the one rule: the number who answered, then each question as a group adding up to it. */
function partnersOf(raw: Raw, threshold: number, wholes: readonly Suppressed[]): CutFigures['evaluations']['partners'] {
  const { answered: value, questions } = raw.partnerAnswers;
  const answered = wholes.reduce(
    (count, whole) =>
      isShown(count)
        ? suppressCountWithin(value, threshold, {
            value: whole.raw.partnerAnswers.answered,
            shown: whole.shown.evaluations.partners.answered,
          })
        : count,
    suppressCountWithin(value, threshold),
  );
  if (value === 0) return { answered, questions: [], note: PARTNER_EVALUATIONS_NONE };
  if (!isShown(answered)) return { answered, questions: [], note: partnerEvaluationsTooFew(threshold) };
  return {
    answered,
    questions: EVALUATION_QUESTIONS.map((question) => {
      const tally = questions.get(question.key) ?? {};
      const { cells } = suppressGroup(
        tally,
        threshold,
        wholes.map((whole) => {
          const wholeShown = whole.shown.evaluations.partners;
          const wholeQuestion = wholeShown.questions.find((shown) => shown.key === question.key);
          return {
            values: whole.raw.partnerAnswers.questions.get(question.key) ?? {},
            shown: {
              total: wholeShown.answered,
              // The whole has no breakdown when its number answered is hidden: then neither may the cut.
              cells: Object.fromEntries(
                Object.keys(tally).map((answer) => [
                  answer,
                  wholeQuestion?.answers.find((shown) => shown.value === answer)?.count ?? HIDDEN_IN_WHOLE,
                ]),
              ),
            },
          };
        }),
      );
      return {
        key: question.key,
        label: question.short,
        answers: Object.entries(cells).map(([answer, count]) => ({
          value: answer,
          label: answerLabel(question.key, answer),
          count,
        })),
      };
    }),
    note: undefined,
  };
}

function answerLabel(key: string, value: string): string {
  if (value === NOT_ANSWERED_VALUE) return NOT_ANSWERED_LABEL;
  const question = EVALUATION_QUESTIONS.find((candidate) => candidate.key === key);
  return question?.answers.find((answer) => answer.value === value)?.label ?? value;
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
  wholes: readonly Suppressed[],
): ReachCategory {
  const tally = raw.categories.get(category.key) ?? {};
  const { cells } = suppressGroup(
    tally,
    threshold,
    wholes.map((whole) => {
      const wholeShown = whole.shown.reach.categories.find((shown) => shown.key === category.key);
      return {
        values: whole.raw.categories.get(category.key) ?? {},
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
      };
    }),
  );
  return {
    key: category.key,
    label: category.short,
    groups: Object.entries(cells).map(([answer, count]) => ({ answer, count })),
  };
}

const HIDDEN_IN_WHOLE: Count = { suppressed: 'secondary', text: 'hidden' };

interface WorkFigures {
  readonly piece: WorkFacts;
  readonly raw: Raw;
  readonly figures: CutFigures;
}

function workCuts(facts: ImpactFacts, period: Period, options: ReportOptions, whole: Suppressed): WorkFigures[] {
  return facts.work
    .map((piece) => ({ piece, raw: rawOf(facts, period, new Set([piece.id])) }))
    .filter(({ raw }) => raw.sessions > 0)
    .map(({ piece, raw }) => ({ piece, raw, figures: suppress(raw, options, [whole]) }))
    .sort((a, b) => (a.piece.title ?? UNTITLED).localeCompare(b.piece.title ?? UNTITLED, 'en-GB'));
}

const UNTITLED = 'Untitled work';

function workCut(piece: WorkFacts, figures: CutFigures, people: CutFigures['people']): WorkCut {
  const groups = piece.groupsToReach ?? [];
  const asked = new Set<string>(
    EQUALITY_QUESTIONS.filter((category) => category.planGroups.some((group) => groups.includes(group))).map(
      (category) => category.key,
    ),
  );
  return {
    id: piece.id,
    title: piece.title ?? UNTITLED,
    serviceArea: piece.serviceArea,
    groupsToReach: groups,
    people,
    reached: figures.reach.categories.filter((category) => asked.has(category.key)),
    feedbackRecorded: piece.feedbackRecorded,
  };
}

/**
 * Quarter by quarter. Each quarter is a cut of the period; new faces and claims paid add up across
 * quarters to the period's figure, so they are also suppressed as parts of it.
 */
function quarterCuts(facts: ImpactFacts, period: Period, options: ReportOptions, whole: Suppressed): QuarterCut[] {
  const cuts = quartersOf(period).map((quarter) => {
    const raw = rawOf(facts, quarter, undefined);
    return { period: quarter, raw, shown: suppress(raw, options, [whole]) };
  });
  const newFaces = suppressParts(
    cuts.map((cut) => cut.shown.people.newFaces),
    cuts.map((cut) => cut.raw.people.newFaces),
    whole.shown.people.newFaces,
  );
  const claimsPaid = suppressParts(
    cuts.map((cut) => cut.shown.money.claimsPaid),
    cuts.map((cut) => cut.raw.claims.length),
    whole.shown.money.claimsPaid,
  );
  return cuts.map(({ period: quarter, raw, shown }, index) => {
    let { people, hours, money } = shown;
    if (newFaces[index] !== people.newFaces) {
      // Hiding new faces inside a quarter whose total is shown: "returning" would give it back, and with none returning so would the total.
      const returning = raw.people.returning > 0 ? HIDDEN_IN_WHOLE : people.returning;
      const involved = raw.people.returning > 0 ? people.involved : HIDDEN_IN_WHOLE;
      people = { involved, newFaces: newFaces[index]!, returning };
      if (!isShown(involved)) hours = { ...hours, partnerHours: undefined };
    }
    if (claimsPaid[index] !== money.claimsPaid) money = moneyOf([], claimsPaid[index]!, options);
    return { period: quarter, raw, shown: { ...shown, people, hours, money } };
  });
}

function quarterFigures({ period, shown }: QuarterCut): QuarterFigures {
  return { period, people: shown.people, hours: shown.hours, work: shown.work, money: shown.money };
}

/** The published counts of one cut, as cells a reader could add up or subtract. */
interface CutCells {
  readonly people: { readonly involved: Cell; readonly newFaces: Cell; readonly returning: Cell };
  readonly consent: { readonly agreed: Cell; readonly notAgreed: Cell };
  readonly claimsPaid: Cell;
  readonly rated: Cell;
  readonly ratings: ReadonlyMap<string, Cell>;
  /** Question key → answer → cell; an answer not published (no breakdown shown) is a hidden cell. */
  readonly categories: ReadonlyMap<string, ReadonlyMap<string, Cell>>;
  /** Partners' own evaluations: how many answered, and each question's answers (as `categories`). */
  readonly answered: Cell;
  readonly partnerAnswers: ReadonlyMap<string, ReadonlyMap<string, Cell>>;
}

function cellsOf({ raw, shown }: Suppressed): CutCells {
  const cell = (value: number, count: Count): Cell => ({ value, count });
  return {
    people: {
      involved: cell(raw.people.newFaces + raw.people.returning, shown.people.involved),
      newFaces: cell(raw.people.newFaces, shown.people.newFaces),
      returning: cell(raw.people.returning, shown.people.returning),
    },
    consent: {
      agreed: cell(raw.consent.agreed, shown.reach.agreed),
      notAgreed: cell(raw.consent.notAgreed, shown.reach.notAgreed),
    },
    claimsPaid: cell(raw.claims.length, shown.money.claimsPaid),
    rated: cell(
      Object.values(raw.ratings).reduce((sum, value) => sum + value, 0),
      shown.evaluations.hosts.rated,
    ),
    ratings: new Map(
      shown.evaluations.hosts.ratings.map((row) => [row.rating, cell(raw.ratings[row.rating] ?? 0, row.count)]),
    ),
    categories: new Map(
      [...raw.categories].map(([key, tally]) => {
        const published = shown.reach.categories.find((category) => category.key === key);
        return [
          key,
          new Map(
            Object.entries(tally).map(([answer, value]) => [
              answer,
              cell(
                value,
                published?.groups.find((group) => group.answer === answer)?.count ??
                  (value === 0 ? { value: 0, text: '0' } : HIDDEN_IN_WHOLE),
              ),
            ]),
          ),
        ];
      }),
    ),
    answered: cell(raw.partnerAnswers.answered, shown.evaluations.partners.answered),
    partnerAnswers: new Map(
      [...raw.partnerAnswers.questions].map(([key, tally]) => {
        const published = shown.evaluations.partners.questions.find((question) => question.key === key);
        return [
          key,
          new Map(
            Object.entries(tally).map(([answer, value]) => [
              answer,
              cell(
                value,
                published?.answers.find((row) => row.value === answer)?.count ??
                  (value === 0 ? { value: 0, text: '0' } : HIDDEN_IN_WHOLE),
              ),
            ]),
          ),
        ];
      }),
    ),
  };
}

type Scope = 'people' | 'all';

/** The cells a cut publishes, by a key shared across cuts: pieces of work show only people. */
function keyed(cells: CutCells, scope: Scope): Map<string, Cell> {
  const out = new Map<string, Cell>(Object.entries(cells.people));
  if (scope === 'people') return out;
  out.set('claimsPaid', cells.claimsPaid);
  out.set('agreed', cells.consent.agreed);
  out.set('notAgreed', cells.consent.notAgreed);
  out.set('rated', cells.rated);
  for (const [rating, cell] of cells.ratings) out.set(`rating:${rating}`, cell);
  for (const [key, answers] of cells.categories)
    for (const [answer, cell] of answers) out.set(`answer:${key}:${answer}`, cell);
  out.set('answered', cells.answered);
  for (const [key, answers] of cells.partnerAnswers)
    for (const [answer, cell] of answers) out.set(`partner:${key}:${answer}`, cell);
  return out;
}

function withinCut(cells: CutCells, scope: Scope): SumRelation[] {
  const { people, consent } = cells;
  const relations: SumRelation[] = [{ total: people.involved, parts: [people.newFaces, people.returning] }];
  if (scope !== 'all') return relations;
  relations.push({ total: people.involved, parts: [consent.agreed, consent.notAgreed] });
  relations.push({ total: cells.rated, parts: [...cells.ratings.values()] });
  for (const answers of cells.categories.values())
    relations.push({ total: consent.agreed, parts: [...answers.values()] });
  for (const answers of cells.partnerAnswers.values())
    relations.push({ total: cells.answered, parts: [...answers.values()] });
  return relations;
}

/** Cuts that between them make up a whole (the service areas of the Trust): each shared key is a sum. */
function acrossCuts(whole: CutCells, parts: readonly CutCells[], scope: Scope, fixedTotal: boolean): SumRelation[] {
  if (parts.length === 0) return [];
  const total = keyed(whole, scope);
  const byKey = parts.map((part) => keyed(part, scope));
  return [...total].map(([key, cell]) => ({
    total: cell,
    parts: byKey.map((part) => part.get(key)).filter((part): part is Cell => part !== undefined),
    fixedTotal,
  }));
}

/**
 * Disclosure by difference across several cuts at once. The service areas make up the Trust, and the
 * pieces of work make up their area and the Trust: shown side by side, three areas could give back a
 * fourth's hidden count by subtraction from the Trust's. Every one of those sums goes through the
 * secondary rule together with the sums inside each cut, until no sum has exactly one hidden count.
 * People who took part in two areas are counted in both, so for people a sum is an upper bound; it is
 * treated as exact, which hides more rather than less. The Trust's figures were worked out first (every
 * cut was suppressed against them): here they are only ever a fixed total, so what they show stays.
 */
function suppressAcrossCuts(
  trust: Suppressed,
  areas: ReadonlyArray<Suppressed & { readonly workIds: ReadonlySet<string> }>,
  works: readonly WorkFigures[],
  options: ReportOptions,
): { readonly areas: readonly CutFigures[]; readonly works: ReadonlyArray<CutFigures['people']> } {
  const trustCells = cellsOf(trust);
  const areaCells = areas.map(cellsOf);
  const workCells = works.map(({ raw, figures }) => cellsOf({ raw, shown: figures }));
  suppressRelated([
    ...areaCells.flatMap((cells) => withinCut(cells, 'all')),
    ...workCells.flatMap((cells) => withinCut(cells, 'people')),
    ...acrossCuts(trustCells, areaCells, 'all', true),
    ...acrossCuts(trustCells, workCells, 'people', true),
    ...areas.flatMap((area, index) =>
      acrossCuts(
        areaCells[index]!,
        workCells.filter((_, workIndex) => area.workIds.has(works[workIndex]!.piece.id)),
        'people',
        false,
      ),
    ),
  ]);
  return {
    areas: areas.map((area, index) => withCells(area.shown, areaCells[index]!, options)),
    works: workCells.map((cells) => ({
      involved: cells.people.involved.count,
      newFaces: cells.people.newFaces.count,
      returning: cells.people.returning.count,
    })),
  };
}

/** A cut's figures with the counts the cross-cut rule left, and what follows from them (hours, amounts, breakdowns). */
function withCells(figures: CutFigures, cells: CutCells, options: ReportOptions): CutFigures {
  const involved = cells.people.involved.count;
  const agreed = cells.consent.agreed.count;
  const claimsPaid = cells.claimsPaid.count;
  return {
    ...figures,
    people: { involved, newFaces: cells.people.newFaces.count, returning: cells.people.returning.count },
    hours: isShown(involved) ? figures.hours : { ...figures.hours, partnerHours: undefined },
    reach: {
      agreed,
      notAgreed: cells.consent.notAgreed.count,
      categories: isShown(agreed)
        ? figures.reach.categories.map((category) => ({
            ...category,
            groups: category.groups.map((group) => ({
              answer: group.answer,
              count: cells.categories.get(category.key)?.get(group.answer)?.count ?? group.count,
            })),
          }))
        : [],
    },
    money: claimsPaid === figures.money.claimsPaid ? figures.money : moneyOf([], claimsPaid, options),
    evaluations: {
      partners: partnersWithCells(figures.evaluations.partners, cells, options.threshold),
      hosts: {
        rated: cells.rated.count,
        ratings: figures.evaluations.hosts.ratings.map((row) => ({
          ...row,
          count: cells.ratings.get(row.rating)?.count ?? row.count,
        })),
      },
    },
  };
}

function partnersWithCells(
  partners: CutFigures['evaluations']['partners'],
  cells: CutCells,
  threshold: number,
): CutFigures['evaluations']['partners'] {
  const answered = cells.answered.count;
  if (!isShown(answered)) return { answered, questions: [], note: partnerEvaluationsTooFew(threshold) };
  return {
    ...partners,
    answered,
    questions: partners.questions.map((question) => ({
      ...question,
      answers: question.answers.map((row) => ({
        ...row,
        count: cells.partnerAnswers.get(question.key)?.get(row.value)?.count ?? row.count,
      })),
    })),
  };
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
