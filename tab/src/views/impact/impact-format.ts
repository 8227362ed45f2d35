import type { Count, CutFigures } from '../../api.js';
import { formatDate } from '../../format.js';

export interface PeriodChoice {
  readonly id: string;
  readonly label: string;
  readonly from?: string;
  readonly to?: string;
}

/** A period given in the link (#/impact?from=YYYY-MM-DD&to=YYYY-MM-DD), offered first so it can be shared. */
export function linkedPeriod(from: string | undefined, to: string | undefined): PeriodChoice[] {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!from || !to || !day.test(from) || !day.test(to)) return [];
  return [{ id: 'linked', label: `${formatDate(from)} to ${formatDate(to)}`, from, to }];
}

/** The last 12 months, then the last four calendar quarters (most recent first). */
export function periodChoices(today: Date): PeriodChoice[] {
  const choices: PeriodChoice[] = [{ id: 'last-12-months', label: 'The last 12 months' }];
  const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
  let year = today.getUTCFullYear();
  let quarter = Math.floor(today.getUTCMonth() / 3);
  for (let index = 0; index < 4; index += 1) {
    const start = new Date(Date.UTC(year, quarter * 3, 1));
    const end = new Date(Date.UTC(year, quarter * 3 + 3, 0));
    const label = `${month.format(start)} to ${month.format(end)} ${year}${index === 0 ? ' (so far)' : ''}`;
    choices.push({
      id: `${year}-q${quarter + 1}`,
      label,
      from: start.toISOString().slice(0, 10),
      to: (index === 0 ? today : end).toISOString().slice(0, 10),
    });
    quarter -= 1;
    if (quarter < 0) {
      quarter = 3;
      year -= 1;
    }
  }
  return choices;
}

/** "Q1 2026 (Jan–Mar)", or the first and last day when the period cuts the quarter short. */
export function quarterLabel(period: { from: string; to: string }): string {
  const month = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
  const [from, to] = [new Date(`${period.from}T12:00:00Z`), new Date(`${period.to}T12:00:00Z`)];
  const whole = period.from.endsWith('-01') && new Date(to.getTime() + 86_400_000).getUTCDate() === 1;
  return whole
    ? `Q${Math.floor(from.getUTCMonth() / 3) + 1} ${to.getUTCFullYear()} (${month.format(from)}\u2013${month.format(to)})`
    : `${formatDate(period.from)} \u2013 ${formatDate(period.to)}`;
}

/** "9 new faces", "fewer than 5 returning", "new faces hidden". */
export function inWords(count: Count, noun: string): string {
  return 'suppressed' in count && count.suppressed === 'secondary' ? `${noun} hidden` : `${count.text} ${noun}`;
}

export function hasHiddenCell(cut: CutFigures): boolean {
  const counts = [
    cut.people.newFaces,
    cut.people.returning,
    cut.reach.agreed,
    cut.reach.notAgreed,
    ...cut.reach.categories.flatMap((category) => category.groups.map((group) => group.count)),
  ];
  return counts.some((count) => 'suppressed' in count && count.suppressed === 'secondary');
}

export function isShown(count: Count): boolean {
  return 'value' in count;
}

export function isZero(count: Count): boolean {
  return 'value' in count && count.value === 0;
}

export function plural(value: number, word: string): string {
  return `${value.toLocaleString('en-GB')} ${word}${value === 1 ? '' : 's'}`;
}

export function formatHours(hours: number): string {
  return hours.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
