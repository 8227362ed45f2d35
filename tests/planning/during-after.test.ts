import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { cardsSent, type ChatClient } from '../helpers/chat.js';
import { HOST, IEV } from '../helpers/users.js';
import { inputValue, pressOn, problemUnder, planAtSummary, registerPartner } from './planning-steps.js';
import { OUTCOME_VERBS, SESSION_VERBS } from '../../bot/planning/planning-verbs.js';

const today = () => new Date().toISOString().slice(0, 10);

describe('During and after: sessions with registered partners, and closing the loop', () => {
  let app: TestApp;
  let host: ChatClient;
  beforeEach(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    host = app.personalChat(HOST);
    await registerPartner(app.services, 'partner-ali', 'Ali Khan');
    await registerPartner(app.services, 'partner-alison', 'Alison Grey');
    await registerPartner(app.services, 'partner-bea', 'Bea Jones');
    await registerPartner(app.services, 'partner-left', 'Alan Former', 'left');
  });
  afterEach(() => app.stop());

  async function sessionForm(): Promise<AdaptiveCard> {
    const { card } = await pressOn(host, await planAtSummary(host), SESSION_VERBS.start.verb);
    assert.match(cardText(card), /Log a session/);
    assert.match(cardText(card), /Does everyone feel engaged and heard\?/);
    return card;
  }

  it('finds partners on the register by name, logs the session with them, and checks in on the group', async () => {
    const form = await sessionForm();
    const { card: found } = await pressOn(host, form, SESSION_VERBS.search.verb, {
      partnerSearch: 'ali',
      howItWent: 'Good ideas about seating',
    });
    assert.match(cardText(found), /Found 2 on the register/);
    assert.match(cardText(found), /Ali Khan/);
    assert.match(cardText(found), /Alison Grey/);
    assert.doesNotMatch(cardText(found), /Alan Former/, 'people who have left the register are not offered');
    assert.equal(inputValue(found, 'howItWent'), 'Good ideas about seating', 'answers typed before searching are kept');

    const { card: logged } = await pressOn(host, found, SESSION_VERBS.save.verb, {
      date: today(),
      durationMinutes: '90',
      format: 'visit',
      partnerIds: 'partner-ali,partner-alison',
      howItWent: 'Good ideas about seating',
      checkIn: 'mostly',
      checkInNotes: 'Two people were quiet; I will call them.',
    });
    assert.match(cardText(logged), /Session logged/);
    assert.match(cardText(logged), /Ali Khan, Alison Grey/);
    assert.match(cardText(logged), /90 minutes/);
    assert.match(cardText(logged), /Not everyone felt heard/);

    const [plan] = await app.services.planStore.plansOf(HOST.id);
    assert.equal(plan!.phase, 'running');
    assert.equal(plan!.sessions.length, 1);
    assert.deepEqual(plan!.sessions[0]!.partnerIds, ['partner-ali', 'partner-alison']);
    assert.deepEqual(plan!.partnerIds, ['partner-ali', 'partner-alison']);
    assert.equal(plan!.sessions[0]!.checkIn, 'mostly');
    const work = await app.services.work.plansWithPartner('partner-alison');
    assert.deepEqual(
      work.map((item) => item.title),
      ['Calmer memory clinic waiting area'],
      'the register shows the partner\u2019s involvement',
    );

    await pressOn(host, found, SESSION_VERBS.save.verb, {
      date: today(),
      durationMinutes: '90',
      format: 'visit',
      partnerIds: 'partner-ali',
      checkIn: 'mostly',
    });
    const [again] = await app.services.planStore.plansOf(HOST.id);
    assert.equal(again!.sessions.length, 1, 'pressing Save again on the same card does not log it twice');

    const ali = await app.services.partners.get('partner-ali');
    assert.equal(ali.hoursInvolved, 1.5, 'the register counts the 90 minutes once, however often Save is pressed');
    assert.equal(ali.lastInvolvedAt?.slice(0, 10), today());
    assert.equal(
      (await app.services.partners.get('partner-bea')).hoursInvolved,
      0,
      'partners who were not there are unchanged',
    );
  });

  const refusals: Array<[string, Record<string, unknown>, string, RegExp]> = [
    [
      'a partner id that is not on the register',
      { partnerIds: 'partner-ali,partner-invented' },
      'partnerIds',
      /not on the Involvement Register/,
    ],
    [
      'a partner who has left the register',
      { partnerIds: 'partner-left' },
      'partnerIds',
      /not on the Involvement Register/,
    ],
    ['a date in the future', { date: '2999-01-01' }, 'date', /in the future/],
    ['no length', { durationMinutes: '' }, 'durationMinutes', /length in minutes/],
    ['a length as words', { durationMinutes: 'ninety' }, 'durationMinutes', /length in minutes/],
    ['a made-up format', { format: 'telepathy' }, 'format', /how the session was held/],
    ['no check-in answer', { checkIn: undefined }, 'checkIn', /engaged and heard/],
    ['a 50 KB note', { howItWent: 'x'.repeat(50_000) }, 'howItWent', /2,000 characters or fewer/],
  ];
  for (const [name, change, field, message] of refusals) {
    it(`refuses a session with ${name}, and stores nothing`, async () => {
      const form = await sessionForm();
      const inputs = {
        date: today(),
        durationMinutes: '60',
        format: 'in-person',
        partnerIds: 'partner-bea',
        checkIn: 'yes',
        ...change,
      };
      const { card } = await pressOn(host, form, SESSION_VERBS.save.verb, inputs);
      const shown =
        field === 'partnerIds' && !problemUnder(card, field) ? cardText(card) : (problemUnder(card, field) ?? '');
      assert.match(shown, message);
      assert.match(cardText(card), /Nothing was saved yet/);
      const [plan] = await app.services.planStore.plansOf(HOST.id);
      assert.equal(plan!.sessions.length, 0);
    });
  }

  it('records the outcome: decisions, you said / we did linked to a session, feedback, thanks and a short evaluation', async () => {
    const form = await sessionForm();
    await pressOn(host, form, SESSION_VERBS.save.verb, {
      date: today(),
      durationMinutes: '120',
      format: 'in-person',
      partnerIds: 'partner-bea',
      checkIn: 'yes',
    });
    const [withSession] = await app.services.planStore.plansOf(HOST.id);
    const sessionId = withSession!.sessions[0]!.id;

    const { card: outcomeForm } = await host.press(OUTCOME_VERBS.start.verb, { planId: withSession!.id });
    assert.match(cardText(outcomeForm), /Record the outcome/);
    assert.match(cardText(outcomeForm), /Record a thank-you to the 1 Involvement Partner who took part/);
    const { card: closed } = await pressOn(host, outcomeForm, OUTCOME_VERBS.save.verb, {
      decisions: 'New seating layout and quieter music, from May.',
      youSaid1: 'The chairs in rows feel like a bus station',
      weDid1: 'Chairs are now in small groups',
      session1: sessionId,
      feedbackHow: 'A poster in the clinic and a letter to each partner',
      feedbackTo: 'Everyone who took part, and the service board',
      thankPartners: 'true',
      rating: 'good',
      evaluationComment: 'Start earlier next time.',
    });
    assert.match(cardText(closed), /Outcome recorded\. Well done\./);
    assert.match(cardText(closed), /You said: The chairs in rows feel like a bus station/);
    assert.match(cardText(closed), /Thank you for taking part in \u201cCalmer memory clinic waiting area\u201d/);

    const [plan] = await app.services.planStore.plansOf(HOST.id);
    assert.equal(plan!.phase, 'closed');
    assert.deepEqual(plan!.outcome!.youSaidWeDid, [
      { youSaid: 'The chairs in rows feel like a bus station', weDid: 'Chairs are now in small groups', sessionId },
    ]);
    assert.deepEqual(plan!.outcome!.thankedPartnerIds, ['partner-bea']);
    assert.deepEqual(plan!.outcome!.evaluation, { rating: 'good', comment: 'Start earlier next time.' });

    const [list] = cardsSent(await host.say('my plans'));
    assert.match(cardText(list), /Finished/);
  });

  it('refuses an outcome with half a "you said, we did", or a session that is not in this plan, and stores nothing', async () => {
    const summary = await planAtSummary(host);
    const { card: outcomeForm } = await pressOn(host, summary, OUTCOME_VERBS.start.verb);
    const { card: refused } = await pressOn(host, outcomeForm, OUTCOME_VERBS.save.verb, {
      decisions: 'Decided things',
      youSaid1: 'Too noisy',
      session2: 'session-of-someone-else',
      youSaid2: 'a',
      weDid2: 'b',
    });
    assert.match(problemUnder(refused, 'weDid1') ?? '', /Please say what you did about it/);
    assert.equal(inputValue(refused, 'youSaid1'), 'Too noisy');
    const { card: noDecisions } = await pressOn(host, outcomeForm, OUTCOME_VERBS.save.verb, { decisions: '' });
    assert.match(problemUnder(noDecisions, 'decisions') ?? '', /Please fill this in/);
    const [plan] = await app.services.planStore.plansOf(HOST.id);
    assert.equal(plan!.outcome, undefined);
    assert.equal(plan!.phase, 'planned');
  });

  it('goes straight to the session form from "log a session" when one plan is under way', async () => {
    await planAtSummary(host);
    const [card] = cardsSent(await host.say('log a session'));
    assert.match(cardText(card), /Log a session/);
  });
});
