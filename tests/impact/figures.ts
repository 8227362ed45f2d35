import type { SessionFacts } from '../../domain/impact/impact-report.js';
import type { Count } from '../../domain/impact/suppression.js';

/** What a reader sees in a cell: the number, "<5" for a small count, "hidden" for secondary suppression. */
export const seen = (count: Count): string =>
  'value' in count ? String(count.value) : count.suppressed === 'small' ? '<5' : 'hidden';

export const ids = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);

export const session = (
  workId: string,
  date: string,
  partnerIds: readonly string[],
  durationMinutes = 60,
): SessionFacts => ({ workId, date, durationMinutes, partnerIds });
