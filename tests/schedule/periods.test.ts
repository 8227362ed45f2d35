import assert from 'node:assert/strict';
import { dailyPeriod, isoWeek, mondayOf, weeklyPeriod } from '../../domain/schedule/periods.js';

describe('schedule: the periods jobs run in (UTC)', () => {
  const weeks: ReadonlyArray<readonly [string, string, string]> = [
    // instant, its ISO week, that week's Monday
    ['2026-12-01T21:00:00Z', '2026-W49', '2026-11-30'],
    ['2026-12-31T09:00:00Z', '2026-W53', '2026-12-28'],
    ['2027-01-03T23:59:00Z', '2026-W53', '2026-12-28'],
    ['2027-01-04T00:00:00Z', '2027-W01', '2027-01-04'],
    ['2024-12-30T08:00:00Z', '2025-W01', '2024-12-30'],
    ['2021-01-01T08:00:00Z', '2020-W53', '2020-12-28'],
  ];
  for (const [instant, week, monday] of weeks) {
    it(`${instant} is in ${week}, which begins on ${monday}`, () => {
      assert.equal(isoWeek(new Date(instant)), week);
      assert.equal(mondayOf(week), monday);
    });
  }

  const runs: ReadonlyArray<readonly [string, string | undefined, string | undefined]> = [
    // instant, the day's reminders (from 08:00), the week's digest (Mondays from 08:00, or later that week)
    ['2026-11-30T07:59:00Z', undefined, undefined],
    ['2026-11-30T08:00:00Z', '2026-11-30', '2026-W49'],
    ['2026-12-01T07:00:00Z', undefined, '2026-W49'],
    ['2026-12-06T23:00:00Z', '2026-12-06', '2026-W49'],
    ['2026-12-07T07:00:00Z', undefined, undefined],
  ];
  for (const [instant, day, week] of runs) {
    it(`at ${instant} the reminders run for ${day ?? 'no day yet'} and the digest for ${week ?? 'no week yet'}`, () => {
      assert.equal(dailyPeriod(new Date(instant), 8), day);
      assert.equal(weeklyPeriod(new Date(instant), 1, 8), week);
    });
  }
});
