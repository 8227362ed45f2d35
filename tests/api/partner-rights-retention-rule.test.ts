import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../server/config.js';
import {
  retentionCutoff,
  retentionReviewReason,
  type RetentionFacts,
  type RetentionReason,
} from '../../domain/register/retention.js';

const NOW = new Date('2026-06-15T10:00:00.000Z');
const base: RetentionFacts = {
  status: 'active',
  registeredAt: '2020-01-01T09:00:00.000Z',
  lastInvolvedAt: '2026-01-10T12:00:00.000Z',
  erasure: undefined,
};
const erasure = { at: '2026-05-01T09:00:00.000Z', byId: 'iev-1', byName: 'Ivy', reason: 'Asked us to' };

describe('retention rule: which register entries are due for review', () => {
  const table: Array<[string, Partial<RetentionFacts>, number, RetentionReason | undefined]> = [
    ['involved this year', {}, 3, undefined],
    ['last involved 3 years and a day ago', { lastInvolvedAt: '2023-06-14T10:00:00.000Z' }, 3, 'not-involved-recently'],
    ['last involved exactly 3 years ago', { lastInvolvedAt: '2023-06-15T10:00:00.000Z' }, 3, undefined],
    [
      'last involved 2 years ago, with a 1-year Trust setting',
      { lastInvolvedAt: '2024-06-01T10:00:00.000Z' },
      1,
      'not-involved-recently',
    ],
    [
      'last involved 4 years ago, with a 6-year Trust setting',
      { lastInvolvedAt: '2022-06-01T10:00:00.000Z' },
      6,
      undefined,
    ],
    [
      'never involved, registered 4 years ago',
      { lastInvolvedAt: undefined, registeredAt: '2022-05-01T09:00:00.000Z' },
      3,
      'never-involved',
    ],
    [
      'never involved, registered last month',
      { lastInvolvedAt: undefined, registeredAt: '2026-05-15T09:00:00.000Z' },
      3,
      undefined,
    ],
    ['left the register last week (involved recently)', { status: 'left' }, 3, 'left-the-register'],
    [
      'paused, involved long ago',
      { status: 'paused', lastInvolvedAt: '2021-01-01T10:00:00.000Z' },
      3,
      'not-involved-recently',
    ],
    ['already erased', { status: 'left', erasure, lastInvolvedAt: '2019-01-01T10:00:00.000Z' }, 3, undefined],
  ];
  for (const [situation, facts, years, expected] of table) {
    it(`${situation} (${years} years) → ${expected ?? 'not due'}`, () => {
      assert.equal(retentionReviewReason({ ...base, ...facts }, NOW, { yearsWithoutInvolvement: years }), expected);
    });
  }

  it('counts whole calendar years back from today, in UTC', () => {
    assert.equal(retentionCutoff(NOW, { yearsWithoutInvolvement: 3 }), '2023-06-15T10:00:00.000Z');
    assert.equal(
      retentionCutoff(new Date('2028-02-29T00:00:00.000Z'), { yearsWithoutInvolvement: 1 }),
      '2027-03-01T00:00:00.000Z',
    );
  });

  it('takes the number of years from RETENTION_REVIEW_YEARS (default 3) and refuses nonsense', () => {
    assert.equal(loadConfig({}).retentionReviewYears, 3);
    assert.equal(loadConfig({ RETENTION_REVIEW_YEARS: '6' }).retentionReviewYears, 6);
    for (const value of ['0', 'three', '2.5', '50']) {
      assert.throws(
        () => loadConfig({ RETENTION_REVIEW_YEARS: value }),
        (error: unknown) => error instanceof ConfigError && /RETENTION_REVIEW_YEARS/.test(error.problems.join('\n')),
        value,
      );
    }
  });
});
