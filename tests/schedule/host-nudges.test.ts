import assert from 'node:assert/strict';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';
import { OUTCOME_VERBS, PLAN_VERBS, SESSION_VERBS } from '../../bot/planning/planning-verbs.js';
import { NUDGE_VERBS } from '../../bot/schedule/nudge-verbs.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText, findAction, validateCard } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV } from '../helpers/users.js';
import {
  addMileage,
  addPartner,
  eventually,
  pressFor,
  startClaim,
  submit,
  submittedClaim,
} from '../claims/claim-steps.js';
import { ANSWERS, planAtSummary, pressOn, registerPartner } from '../planning/planning-steps.js';
import { remindersArrived, remindersTo, runScheduledJobs, startScheduleApp, TestClock } from './schedule-steps.js';
import { outboxQuiet } from '../helpers/outbox.js';

const CLOSE_THE_LOOP = /Close the loop: Calmer memory clinic waiting area/;
const UNSENT = /Lena Lowe\u2019s claim has not been sent/;

describe('schedule: reminders to hosts, each once when due', () => {
  let app: TestApp;
  let clock: TestClock;
  const started = new Date();
  beforeEach(async () => {
    clock = new TestClock();
    app = await startScheduleApp(clock);
  });
  afterEach(() => app?.stop());

  it('reminds the host to close the loop 4 weeks after the last session, not before, never twice, with the button that records it', async () => {
    const host = app.personalChat(HOST);
    await registerPartner(app.services, 'partner-ali', 'Ali Khan');
    const { card: form } = await pressOn(host, await planAtSummary(host), SESSION_VERBS.start.verb);
    await pressOn(host, form, SESSION_VERBS.save.verb, {
      date: started.toISOString().slice(0, 10),
      durationMinutes: '60',
      format: 'in-person',
      partnerIds: 'partner-ali',
      checkIn: 'yes',
    });
    const [plan] = await app.services.planStore.plansOf(HOST.id);

    clock.setDaysAfter(started, 27);
    await runScheduledJobs(app);
    assert.deepEqual(await app.services.outbox.store.forSubject(plan!.id), [], 'nothing is owed before 4 weeks');
    assert.equal(remindersTo(app, HOST, CLOSE_THE_LOOP).length, 0);

    clock.setDaysAfter(started, 28.5);
    await runScheduledJobs(app);
    const [reminder] = await remindersArrived(app, HOST, CLOSE_THE_LOOP);
    assert.deepEqual(validateCard(reminder), []);
    assert.match(cardText(reminder), /4 weeks ago/);
    const record = findAction(reminder, OUTCOME_VERBS.start.verb);
    assert.equal(record?.title, 'Record what changed');
    assert.ok(findAction(reminder, NUDGE_VERBS.snooze.verb) && findAction(reminder, NUDGE_VERBS.stop.verb));

    // The same day again, and the days after: the reminder was given.
    await runScheduledJobs(app);
    clock.setDaysAfter(started, 30.5);
    await runScheduledJobs(app);
    clock.setDaysAfter(started, 45.5);
    await runScheduledJobs(app);
    const owed = await app.services.outbox.store.forSubject(plan!.id);
    assert.equal(owed.length, 1);
    assert.equal(owed[0]!.status, 'delivered');
    assert.equal(remindersTo(app, HOST, CLOSE_THE_LOOP).length, 1, 'reminded exactly once');

    // The button opens the outcome form for this plan.
    const { card: outcomeForm } = await pressOn(host, reminder, OUTCOME_VERBS.start.verb);
    assert.match(cardText(outcomeForm), /you said/i);
  });

  it('reminds the host a week before the first session to contact the partners, and the button says what to tell them', async () => {
    const host = app.personalChat(HOST);
    const midnight = new Date(`${started.toISOString().slice(0, 10)}T00:00:00.000Z`);
    const firstSession = new Date(midnight.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const [opening] = cardsSent(await host.say('plan'));
    let step = (await pressOn(host, opening, PLAN_VERBS.next.verb, ANSWERS.purpose)).card;
    while (!/When and where/.test(cardText(step))) step = (await pressOn(host, step, PLAN_VERBS.skip.verb)).card;
    await pressOn(host, step, PLAN_VERBS.next.verb, { whenWhere: 'At the dementia cafe', firstSession });
    const [plan] = await app.services.planStore.plansOf(HOST.id);
    assert.equal(plan!.answers.timing?.firstSession, firstSession);
    const contact = /Contact the partners before the first session: Calmer memory clinic waiting area/;

    clock.setDaysAfter(midnight, 2.5);
    await runScheduledJobs(app);
    assert.equal(remindersTo(app, HOST, contact).length, 0, 'not more than a week before');

    clock.setDaysAfter(midnight, 3.5);
    await runScheduledJobs(app);
    const [reminder] = await remindersArrived(app, HOST, contact);
    assert.deepEqual(validateCard(reminder), []);
    assert.match(cardText(reminder), /in 7 days/);
    const { card: brief } = await pressOn(host, reminder, NUDGE_VERBS.partnersBrief.verb);
    assert.match(cardText(brief), /ask about their communication and access needs/);
    assert.match(cardText(brief), /At the dementia cafe/);
    const { card: done } = await pressOn(host, brief, NUDGE_VERBS.partnersContacted.verb);
    assert.match(cardText(done), /Partners contacted/);
    assert.ok((await app.services.planStore.findPlan(HOST.id, plan!.id))?.partnersContactedAt);

    clock.setDaysAfter(midnight, 5.5);
    await runScheduledJobs(app);
    assert.equal(remindersTo(app, HOST, contact).length, 1, 'reminded once, and not after the partners were contacted');
  });

  it('reminds the host of a question the IEV team asked, after 5 days, with the button to answer it', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await submittedClaim(app, host, 'Lena Lowe');
    await pressFor(app.channel(IEV), CLAIM_VERBS.query.verb, { claimId, question: 'Was the parking receipt lost?' });
    const waiting = /A question about Lena Lowe\u2019s claim is waiting for you/;

    clock.advanceDays(4.5);
    await runScheduledJobs(app);
    assert.equal(remindersTo(app, HOST, waiting).length, 0, 'not before 5 days');

    clock.advanceDays(1);
    await runScheduledJobs(app);
    const [reminder] = await remindersArrived(app, HOST, waiting);
    assert.match(cardText(reminder), /Was the parking receipt lost\?/);
    assert.equal(findAction(reminder, CLAIM_VERBS.show.verb)?.title, 'Answer the question');
    clock.advanceDays(1);
    await runScheduledJobs(app);
    assert.equal(remindersTo(app, HOST, waiting).length, 1, 'reminded exactly once');
  });

  it('drops a reminder owed but not yet delivered once the host has sent the claim', async () => {
    const host = app.personalChat(HOST);
    await addPartner(app, 'Lena Lowe');
    const { claimId } = await startClaim(host, 'Lena');
    await addMileage(host, claimId, '12');
    // Teams throttles the reminder: it stays owed.
    app.connector.fault = (call) => (JSON.stringify(call.activity).includes('has not been sent') ? 429 : undefined);
    clock.advanceDays(7.5);
    await runScheduledJobs(app);
    const [owed] = await eventually(async () => {
      const found = (await app.services.outbox.store.forSubject(claimId)).filter((m) => m.topic === 'nudge');
      return found.length > 0 && found[0]!.attempts > 0 && found;
    }, 'a throttled reminder');
    assert.equal(owed!.status, 'pending');

    await submit(host, claimId);
    app.connector.fault = undefined;
    clock.advanceDays(1);
    await runScheduledJobs(app);
    const settled = await eventually(
      async () => (await app.services.outbox.store.find(owed!.id))?.status === 'void',
      'the reminder to be dropped',
    );
    assert.ok(settled);
    assert.equal(remindersTo(app, HOST, UNSENT).length, 0, 'a reminder about something done is never sent');
  });

  it('snoozes for a week and stops for one claim, remembered in the database across a restart', async () => {
    const host = app.personalChat(HOST);
    await addPartner(app, 'Lena Lowe');
    const { claimId } = await startClaim(host, 'Lena');
    clock.advanceDays(7.5);
    await runScheduledJobs(app);
    const [first] = await remindersArrived(app, HOST, UNSENT);
    assert.ok(findAction(first, CLAIM_VERBS.show.verb) && findAction(first, CLAIM_VERBS.discard.verb));

    const { card: snoozed } = await pressOn(host, first, NUDGE_VERBS.snooze.verb);
    assert.match(cardText(snoozed), /Reminder snoozed/);
    await app.restart();

    clock.advanceDays(3);
    await runScheduledJobs(app);
    assert.equal(remindersTo(app, HOST, UNSENT).length, 1, 'nothing while snoozed');
    clock.advanceDays(5);
    await runScheduledJobs(app);
    const [, second] = await remindersArrived(app, HOST, UNSENT, 2);
    const { card: stopped } = await pressOn(host, second, NUDGE_VERBS.stop.verb);
    assert.match(cardText(stopped), /Reminders stopped/);

    const preference = await app.services.schedule.preferenceStore.findPreference(HOST.id, claimId);
    assert.equal(preference?.stopped, true);
    await app.restart();
    clock.advanceDays(20);
    await runScheduledJobs(app);
    assert.equal(remindersTo(app, HOST, UNSENT).length, 2, 'no reminder after stopping');
  });
});

