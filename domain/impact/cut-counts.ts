import type { CutFigures } from './cut-figures.js';
import type { PaidClaimFacts } from './impact-facts.js';
import { isShown, suppressCountWithin, type Count } from './suppression.js';

/**
 * The unsuppressed counts of one cut of the involvement. They never leave domain/impact: impact-report.ts
 * exports none of these, only the suppressed figures made from them.
 */
export interface Raw {
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
export interface Suppressed {
  readonly raw: Raw;
  readonly shown: CutFigures;
}

/** A count hidden because showing it would give back a count hidden in a wider cut. */
export const HIDDEN_IN_WHOLE: Count = { suppressed: 'secondary', text: 'hidden' };

/** One count through the rule, then as a part of each whole in turn while it is still shown. */
export function suppressCountInWholes(
  value: number,
  threshold: number,
  wholes: ReadonlyArray<{ readonly value: number; readonly shown: Count }>,
): Count {
  return wholes.reduce(
    (count, whole) => (isShown(count) ? suppressCountWithin(value, threshold, whole) : count),
    suppressCountWithin(value, threshold),
  );
}
