/**
 * The periods jobs run in, in UTC (the Trust is in the UK: UTC in winter, an hour off in summer, which
 * does not matter for a daily reminder or a weekly digest).
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of `now`, once the day's hour has come; undefined before it (the job waits). */
export function dailyPeriod(now: Date, hourUtc: number): string | undefined {
  return now.getUTCHours() >= hourUtc ? now.toISOString().slice(0, 10) : undefined;
}

/**
 * The ISO week of `now` (`2026-W49`), once the week's run time has come (its weekday, 1 = Monday, at the
 * hour); undefined before it. A server that was down then runs the week's job when it is back.
 */
export function weeklyPeriod(now: Date, weekday: number, hourUtc: number): string | undefined {
  const isoWeekday = now.getUTCDay() === 0 ? 7 : now.getUTCDay();
  if (isoWeekday < weekday || (isoWeekday === weekday && now.getUTCHours() < hourUtc)) return undefined;
  return isoWeek(now);
}

export function isoWeek(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const isoWeekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  // The Thursday of this week decides the year the week belongs to (ISO 8601).
  const thursday = new Date(day.getTime() + (4 - isoWeekday) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week (`2026-W49` → `2026-11-30`). */
export function mondayOf(week: string): string {
  const [year, number] = week.split('-W').map(Number) as [number, number];
  // 4 January is always in week 1 (ISO 8601).
  const january4 = new Date(Date.UTC(year, 0, 4));
  const weekday = january4.getUTCDay() === 0 ? 7 : january4.getUTCDay();
  return new Date(january4.getTime() + ((number - 1) * 7 - (weekday - 1)) * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(when: Date, days: number): Date {
  return new Date(when.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to` (rounded down). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}
