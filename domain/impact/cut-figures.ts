import type { Period } from './period.js';
import type { Count } from './suppression.js';

/** What "Is it working?" publishes: every count in it has been through the suppression rule. */

/** One question of partners' "how was it for you?", answer by answer (each cell an evaluation). */
export interface PartnerQuestionSummary {
  readonly key: string;
  readonly label: string;
  readonly answers: ReadonlyArray<{ readonly value: string; readonly label: string; readonly count: Count }>;
}

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
