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
 * A total and the cells that add up to it. Cells are given in a fixed order; ties for "next
 * smallest" go to the earlier cell so the result never depends on object key order by chance.
 */
export function suppressGroup<K extends string>(
  values: Readonly<Record<K, number>>,
  threshold: number,
): SuppressedGroup<K> {
  const keys = Object.keys(values) as K[];
  const totalValue = keys.reduce((sum, key) => sum + values[key], 0);
  let total = suppressCount(totalValue, threshold);
  const cells = Object.fromEntries(keys.map((key) => [key, suppressCount(values[key], threshold)])) as Record<K, Count>;
  if (!isShown(total)) {
    // Every cell is at most the total, so each non-zero cell is already "fewer than"; nothing can be subtracted.
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
