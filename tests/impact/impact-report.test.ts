import assert from 'node:assert/strict';
import { ids, seen, session } from './figures.js';
import {
  impactReport,
  type ImpactFacts,
  type PartnerFacts,
  type SessionFacts,
} from '../../domain/impact/impact-report.js';

const PERIOD = { from: '2026-01-01', to: '2026-03-31' };
const OPTIONS = { threshold: 5, targetDaysToPay: 14 };
const facts = (overrides: Partial<ImpactFacts>): ImpactFacts => ({
  sessions: [],
  partners: [],
  work: [],
  paidClaims: [],
  ...overrides,
});
const paid = (id: string, days: number, expensesPence = 1000, paymentsPence = 0) => ({
  id,
  submittedAt: '2026-02-01T09:00:00.000Z',
  paidAt: new Date(Date.parse('2026-02-01T09:00:00.000Z') + days * 86_400_000).toISOString(),
  expensesPence,
  paymentsPence,
});

describe('"Is it working?" figures', () => {
  describe('people involved, new faces and returning ones', () => {
    const table: Array<{
      why: string;
      sessions: SessionFacts[];
      involved: string;
      newFaces: string;
      returning: string;
    }> = [
      { why: 'nobody involved', sessions: [], involved: '0', newFaces: '0', returning: '0' },
      {
        why: 'eight new faces, each counted once however many sessions',
        sessions: [session('w1', '2026-01-10', ids('p', 8)), session('w1', '2026-02-10', ids('p', 8))],
        involved: '8',
        newFaces: '8',
        returning: '0',
      },
      {
        why: 'six new and six who took part before the period',
        sessions: [
          session('w0', '2025-06-01', ids('old', 6)),
          session('w1', '2026-01-10', [...ids('old', 6), ...ids('new', 6)]),
        ],
        involved: '12',
        newFaces: '6',
        returning: '6',
      },
      {
        why: 'two returning among nine: returning is fewer than 5, so new is hidden too',
        sessions: [
          session('w0', '2025-06-01', ids('old', 2)),
          session('w1', '2026-01-10', [...ids('old', 2), ...ids('new', 7)]),
        ],
        involved: '9',
        newFaces: 'hidden',
        returning: '<5',
      },
      {
        why: 'three people in all: every figure is fewer than 5',
        sessions: [session('w1', '2026-03-31', ids('p', 3))],
        involved: '<5',
        newFaces: '<5',
        returning: '0',
      },
      {
        why: 'sessions after the period do not count',
        sessions: [session('w1', '2026-04-01', ids('p', 9))],
        involved: '0',
        newFaces: '0',
        returning: '0',
      },
    ];
    for (const row of table) {
      it(`counts ${row.why}`, () => {
        const report = impactReport(facts({ sessions: row.sessions }), PERIOD, OPTIONS);
        assert.deepEqual(
          [seen(report.people.involved), seen(report.people.newFaces), seen(report.people.returning)],
          [row.involved, row.newFaces, row.returning],
        );
      });
    }
  });

  it('adds up hours partners gave (session length × people there), and hides them when the people are too few', () => {
    const many = impactReport(
      facts({ sessions: [session('w1', '2026-01-10', ids('p', 6), 90), session('w2', '2026-02-10', ids('p', 2), 30)] }),
      PERIOD,
      OPTIONS,
    );
    assert.equal(many.hours.sessions, 2);
    assert.equal(many.hours.partnerHours, 10);
    const few = impactReport(facts({ sessions: [session('w1', '2026-01-10', ids('p', 2), 90)] }), PERIOD, OPTIONS);
    assert.equal(few.hours.sessions, 1);
    assert.equal(few.hours.partnerHours, undefined);
  });

  describe('reach across the equality monitoring questions', () => {
    const involved = ids('p', 12);
    const sessions = [session('w1', '2026-01-10', involved)];
    const ages = ['65+', '65+', '65+', '65+', '65+', '65+', '50-64', '50-64', '50-64', '50-64', '50-64', '18-24'];

    it('counts only partners who agreed, and suppresses small groups with the next smallest hidden too', () => {
      const partners: PartnerFacts[] = involved.map((id, index) => ({
        id,
        equality: index < 11 ? { ageBand: ages[index]!, disability: 'No' } : undefined,
      }));
      // 11 agreed, 1 did not: the one who did not is fewer than 5, so "agreed" is hidden and no breakdown is given.
      const report = impactReport(facts({ sessions, partners }), PERIOD, OPTIONS);
      assert.equal(seen(report.reach.notAgreed), '<5');
      assert.equal(seen(report.reach.agreed), 'hidden');
      assert.deepEqual(report.reach.categories, []);
    });

    it('breaks each question down when enough agreed', () => {
      const partners: PartnerFacts[] = involved.map((id, index) => ({
        id,
        equality: { ageBand: ages[index]!, disability: index < 6 ? 'Yes' : 'No', ethnicGroup: 'Prefer not to say' },
      }));
      const report = impactReport(facts({ sessions, partners }), PERIOD, OPTIONS);
      assert.equal(seen(report.reach.agreed), '12');
      assert.equal(seen(report.reach.notAgreed), '0');
      const age = Object.fromEntries(
        report.reach.categories
          .find((category) => category.key === 'ageBand')!
          .groups.map((group) => [group.answer, seen(group.count)]),
      );
      assert.deepEqual(age, {
        '18-24': '<5',
        '25-34': '0',
        '35-49': '0',
        '50-64': 'hidden',
        '65+': '6',
        'Another answer': '0',
        'Not answered or prefer not to say': '0',
      });
      const disability = Object.fromEntries(
        report.reach.categories
          .find((category) => category.key === 'disability')!
          .groups.map((group) => [group.answer, seen(group.count)]),
      );
      assert.equal(disability.Yes, '6');
      assert.equal(disability.No, '6');
      const ethnic = report.reach.categories.find((category) => category.key === 'ethnicGroup')!.groups;
      assert.equal(seen(ethnic.find((group) => group.answer === 'Not answered or prefer not to say')!.count), '12');
    });

    it('counts a partner no longer on the register as not having agreed', () => {
      const partners: PartnerFacts[] = involved.slice(0, 6).map((id) => ({ id, equality: { ageBand: '65+' } }));
      const report = impactReport(facts({ sessions, partners }), PERIOD, OPTIONS);
      assert.deepEqual([seen(report.reach.agreed), seen(report.reach.notAgreed)], ['6', '6']);
    });
  });

  it('counts pieces of work with sessions in the period and those that fed back to people', () => {
    const report = impactReport(
      facts({
        sessions: [
          session('w1', '2026-01-10', ['p1']),
          session('w2', '2026-01-11', ['p1']),
          session('w3', '2026-02-11', ['p2']),
          session('w4', '2025-02-11', ['p2']),
        ],
        work: [
          { id: 'w1', feedbackRecorded: true },
          { id: 'w2', feedbackRecorded: false },
          { id: 'w4', feedbackRecorded: true },
        ],
      }),
      PERIOD,
      OPTIONS,
    );
    assert.deepEqual(report.work, { withSessions: 3, closedLoop: 1 });
  });

  describe('money paid and how fast', () => {
    const table: Array<{
      why: string;
      claims: ReturnType<typeof paid>[];
      shown: string;
      expenses?: number;
      payments?: number;
      median?: number;
      withinTarget?: number;
    }> = [
      { why: 'no claims paid', claims: [], shown: '0' },
      {
        why: 'three claims: too few to show any money',
        claims: [paid('c1', 3), paid('c2', 5), paid('c3', 7)],
        shown: '<5',
      },
      {
        why: 'five claims: totals by kind, the median and the share within 14 days',
        claims: [
          paid('c1', 2, 1000),
          paid('c2', 4, 2000, 3000),
          paid('c3', 10, 500),
          paid('c4', 14, 500),
          paid('c5', 21, 0, 4500),
        ],
        shown: '5',
        expenses: 4000,
        payments: 7500,
        median: 10,
        withinTarget: 80,
      },
      {
        why: 'six claims: an even count takes the middle two',
        claims: [1, 2, 3, 4, 30, 40].map((days, index) => paid(`c${index}`, days)),
        shown: '6',
        expenses: 6000,
        payments: 0,
        median: 3.5,
        withinTarget: 67,
      },
    ];
    for (const row of table) {
      it(`reports ${row.why}`, () => {
        const { money } = impactReport(facts({ paidClaims: row.claims }), PERIOD, OPTIONS);
        assert.equal(seen(money.claimsPaid), row.shown);
        assert.deepEqual(
          [money.expensesPence, money.paymentsPence, money.medianDaysToPay, money.paidWithinTargetPercent],
          [row.expenses, row.payments, row.median, row.withinTarget],
        );
      });
    }

    it('leaves out claims paid outside the period', () => {
      const outside = { ...paid('late', 2), paidAt: '2026-04-01T00:00:01.000Z' };
      const { money } = impactReport(facts({ paidClaims: [outside] }), PERIOD, OPTIONS);
      assert.equal(seen(money.claimsPaid), '0');
    });
  });
});
