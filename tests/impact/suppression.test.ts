import assert from 'node:assert/strict';
import { suppressCount, suppressGroup, type Count } from '../../domain/impact/suppression.js';

/** What a reader sees in each cell: the number, "<5" for a small count, "hidden" for secondary suppression. */
const seen = (count: Count): string =>
  'value' in count ? String(count.value) : count.suppressed === 'small' ? '<5' : 'hidden';

describe('small-number suppression', () => {
  const single: Array<[number, string]> = [
    [0, '0'],
    [1, '<5'],
    [4, '<5'],
    [5, '5'],
    [120, '120'],
  ];
  for (const [value, expected] of single) {
    it(`shows a count of ${value} as ${expected}`, () => {
      assert.equal(seen(suppressCount(value, 5)), expected);
    });
  }

  it('words a small count as "fewer than 5"', () => {
    assert.equal(suppressCount(3, 5).text, 'fewer than 5');
    assert.equal(suppressCount(3, 10).text, 'fewer than 10');
  });

  // One row per group: the cells in, then what is shown for the total and each cell.
  const groups: Array<{ why: string; cells: Record<string, number>; total: string; shown: Record<string, string> }> = [
    {
      why: 'nothing small: everything shown',
      cells: { a: 10, b: 7, c: 5 },
      total: '22',
      shown: { a: '10', b: '7', c: '5' },
    },
    {
      why: 'one small cell: the next smallest is hidden too',
      cells: { a: 10, b: 7, c: 2 },
      total: '19',
      shown: { a: '10', b: 'hidden', c: '<5' },
    },
    {
      why: 'two small cells: they cannot be worked out, so nothing more is hidden',
      cells: { a: 10, b: 3, c: 2 },
      total: '15',
      shown: { a: '10', b: '<5', c: '<5' },
    },
    {
      why: 'zeros are shown and never chosen for secondary suppression',
      cells: { a: 0, b: 9, c: 1, d: 12 },
      total: '22',
      shown: { a: '0', b: 'hidden', c: '<5', d: '12' },
    },
    {
      why: 'a tie for next smallest hides the first in order',
      cells: { a: 6, b: 6, c: 3 },
      total: '15',
      shown: { a: 'hidden', b: '6', c: '<5' },
    },
    {
      why: 'a small total: every non-zero cell is small',
      cells: { a: 3, b: 0 },
      total: '<5',
      shown: { a: '<5', b: '0' },
    },
    { why: 'an empty group', cells: { a: 0, b: 0 }, total: '0', shown: { a: '0', b: '0' } },
  ];
  for (const row of groups) {
    it(`in a group with a total, ${row.why}`, () => {
      const group = suppressGroup(row.cells, 5);
      assert.equal(seen(group.total), row.total);
      assert.deepEqual(
        Object.fromEntries(Object.entries(group.cells).map(([key, count]) => [key, seen(count)])),
        row.shown,
      );
    });
  }

  it('never leaves exactly one hidden cell in a group whose total is shown', () => {
    for (let a = 0; a <= 8; a += 1) {
      for (let b = 0; b <= 8; b += 1) {
        for (let c = 0; c <= 8; c += 1) {
          const group = suppressGroup({ a, b, c }, 5);
          const hidden = Object.values(group.cells).filter((count) => !('value' in count)).length;
          if ('value' in group.total) assert.notEqual(hidden, 1, `cells ${a}, ${b}, ${c}`);
        }
      }
    }
  });
});
