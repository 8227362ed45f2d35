/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument --
   the report is read as untyped JSON, as any client gets it, and every value read is asserted. */
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST, IEV, OTHER, type TestUser } from '../helpers/users.js';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { seedImpactExample } from './impact-example.js';
import { loadConfig } from '../../server/config.js';

const PERIOD = 'from=2026-01-01&to=2026-03-31';

/** Every count in the answer: none may be between 1 and 4 (they must come out as "fewer than 5"). */
function countsIn(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(countsIn);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const own = typeof record.value === 'number' && typeof record.text === 'string' ? [record.value] : [];
    return [...own, ...Object.values(record).flatMap(countsIn)];
  }
  return [];
}

describe('GET /api/impact ("Is it working?")', () => {
  let app: TestApp;
  const get = async (query: string, as: TestUser) => {
    const response = await app.api(`/api/impact?${query}`, { as });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };

  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await app.services.directoryStore.savePerson({ userId: OTHER.id, displayName: OTHER.name, roles: ['viewer'] });
    await seedImpactExample(app);
  });
  after(() => app?.stop());

  it('gives an IEV member the period\u2019s figures: people, new and returning faces, hours, work, money and speed', async () => {
    const { status, text } = await get(PERIOD, IEV);
    assert.equal(status, 200, text);
    const report = JSON.parse(text);
    assert.deepEqual(report.period, { from: '2026-01-01', to: '2026-03-31' });
    assert.deepEqual(
      [report.people.involved.value, report.people.newFaces.value, report.people.returning.value],
      [15, 9, 6],
    );
    assert.deepEqual(report.hours, { sessions: 2, partnerHours: 21 });
    assert.deepEqual(report.work, { withSessions: 2, closedLoop: 1 });
    assert.equal(report.money.claimsPaid.value, 6);
    assert.equal(report.money.expensesPence, 6000);
    assert.equal(report.money.paymentsPence, 4500);
    assert.equal(report.money.medianDaysToPay, 12);
    assert.equal(report.money.paidWithinTargetPercent, 67);
    assert.equal(report.money.targetDays, 14);
  });

  it('shows reach only for partners who agreed to equality monitoring, with every small group shown as "fewer than 5"', async () => {
    const report = JSON.parse((await get(PERIOD, IEV)).text);
    // Partners 0, 3, 6, 9 and 12 agreed (every third fictional partner); each is in a different age group.
    assert.deepEqual([report.reach.agreed.value, report.reach.notAgreed.value], [5, 10]);
    const age = report.reach.categories.find((category: { key: string }) => category.key === 'ageBand');
    const groups = age.groups.filter((group: { count: { text: string } }) => group.count.text !== '0');
    assert.equal(groups.length, 5);
    for (const group of groups) assert.equal(group.count.text, 'fewer than 5');
    assert.deepEqual(
      countsIn(report).filter((value) => value > 0 && value < 5),
      [],
    );
  });

  it('never names a partner or gives their id', async () => {
    const { text } = await get(PERIOD, IEV);
    for (let index = 0; index < 15; index += 1) {
      assert.doesNotMatch(text, new RegExp(fictionalPartner(index).displayName));
      assert.ok(!text.includes(fictionalPartner(index).id));
    }
  });

  it('gives a host the same suppressed figures', async () => {
    const [forHost, forIev] = [await get(PERIOD, HOST), await get(PERIOD, IEV)];
    assert.equal(forHost.status, 200);
    assert.deepEqual(JSON.parse(forHost.text), JSON.parse(forIev.text));
  });

  it('turns away someone who can only view, with a plain reason', async () => {
    const { status, type, text } = await get(PERIOD, OTHER);
    assert.equal(status, 403);
    assert.match(type, /application\/problem\+json/);
    assert.match(JSON.parse(text).detail, /IEV team and staff/);
  });

  it('hides everything about a handful of people in a quiet period', async () => {
    const report = JSON.parse((await get('from=2026-03-01&to=2026-03-31', IEV)).text);
    assert.equal(report.people.involved.text, 'fewer than 5');
    assert.equal(report.hours.partnerHours, undefined);
    assert.deepEqual(report.reach.categories, []);
    assert.equal(report.money.claimsPaid.text, 'fewer than 5');
    assert.equal(report.money.expensesPence, undefined);
    assert.equal(report.money.medianDaysToPay, undefined);
  });

  it('uses the last 12 months when no period is given', async () => {
    const { status, text } = await get('', IEV);
    assert.equal(status, 200);
    const { period } = JSON.parse(text);
    assert.equal(period.to, new Date().toISOString().slice(0, 10));
  });

  const badPeriods: Array<[string, string, RegExp]> = [
    ['a date that does not exist', 'from=2026-02-30', /not a real date/],
    ['a date in the wrong form', 'from=1/2/2026', /YYYY-MM-DD/],
    ['a start after the end', 'from=2026-04-01&to=2026-03-01', /on or before/],
    ['a period longer than five years', 'from=2010-01-01&to=2026-01-01', /five years or less/],
  ];
  for (const [why, query, message] of badPeriods) {
    it(`explains ${why} instead of answering`, async () => {
      const { status, type, text } = await get(query, IEV);
      assert.equal(status, 400);
      assert.match(type, /application\/problem\+json/);
      assert.match(JSON.stringify(JSON.parse(text).errors), message);
    });
  }
});

describe('the suppression threshold setting', () => {
  it('refuses a threshold below 5 at start-up', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'test', IMPACT_SUPPRESSION_THRESHOLD: '3' }),
      /IMPACT_SUPPRESSION_THRESHOLD/,
    );
  });

  it('hides more when the Trust sets a higher threshold', async () => {
    const app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id, IMPACT_SUPPRESSION_THRESHOLD: '10' } });
    try {
      await seedImpactExample(app);
      const report = await (await app.api(`/api/impact?${PERIOD}`, { as: IEV })).json();
      assert.equal(report.threshold, 10);
      assert.equal(report.people.involved.text, '15');
      // 9 new and 6 returning are both below 10 now, though the total of 15 is not.
      assert.deepEqual([report.people.newFaces.text, report.people.returning.text], ['fewer than 10', 'fewer than 10']);
      assert.equal(report.reach.agreed.text, 'fewer than 10');
      assert.equal(report.money.claimsPaid.text, 'fewer than 10');
    } finally {
      await app.stop();
    }
  });
});
