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
 * The one suppression rule: a total and the cells that add up to it, optionally as a cut of one or
 * more wider populations whose figures are also published (a piece of work of the Trust, a quarter
 * of a service area, which is also a cut of that quarter Trust-wide). Cells are given in a fixed
 * order; ties for "next smallest" go to the earlier cell so the result never depends on object key
 * order by chance.
 *
 * 1. Primary: a count from 1 to threshold − 1 is "fewer than N".
 * 2. Disclosure by difference with each whole: a non-zero count of the cut is hidden when the rest
 *    of a whole (whole − cut, the complement) is small, or when the whole's own count is not shown
 *    (the cut and its complement together would give it back).
 * 3. Secondary (`suppressRelated`): when the total is shown and exactly one cell is hidden, the
 *    next-smallest shown cell is hidden too (or, when there is none, the total); when the total is
 *    hidden, every non-zero cell is.
 */
export function suppressGroup<K extends string>(
  values: Readonly<Record<K, number>>,
  threshold: number,
  whole?: Whole<K> | readonly Whole<K>[],
): SuppressedGroup<K> {
  const keys = Object.keys(values) as K[];
  const wholes: readonly Whole<K>[] = whole === undefined ? [] : Array.isArray(whole) ? whole : [whole as Whole<K>];
  const byDifference = (value: number, wholeValue: number, wholeCount: Count): boolean =>
    value > 0 && (isSmall(wholeValue - value, threshold) || !isShown(wholeCount));
  const primary = (value: number, inWholes: ReadonlyArray<readonly [number, Count]>): Count => {
    const count = suppressCount(value, threshold);
    return isShown(count) && inWholes.some(([wholeValue, wholeCount]) => byDifference(value, wholeValue, wholeCount))
      ? HIDDEN
      : count;
  };
  const total: Cell = {
    value: sumOf(values),
    count: primary(
      sumOf(values),
      wholes.map((each) => [sumOf(each.values), each.shown.total]),
    ),
  };
  const cells = keys.map((key): Cell => ({
    value: values[key],
    count: primary(
      values[key],
      wholes.map((each) => [each.values[key], each.shown.cells[key]]),
    ),
  }));
  suppressRelated([{ total, parts: cells }]);
  return {
    total: total.count,
    cells: Object.fromEntries(keys.map((key, index) => [key, cells[index]!.count])) as Record<K, Count>,
  };
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
 * Counts that partition a whole (quarters of a period): the secondary rule of `suppressGroup` with
 * the whole as a total published elsewhere, so that adding up the shown parts never gives back a hidden one.
 */
export function suppressParts(counts: readonly Count[], values: readonly number[], total: Count): Count[] {
  const parts = counts.map((count, index): Cell => ({ value: values[index]!, count }));
  suppressRelated([
    { total: { value: values.reduce((sum, value) => sum + value, 0), count: total }, parts, fixedTotal: true },
  ]);
  return parts.map((part) => part.count);
}

/** A published count and the value behind it, as one cell of the figures a reader can add up and subtract. */
export interface Cell {
  readonly value: number;
  count: Count;
}

/**
 * Published counts that add up: `total` is the sum of `parts` (the people of a cut and its new and
 * returning faces; the Trust's figure and each service area's). A fixed total was published and used
 * elsewhere already, so only its parts may be hidden here.
 */
export interface SumRelation {
  readonly total: Cell;
  readonly parts: readonly Cell[];
  readonly fixedTotal?: boolean;
}

/**
 * Secondary suppression over every sum a reader could work with, repeated until nothing changes (hiding
 * a cell in one sum can leave exactly one hidden in another): a hidden total hides every non-zero part;
 * beside a shown total, exactly one hidden part hides the next-smallest non-zero part too (the earlier on
 * a tie) or, when there is none, the total.
 */
export function suppressRelated(relations: readonly SumRelation[]): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts, fixedTotal } of relations) {
      if (!isShown(total.count)) {
        for (const part of parts) {
          if (part.value > 0 && isShown(part.count)) {
            part.count = HIDDEN;
            changed = true;
          }
        }
        continue;
      }
      if (parts.filter((part) => !isShown(part.count)).length !== 1) continue;
      const next = parts
        .filter((part) => isShown(part.count) && part.value > 0)
        .reduce<Cell | undefined>((least, part) => (least && least.value <= part.value ? least : part), undefined);
      if (next) next.count = HIDDEN;
      else if (!fixedTotal) total.count = HIDDEN;
      else continue;
      changed = true;
    }
  }
}

function sumOf(values: Readonly<Record<string, number>>): number {
  return Object.values(values).reduce((sum, value) => sum + value, 0);
}
