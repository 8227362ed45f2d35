import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';
import { TestClock } from '../schedule/schedule-steps.js';
import { LinkStore } from '../../storage/link-store.js';

const DAY_MS = 86_400_000;

/**
 * Retention of personal links: a link and its use record are kept until the link has been expired for longer
 * than the Trust keeps records without involvement (RETENTION_REVIEW_YEARS, here 1), then the daily scheduled job
 * deletes both. Jobs are run by the test (SCHEDULED_JOBS=off) on a controllable clock.
 */
describe('personal links: deleted once expired for longer than the Trust’s retention', () => {
  let app: TestApp;
  let store: LinkStore;
  const clock = new TestClock();
  const start = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 10, 9, 0, 0));
  const at = (days: number) => new Date(start.getTime() + days * DAY_MS);

  before(async () => {
    clock.setDaysAfter(start, 0);
    app = await startTestApp({
      env: { IEV_MEMBER_IDS: IEV.id, SCHEDULE_HOUR_UTC: '0', SCHEDULED_JOBS: 'off', RETENTION_REVIEW_YEARS: '1' },
      start: { clock: clock.now },
    });
    store = new LinkStore(app.services.database.containers);
  });
  after(async () => app?.stop());

  const issue = (key: string, expiresInDays: number) =>
    app.services.links.issue({
      purpose: 'evaluation',
      partnerId: 'partner-retention',
      subject: 'plan-retention',
      key,
      expiresAt: at(expiresInDays),
    });

  it('keeps links until a year after they expired, then deletes each link and its use record', async () => {
    const usedLong = await issue('used-long-ago', 10);
    assert.equal((await app.services.links.consume('evaluation', usedLong.token)).state, 'ok');
    const unusedLong = await issue('unused-long-ago', 10);
    const recent = await issue('expired-recently', 30);
    const current = await issue('still-current', 500);
    assert.ok(await store.findUse(usedLong.id), 'the use is recorded');

    // 364 days after the first two expired: within the year, nothing goes.
    clock.setDaysAfter(start, 10 + 364);
    assert.ok((await app.services.schedule.scheduler.tick()).includes('personal-link-retention'));
    for (const link of [usedLong, unusedLong, recent, current])
      assert.ok(await store.findLink(link.id), 'kept within the retention');

    // The next day (a new daily period) the links expired more than a year ago go, with their use records.
    clock.setDaysAfter(start, 10 + 367);
    assert.ok((await app.services.schedule.scheduler.tick()).includes('personal-link-retention'));
    assert.equal(await store.findLink(usedLong.id), undefined);
    assert.equal(await store.findUse(usedLong.id), undefined, 'the use record goes with its link');
    assert.equal(await store.findLink(unusedLong.id), undefined);
    assert.ok(await store.findLink(recent.id), 'expired 347 days ago: kept');
    assert.ok(await store.findLink(current.id), 'not expired: kept');

    const exported = await app.services.links.exportFor('partner-retention');
    assert.deepEqual(exported.map((link) => link.expiresAt).sort(), [recent.expiresAt, current.expiresAt]);
    // A deleted link's token still says it expired: nothing is read, nothing revives.
    assert.equal((await app.services.links.open('evaluation', usedLong.token)).state, 'expired');
  });
});