describe('schedule: each run happens once, across instances and restarts', () => {
  let first: TestApp;
  let second: TestApp | undefined;
  const clock = new TestClock();
  before(async () => {
    first = await startScheduleApp(clock);
  });
  after(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('two instances on one database send one reminder, and a restarted instance sends none again', async () => {
    const host = first.personalChat(HOST);
    await addPartner(first, 'Lena Lowe');
    await startClaim(host, 'Lena');
    second = await startTestApp({
      database: first.databaseName,
      connector: first.connector,
      env: { IEV_MEMBER_IDS: IEV.id, SCHEDULE_HOUR_UTC: '0' },
      start: { clock: clock.now },
    });

    clock.advanceDays(7.5);
    const [ranFirst, ranSecond] = await Promise.all([
      first.services.schedule.scheduler.tick(),
      second.services.schedule.scheduler.tick(),
    ]);
    assert.deepEqual(
      [...ranFirst, ...ranSecond].filter((job) => job === 'host-nudges'),
      ['host-nudges'],
      'one instance ran the day\u2019s reminders',
    );
    await eventually(async () => remindersTo(first, HOST, UNSENT).length > 0, 'the reminder');

    await first.restart();
    await runScheduledJobs(first);
    await runScheduledJobs(second);
    await outboxQuiet([first, second]);
    assert.equal(remindersTo(first, HOST, UNSENT).length, 1, 'sent exactly once');
  });

  it('takes over a run whose instance died part-way, once its lease has ended', async () => {
    clock.advanceDays(1);
    const period = clock.now().toISOString().slice(0, 10);
    const runs = first.services.schedule.runs;
    await runs.createRun({
      id: `schedule-run:host-nudges:${period}`,
      type: 'schedule-run',
      schemaVersion: 1,
      job: 'host-nudges',
      period,
      status: 'running',
      leasedUntil: new Date(clock.now().getTime() + 60_000).toISOString(),
      attempts: 1,
      startedAt: clock.now().toISOString(),
    });
    const nudgesRan = async () =>
      (await first.services.schedule.scheduler.tick()).filter((job) => job === 'host-nudges');
    assert.deepEqual(await nudgesRan(), [], 'left alone while its lease runs');
    clock.advanceDays(0.01);
    assert.deepEqual(await nudgesRan(), ['host-nudges']);
    const run = await runs.findRun(`schedule-run:host-nudges:${period}`);
    assert.equal(run?.status, 'done');
    assert.equal(run?.attempts, 2);
    await runScheduledJobs(first);
    assert.equal(remindersTo(first, HOST, UNSENT).length, 1, 'the run taken over sent nothing twice');
  });
});
