import { screenshot } from '../helpers/browser.js';
import { PlaygroundClients, setUpIevChannel } from '../helpers/playground.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import { SESSION_VERBS } from '../../bot/planning/planning-verbs.js';
import { addPartner } from '../claims/claim-steps.js';
import { planAtSummary, pressOn, registerPartner } from '../planning/planning-steps.js';
import { runScheduledJobs, TestClock } from './schedule-steps.js';

/**
 * The reminder and the digest as people see them: Hana's reminder to close the loop in her 1:1 chat,
 * which she snoozes, and the weekly digest in the IEV team's channel.
 */
describe('Reminders and the IEV digest in the Microsoft 365 Agents Playground (headless Chromium)', function () {
  this.timeout(240_000);
  let app: TestApp;
  const clock = new TestClock();
  const clients = new PlaygroundClients(() => app);

  before(async () => {
    app = await startTestApp({
      env: { IEV_MEMBER_IDS: IEV.id, SCHEDULE_HOUR_UTC: '0' },
      start: { clock: clock.now },
    });
  });
  after(async () => {
    await clients.close();
    await app?.stop();
  });

  const open = (user: typeof HOST) => clients.open(user);

  it('a host is reminded to close the loop and snoozes it; the IEV channel gets the week\u2019s counts', async () => {
    const ivy = await open(IEV);
    await setUpIevChannel(ivy);

    // Hana's plan, with a session four weeks ago (logged through the bot's endpoint).
    const chat = app.personalChat(HOST);
    await registerPartner(app.services, 'partner-ali', 'Ali Khan');
    await addPartner(app, 'Nia Nowak', { welcome: { status: 'to-send', recordedAt: new Date().toISOString() } });
    const { card: form } = await pressOn(chat, await planAtSummary(chat), SESSION_VERBS.start.verb);
    await pressOn(chat, form, SESSION_VERBS.save.verb, {
      date: new Date().toISOString().slice(0, 10),
      durationMinutes: '90',
      format: 'in-person',
      partnerIds: 'partner-ali',
      checkIn: 'yes',
    });

    const hana = await open(HOST);
    await hana.say('help');
    await hana.waitForCard(/plan/i);
    clock.advanceDays(29);
    await runScheduledJobs(app);

    const reminder = await hana.waitForCard(/Close the loop: Calmer memory clinic waiting area/, 30_000);
    await reminder.getByText(/Close the loop/).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(hana.page, 'schedule-nudge-card', { fullPage: false });
    await hana.press(reminder, 'Remind me in a week');
    await hana.waitForCard(/Reminder snoozed/);

    const digest = await ivy.waitForCard(/This week for the IEV team/, 30_000);
    await digest.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(ivy.page, 'schedule-digest-card', { fullPage: false });
  });
});
