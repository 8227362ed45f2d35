import { ValidationError } from '../errors.js';

/** A reporting period: whole days, both ends included (YYYY-MM-DD). */
export interface Period {
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 366 * 5;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The 12 months up to and including today. */
export function lastTwelveMonths(today: Date): Period {
  const start = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1));
  return { from: isoDay(start), to: isoDay(today) };
}

/** Fills a missing end from the default period and refuses periods that make no sense. */
export function periodFrom(asked: { from?: string | undefined; to?: string | undefined }, today: Date): Period {
  const fallback = lastTwelveMonths(today);
  const period = { from: asked.from ?? fallback.from, to: asked.to ?? fallback.to };
  if (period.from > period.to)
    throw new ValidationError('The start of the period must be on or before its end.', [
      { field: 'from', message: 'Choose a start date on or before the end date.' },
    ]);
  if ((Date.parse(period.to) - Date.parse(period.from)) / DAY_MS > MAX_DAYS) {
    throw new ValidationError('Choose a period of five years or less.', [
      { field: 'from', message: 'Choose a period of five years or less.' },
    ]);
  }
  return period;
}

export function inPeriod(day: string, period: Period): boolean {
  const date = day.slice(0, 10);
  return date >= period.from && date <= period.to;
}

/** Whole days between two instants, for "days from submission to payment". */
export function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
}

/** The calendar quarters (January–March, April–June…) a period touches, each clipped to the period. */
export function quartersOf(period: Period): Period[] {
  const quarters: Period[] = [];
  let year = Number(period.from.slice(0, 4));
  let quarter = Math.floor((Number(period.from.slice(5, 7)) - 1) / 3);
  for (;;) {
    const start = isoDay(new Date(Date.UTC(year, quarter * 3, 1)));
    if (start > period.to) return quarters;
    const end = isoDay(new Date(Date.UTC(year, quarter * 3 + 3, 0)));
    quarters.push({ from: start < period.from ? period.from : start, to: end > period.to ? period.to : end });
    quarter += 1;
    if (quarter === 4) [year, quarter] = [year + 1, 0];
  }
}
