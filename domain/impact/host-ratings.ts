import type { CutFigures } from './cut-figures.js';
import type { Raw, Suppressed } from './cut-counts.js';
import type { WorkFacts } from './impact-facts.js';
import { suppressGroup, type Count, type Whole } from './suppression.js';

/** The hosts' rating of how well involving people worked (EVALUATION_RATINGS in domain/planning/plan.ts), in words. */
export const HOST_RATINGS = [
  { rating: 'very-good', label: 'Very well' },
  { rating: 'good', label: 'Well' },
  { rating: 'mixed', label: 'Mixed' },
  { rating: 'poor', label: 'Not well' },
] as const;

/** How many pieces of work had each rating (pieces without one, or with an unknown one, are not counted). */
export function ratingsOf(work: readonly WorkFacts[]): Record<string, number> {
  const ratings: Record<string, number> = Object.fromEntries(HOST_RATINGS.map(({ rating }) => [rating, 0]));
  for (const piece of work) if (piece.hostRating && piece.hostRating in ratings) ratings[piece.hostRating]! += 1;
  return ratings;
}

/** The ratings through the rule, as a group adding up to the number rated. */
export function hostRatingsOf(
  raw: Raw,
  threshold: number,
  wholes: readonly Suppressed[],
): CutFigures['evaluations']['hosts'] {
  const ratings = suppressGroup(
    raw.ratings,
    threshold,
    wholes.map((whole) => wholeOf(whole.raw.ratings, whole.shown.evaluations.hosts)),
  );
  return {
    rated: ratings.total,
    ratings: HOST_RATINGS.map(({ rating, label }) => ({ rating, label, count: ratings.cells[rating]! })),
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
