import assert from 'node:assert/strict';
import { cardText } from '../helpers/cards.js';
import { HOST, IEV } from '../helpers/users.js';
import { eventually, notifyReceived } from '../partners/partner-steps.js';
import { remindersTo, TestClock } from '../schedule/schedule-steps.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { partnerWith, planFor, publish } from './opportunity-steps.js';

const DAY_MS = 86_400_000;

/** Nothing depends on memory: reminders two days before the closing date, and closing after it, by the scheduler. */
describe('opportunities: partners who have not answered are reminded, and it closes after its closing date', () => {
  let app: TestApp;
  const clock = new TestClock();
  const start = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 2, 9, 0, 0));
  const day = (offset: number) => new Date(start.getTime() + offset * DAY_MS).toISOString().slice(0, 10);

  before(async () => {
    clock.setDaysAfter(start, 0);
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id, SCHEDULE_HOUR_UTC: '0' }, start: { clock: clock.now } });
    await app.personalChat(HOST).say('help');
  });
  after(async () => app?.stop());

  it('reminds once, only those who have not answered; closes the day after the closing date and tells the host', async () => {
    await partnerWith(app, { displayName: 'Ria Replied', email: 'ria@example.org', livedExperience: ['Carer'] });
    await partnerWith(app, { displayName: 'Sid Silent', email: 'sid@example.org', livedExperience: ['Carer'] });
    const published = await publish(app, await planFor(app), {
      livedExperience: ['Carer'],
      date: day(10),
      closesOn: day(5),
    });
    assert.equal(published.body.opportunity.state, 'open');
    const id = published.body.opportunity.id;
    const sentTo = async (email: string) =>
      (await notifyReceived(app)).filter(
        (item) => item.recipient === email && item.templateName.startsWith('Invitation'),
      );
    const ria = await eventually(async () => (await sentTo('ria@example.org'))[0], 'Ria\u2019s invitation');
    await eventually(async () => (await sentTo('sid@example.org'))[0], 'Sid\u2019s invitation');
    const answered = await fetch(`${app.url}/invitation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ t: new URL(ria.personalisation.link!).searchParams.get('t'), answer: 'interested' }),
    });
    assert.equal(answered.status, 200);

    clock.setDaysAfter(start, 2.1);
    await app.services.schedule.scheduler.tick();
    assert.equal((await sentTo('sid@example.org')).length, 1, 'not yet: three days to go');

    clock.setDaysAfter(start, 3.1);
    await app.services.schedule.scheduler.tick();
    await eventually(
      async () => ((await sentTo('sid@example.org')).length === 2 ? true : undefined),
      'Sid\u2019s reminder',
    );
    clock.setDaysAfter(start, 4.1);
    await app.services.schedule.scheduler.tick();
    await app.services.outbox.dispatcher.runOnce();
    assert.equal((await sentTo('sid@example.org')).length, 2, 'reminded once');
    assert.equal((await sentTo('ria@example.org')).length, 1, 'Ria answered: no reminder');

    // One still waiting for the IEV team's approval at its closing date closes too: nobody is invited late.
    const setting = await app.api('/api/opportunity-settings', {
      method: 'PUT',
      as: IEV,
      body: JSON.stringify({ approvalRequired: true }),
    });
    assert.equal(setting.status, 200);
    const waiting = await publish(app, await planFor(app, HOST, 'Never approved'), { date: day(10), closesOn: day(5) });
    assert.equal(waiting.body.opportunity.state, 'awaiting-approval');

    clock.setDaysAfter(start, 5.5);
    await app.services.schedule.scheduler.tick();
    const onClosingDay = await app.getJson<{ opportunity: { state: string } }>(`/api/opportunities/${id}`, HOST);
    assert.equal(onClosingDay.body.opportunity.state, 'open', 'answers are taken all through the closing date');

    clock.setDaysAfter(start, 6.1);
    await app.services.schedule.scheduler.tick();
    const closed = await app.getJson<{ opportunity: { state: string } }>(`/api/opportunities/${id}`, HOST);
    assert.equal(closed.body.opportunity.state, 'closed');
    const told = await eventually(
      async () => remindersTo(app, HOST, /Your opportunity has closed/)[0],
      'the host told it closed',
    );
    assert.match(cardText(told), /1 person is interested: choose who takes part/);
    const never = await app.getJson<{ opportunity: { state: string } }>(
      `/api/opportunities/${waiting.body.opportunity.id}`,
      HOST,
    );
    assert.equal(never.body.opportunity.state, 'closed');
    await eventually(
      async () => remindersTo(app, HOST, /before the IEV team approved it, so nobody was invited/)[0],
      'the host told nobody was invited',
    );

    const sid = (await sentTo('sid@example.org'))[0]!;
    const late = await fetch(`${app.url}/invitation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ t: new URL(sid.personalisation.link!).searchParams.get('t'), answer: 'interested' }),
    });
    assert.equal(late.status, 410, 'the link expired with the closing date');
    assert.match(((await late.json()) as { detail: string }).detail, /expired or been used/);
  });
});
