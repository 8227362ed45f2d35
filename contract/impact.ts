import { z } from 'zod';

/** "Is it working?" (journey 8): figures for a period, every count of people already suppressed by the server. */

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD, for example 2026-04-01.')
  .refine(
    (value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value),
    'That is not a real date.',
  )
  .optional()
  .transform((value) => value || undefined);

/** Both ends optional: the server's default is the 12 months up to today. */
export const impactQuerySchema = z.object({ from: day, to: day });

/** The board report: the same period, for the Trust or one service area (a channel tab pinned for it), as CSV or tagged PDF. */
export const boardReportQuerySchema = impactQuerySchema.extend({
  format: z.enum(['csv', 'pdf'], 'Choose csv or pdf.'),
  serviceArea: z
    .string()
    .max(80)
    .optional()
    .transform((value) => value?.trim() || undefined),
});

/** A count of people: its value, or only "fewer than N" when it could identify someone. */
export type Count =
  | { readonly value: number; readonly text: string }
  | { readonly suppressed: 'small' | 'secondary'; readonly text: string };

export interface ReachCategory {
  readonly key: string;
  readonly label: string;
  readonly groups: ReadonlyArray<{ readonly answer: string; readonly count: Count }>;
}

/** The figures of one cut: Trust-wide, one service area, one piece of work or one quarter. */
export interface CutFigures {
  readonly people: { readonly involved: Count; readonly newFaces: Count; readonly returning: Count };
  readonly hours: { readonly sessions: number; readonly partnerHours?: number | undefined };
  readonly reach: { readonly agreed: Count; readonly notAgreed: Count; readonly categories: readonly ReachCategory[] };
  readonly work: { readonly withSessions: number; readonly closedLoop: number };
  readonly money: {
    readonly claimsPaid: Count;
    readonly targetDays: number;
    /** The rest are absent when so few claims were paid that one person's payment could be recognised. */
    readonly expensesPence?: number | undefined;
    readonly paymentsPence?: number | undefined;
    readonly medianDaysToPay?: number | undefined;
    readonly paidWithinTargetPercent?: number | undefined;
  };
  readonly evaluations: {
    readonly hosts: {
      readonly rated: Count;
      readonly ratings: ReadonlyArray<{ readonly rating: string; readonly label: string; readonly count: Count }>;
    };
    /** Partners' own "how was it for you?": how many answered, then each question answer by answer. */
    readonly partners: {
      readonly answered: Count;
      /** Empty when the number who answered is hidden. */
      readonly questions: ReadonlyArray<{
        readonly key: string;
        readonly label: string;
        readonly answers: ReadonlyArray<{ readonly value: string; readonly label: string; readonly count: Count }>;
      }>;
      /** Why nothing is shown, when nothing is. */
      readonly note?: string | undefined;
    };
  };
}

/** One calendar quarter of the period (clipped to it): the figures a trend is drawn from. */
export type QuarterFigures = Pick<CutFigures, 'people' | 'hours' | 'work' | 'money'> & {
  readonly period: { readonly from: string; readonly to: string };
};

export interface ImpactReport extends CutFigures {
  readonly period: { readonly from: string; readonly to: string };
  readonly threshold: number;
  readonly byServiceArea: ReadonlyArray<CutFigures & { readonly serviceArea: string }>;
  readonly byWork: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly serviceArea?: string | undefined;
    readonly groupsToReach: readonly string[];
    readonly people: CutFigures['people'];
    readonly reached: readonly ReachCategory[];
    readonly feedbackRecorded: boolean;
  }>;
  readonly quarters: readonly QuarterFigures[];
}
