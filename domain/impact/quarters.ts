import type { QuarterFigures, ReportOptions } from './cut-figures.js';
import { HIDDEN_IN_WHOLE, type Suppressed } from './cut-counts.js';
import { rawOf } from './count-cut.js';
import type { ImpactFacts } from './impact-facts.js';
import { moneyOf } from './money-and-days-to-pay.js';
import { quartersOf, type Period } from './period.js';
import { isShown, suppressParts } from './suppression.js';
import { suppressCut } from './suppress-cut.js';

interface QuarterCut extends Suppressed {
  readonly period: Period;
}

/**
 * Quarter by quarter. Each quarter is a cut of the period; new faces and claims paid add up across
 * quarters to the period's figure, so they are also suppressed as parts of it.
 */
export function quarterCuts(
  facts: ImpactFacts,
  period: Period,
  options: ReportOptions,
  whole: Suppressed,
): QuarterCut[] {
  const cuts = quartersOf(period).map((quarter) => {
    const raw = rawOf(facts, quarter, undefined);
    return { period: quarter, raw, shown: suppressCut(raw, options, [whole]) };
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

export function quarterFigures({ period, shown }: QuarterCut): QuarterFigures {
  return { period, people: shown.people, hours: shown.hours, work: shown.work, money: shown.money };
}
