import assert from 'node:assert/strict';
import { withAttendance } from '../../domain/register/involvement.js';
import type { Partner } from '../../domain/register/partner.js';

const partner = (change: Partial<Partner> = {}): Partner =>
  ({
    id: 'p1',
    hoursInvolved: 2,
    lastInvolvedAt: '2026-06-01T12:00:00.000Z',
    countedSessionIds: ['older'],
    ...change,
  }) as Partner;

describe('counting a session on the register', () => {
  const cases: Array<
    [
      string,
      Partner,
      { sessionId: string; date: string; durationMinutes: number },
      { hours: number; last: string } | 'unchanged',
    ]
  > = [
    [
      'adds the session length in hours',
      partner(),
      { sessionId: 's1', date: '2026-07-01', durationMinutes: 90 },
      { hours: 3.5, last: '2026-07-01T12:00:00.000Z' },
    ],
    [
      'rounds to the nearest quarter hour',
      partner(),
      { sessionId: 's2', date: '2026-07-01', durationMinutes: 50 },
      { hours: 2.75, last: '2026-07-01T12:00:00.000Z' },
    ],
    [
      'keeps a later "last involved" when an earlier session is logged late',
      partner(),
      { sessionId: 's3', date: '2026-01-15', durationMinutes: 60 },
      { hours: 3, last: '2026-06-01T12:00:00.000Z' },
    ],
    [
      'starts from nothing for a new partner',
      partner({ hoursInvolved: 0, lastInvolvedAt: undefined, countedSessionIds: undefined }),
      { sessionId: 's4', date: '2026-07-01', durationMinutes: 120 },
      { hours: 2, last: '2026-07-01T12:00:00.000Z' },
    ],
    [
      'never counts the same session twice',
      partner({ countedSessionIds: ['s5'] }),
      { sessionId: 's5', date: '2026-07-01', durationMinutes: 60 },
      'unchanged',
    ],
  ];
  for (const [name, before, attendance, expected] of cases) {
    it(name, () => {
      const after = withAttendance(before, attendance);
      if (expected === 'unchanged') return assert.equal(after, undefined);
      assert.equal(after?.hoursInvolved, expected.hours);
      assert.equal(after?.lastInvolvedAt, expected.last);
      assert.ok(after?.countedSessionIds?.includes(attendance.sessionId));
    });
  }
});
