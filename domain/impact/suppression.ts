/**
 * Small-number suppression (statistical disclosure control). A count of people from 1 up to one
 * below the threshold is never shown: it is replaced by "fewer than N". Zero is shown, as it
 * discloses nothing about anyone. The default threshold of 5 follows the convention common in NHS
 * published statistics of not publishing counts of 1 to 4 (docs/impact.md).
 *
 * Where cells add up to a total that is shown, hiding one cell is not enough: it could be worked
 * out by subtraction. So when exactly one cell of a group is hidden, the next-smallest cell is
 * hidden too (secondary suppression); when no other cell can be hidden, the total is.
 */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export type Count =
  | { readonly value: number; readonly text: string }
  | { readonly suppressed: 'small' | 'secondary'; readonly text: string };

export function isShown(count: Count): count is { readonly value: number; readonly text: string } {
  return 'value' in count;
}

export function isSmall(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

export function fewerThan(threshold: number): string {
  return `fewer than ${threshold}`;
}

export function shown(value: number): Count {
  return { value, text: value.toLocaleString('en-GB') };
}

/** One count on its own (primary suppression only). */
export function suppressCount(value: number, threshold: number): Count {
  return isSmall(value, threshold) ? { suppressed: 'small', text: fewerThan(threshold) } : shown(value);
}

/** Short enough for a table cell; the page explains it beside any table that has one. */
const HIDDEN: Count = { suppressed: 'secondary', text: 'hidden' };

export interface SuppressedGroup<K extends string> {
  readonly total: Count;
  readonly cells: Readonly<Record<K, Count>>;
}

/**
 * The wider population a group is a cut of (a service area or a piece of work of the Trust-wide
 * figures, a quarter of the period): its raw values and what was published for it.
 */
export interface Whole<K extends string> {
  readonly values: Readonly<Record<K, number>>;
  readonly shown: SuppressedGroup<K>;
}

/**
 * The one suppression rule: a total and the cells that add up to it, optionally as a cut of a
 * wider population whose figures are also published. Cells are given in a fixed order; ties for
 * "next smallest" go to the earlier cell so the result never depends on object key order by chance.
 *
 * 1. Primary: a count from 1 to threshold − 1 is "fewer than N".
 * 2. Disclosure by difference with the whole: a non-zero count of the cut is hidden when the rest
 *    of the whole (whole − cut, the complement) is small, or when the whole's own count is not shown
 *    (the cut and its complement together would give it back).
 * 3. Secondary: when the total is shown and exactly one cell is hidden, the next-smallest shown
 *    cell is hidden too (or, when there is none, the total); when the total is hidden, every
 *    non-zero cell is.
 */
export function suppressGroup<K extends string>(
  values: Readonly<Record<K, number>>,
  threshold: number,
  whole?: Whole<K>,
): SuppressedGroup<K> {
  const keys = Object.keys(values) as K[];
  const totalValue = sumOf(values);
  const byDifference = (value: number, wholeValue: number, wholeCount: Count | undefined): boolean =>
    value > 0 && (isSmall(wholeValue - value, threshold) || (wholeCount !== undefined && !isShown(wholeCount)));
  const primary = (value: number, wholeValue: number | undefined, wholeCount: Count | undefined): Count => {
    const count = suppressCount(value, threshold);
    return isShown(count) && wholeValue !== undefined && byDifference(value, wholeValue, wholeCount) ? HIDDEN : count;
  };
  let total = primary(totalValue, whole && sumOf(whole.values), whole?.shown.total);
  const cells = Object.fromEntries(
    keys.map((key) => [key, primary(values[key], whole?.values[key], whole?.shown.cells[key])]),
  ) as Record<K, Count>;
  if (!isShown(total)) {
    // A hidden total: a shown non-zero cell would add up towards it. (When the total is small, every non-zero cell already is.)
    for (const key of keys) if (values[key] > 0 && isShown(cells[key])) cells[key] = HIDDEN;
    return { total, cells };
  }
  const hidden = keys.filter((key) => !isShown(cells[key]));
  if (hidden.length === 1) {
    const candidates = keys
      .filter((key) => isShown(cells[key]) && values[key] > 0)
      .sort((a, b) => values[a] - values[b]);
    const next = candidates[0];
    if (next !== undefined) cells[next] = HIDDEN;
    else total = HIDDEN;
  }
  return { total, cells };
}

/** One count as a cut of a whole (rules 1 and 2 of `suppressGroup`). */
export function suppressCountWithin(value: number, threshold: number, whole?: { value: number; shown: Count }): Count {
  return suppressGroup(
    { count: value },
    threshold,
    whole && { values: { count: whole.value }, shown: { total: whole.shown, cells: { count: whole.shown } } },
  ).cells.count;
}

/**
 * Counts that partition a whole (quarters of a period): at most the rule of `suppressGroup` with the
 * whole as the total, so that adding up the shown parts never gives back a hidden one.
 */
export function suppressParts(counts: readonly Count[], values: readonly number[], total: Count): Count[] {
  const out = [...counts];
  if (!isShown(total)) return out.map((count, index) => (isShown(count) && values[index]! > 0 ? HIDDEN : count));
  const hidden = out.filter((count) => !isShown(count)).length;
  if (hidden === 1) {
    const next = out
      .map((count, index) => ({ count, index }))
      .filter(({ count, index }) => isShown(count) && values[index]! > 0)
      .sort((a, b) => values[a.index]! - values[b.index]! || a.index - b.index)[0];
    if (next) out[next.index] = HIDDEN;
  }
  return out;
}

function sumOf(values: Readonly<Record<string, number>>): number {
  return Object.values(values).reduce((sum, value) => sum + value, 0);
}
