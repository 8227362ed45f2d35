import type { CutFigures, ReportOptions } from './cut-figures.js';
import { suppressCountInWholes, type Raw, type Suppressed } from './cut-counts.js';
import type { PaidClaimFacts } from './impact-facts.js';
import { daysBetween } from './period.js';
import { isShown, type Count } from './suppression.js';

/** Claims paid, what they paid out, and how quickly: the amounts only when enough claims were paid. */

/** The number of claims paid through the rule, as a part of each of `wholes` in turn. */
export function claimsPaidOf(raw: Raw, threshold: number, wholes: readonly Suppressed[]): Count {
  return suppressCountInWholes(
    raw.claims.length,
    threshold,
    wholes.map((whole) => ({ value: whole.raw.claims.length, shown: whole.shown.money.claimsPaid })),
  );
}

export function moneyOf(
  claims: readonly PaidClaimFacts[],
  claimsPaid: Count,
  options: ReportOptions,
): CutFigures['money'] {
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
