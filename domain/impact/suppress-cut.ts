import type { CutFigures, ReportOptions } from './cut-figures.js';
import type { Raw, Suppressed } from './cut-counts.js';
import { hoursOf, peopleOf } from './faces-and-hours.js';
import { hostRatingsOf } from './host-ratings.js';
import { claimsPaidOf, moneyOf } from './money-and-days-to-pay.js';
import { partnersOf } from './partner-answers.js';
import { reachOf } from './reach-across-characteristics.js';

/** Every figure of a cut through the one suppression rule, as a cut of each of `wholes` (none for the Trust). */
export function suppressCut(raw: Raw, options: ReportOptions, wholes: readonly Suppressed[]): CutFigures {
  const { threshold } = options;
  const people = peopleOf(raw, threshold, wholes);
  return {
    people,
    hours: hoursOf(raw, people.involved),
    reach: reachOf(raw, threshold, wholes),
    work: raw.work,
    money: moneyOf(raw.claims, claimsPaidOf(raw, threshold, wholes), options),
    evaluations: {
      hosts: hostRatingsOf(raw, threshold, wholes),
      partners: partnersOf(raw, threshold, wholes),
    },
  };
}
