import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import { STEP_KEYS } from '../../domain/planning/plan-steps.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText, findAction, inputsOf } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV, SECOND_HOST } from '../helpers/users.js';
import { ANSWERS, assertValid, inputValue, pressOn, problemUnder } from './planning-steps.js';
import { OUTCOME_VERBS, PLAN_VERBS, SESSION_VERBS, SUPPORT_VERBS } from '../../bot/planning/planning-verbs.js';

/** Walks the step cards from the one given, answering from ANSWERS, skipping the steps named. Returns the last card. */
async function answerSteps(
  chat: ReturnType<TestApp['personalChat']>,
  from: AdaptiveCard,
  count: number,
  skip: readonly string[] = [],
): Promise<AdaptiveCard> {
  let card = from;
  for (let index = 0; index < count; index += 1) {
    const step = findAction(card, PLAN_VERBS.next.verb)!.data!.step as string;
    card = skip.includes(step)
      ? (await pressOn(chat, card, PLAN_VERBS.skip.verb)).card
      : (await pressOn(chat, card, PLAN_VERBS.next.verb, ANSWERS[step])).card;
  }
  return card;
}

describe('Planning with the bot, through /api/messages', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  });
  afterEach(() => app.stop());

  it('welcomes a host once when installed, with a button to start planning', async () => {
    const chat = app.personalChat(HOST);
    const [welcome] = cardsSent(await chat.install());
    assertValid(welcome);
    assert.match(cardText(welcome), /Hello, I\u2019m Involvement Hub/);
    assert.ok(findAction(welcome, PLAN_VERBS.start.verb));
    assert.equal((await chat.install()).length, 0);
    const { card } = await pressOn(chat, welcome, PLAN_VERBS.start.verb);
    assert.match(cardText(card), /Step 1 of 14/);
  });

  it('welcomes a team once when the app is added, not when more people join', async () => {
    const channel = app.channel(HOST, {
      teamId: '19:ward-team@thread.tacv2',
      channelId: '19:ward-general@thread.tacv2',
    });
    const [welcome] = cardsSent(await channel.install());
    assertValid(welcome);
    assert.match(cardText(welcome), /Involvement Hub has been added to this team/);
    assert.equal((await channel.membersAdded([{ id: '29:new-colleague', name: 'New colleague' }])).length, 0);
    assert.equal((await channel.install()).length, 0);
  });

  const phrases: Array<[string, RegExp]> = [
    ['I want to plan some engagement', /Step 1 of 14/],
    ['I would like to plan a focus group', /Step 1 of 14/],
    ['I\u2019d like to involve carers in our redesign', /Step 1 of 14/],
    ['start a plan', /Step 1 of 14/],
    ['Help me organise some involvement for our ward', /Step 1 of 14/],
    ['my plans', /Your plans/],
    ['continue', /Your plans/],
    ['show me my plans', /Your plans/],
    ['help', /plan[\s\S]*my plans[\s\S]*log a session/],
  ];
  for (const [phrase, expected] of phrases) {
    it(`understands "${phrase}"`, async () => {
      const cards = cardsSent(await app.personalChat(HOST).say(phrase));
      assert.match(cardText(cards[0]), expected);
    });
  }

  it('takes a host from "I want to plan some engagement" to a plan summary, across a server restart', async () => {
    const chat = app.personalChat(HOST);
    const [first] = cardsSent(await chat.say('I want to plan some engagement'));
    assertValid(first);
    assert.match(cardText(first), /Step 1 of 14/);
    assert.match(cardText(first), /Purpose and objectives/);
    assert.match(cardText(first), /Be clear about why you are involving people/);
    assert.ok(findAction(first, PLAN_VERBS.exit.verb), 'Save and exit is offered');

    let card = await answerSteps(chat, first!, 6);
    assert.match(cardText(card), /Step 7 of 14 \u00b7 Calmer memory clinic waiting area/);
    assert.match(cardText(card), /What can people influence\?/);
    assert.ok(
      findAction(card, PLAN_VERBS.back.verb) &&
        findAction(card, PLAN_VERBS.skip.verb) &&
        findAction(card, PLAN_VERBS.exit.verb),
    );

    await app.restart();

    card = await answerSteps(chat, card, 8, ['commissioning']);
    const summary = cardText(card);
    assert.match(summary, /Your plan \u00b7 Planned, ready to start/);
    assert.match(summary, /Calmer memory clinic waiting area/);
    assert.match(summary, /Seating, colours, signs and music/);
    assert.match(summary, /Age; Disability; Carers/);
    assert.match(summary, /\u00a3600/);
    assert.match(summary, /Skipped for now\./, 'the skipped commissioning step says so');
    assert.match(summary, /No feedback route yet/);
    assert.match(summary, /EIA needed but not started/);
    assert.doesNotMatch(summary, /Seldom-heard groups not considered/);
    assert.match(summary, /No one aged 18\u201324 has taken part yet\./, 'the reach gap, before anyone took part');
    assert.match(summary, /No one caring unpaid for someone has taken part yet\./);

    const [stored] = await app.services.planStore.plansOf(HOST.id);
    assert.equal(stored!.phase, 'planned');
    assert.equal(stored!.position, 'summary');
    assert.deepEqual(stored!.answers.people, {
      groups: ['age', 'disability', 'carers'],
      otherGroups: 'People who come alone',
    });
    assert.deepEqual(stored!.skipped, ['commissioning']);
    assert.equal(stored!.serviceArea, 'Older people\u2019s mental health');
    assert.equal(Object.keys(stored!.answers).length, STEP_KEYS.length - 1);
  });

  it('shows ideas matched to the groups chosen on the methods step', async () => {
    const chat = app.personalChat(HOST);
    const [first] = cardsSent(await chat.say('plan'));
    const methods = await answerSteps(chat, first!, 3);
    assert.match(cardText(methods), /How can you be creative\?/);
    assert.match(cardText(methods), /Ideas for the groups you chose/);
    assert.match(cardText(methods), /carers\u2019 hubs/);
    assert.match(cardText(methods), /easy read, large print or a BSL interpreter/);
  });

  it('lets a host save and exit, then carry on from "my plans" days later where they were', async () => {
    const chat = app.personalChat(HOST);
    const [first] = cardsSent(await chat.say('plan'));
    const third = await answerSteps(chat, first!, 2);
    const { card: saved } = await pressOn(chat, third, PLAN_VERBS.exit.verb, ANSWERS.people);
    assert.match(cardText(saved), /Saved: Calmer memory clinic waiting area/);
    assert.match(cardText(saved), /Step 4 of 14: How can you be creative\?/);

    const [list] = cardsSent(await chat.say('my plans'));
    assertValid(list);
    assert.match(cardText(list), /Calmer memory clinic waiting area/);
    assert.match(cardText(list), /Planning/);
    assert.match(cardText(list), /Step 4 of 14/);
    const { card: resumed } = await pressOn(chat, list, PLAN_VERBS.resume.verb);
    assert.match(cardText(resumed), /Step 4 of 14/);

    const { card: back } = await pressOn(chat, resumed, PLAN_VERBS.back.verb);
    assert.match(cardText(back), /Step 3 of 14/);
    assert.equal(inputValue(back, 'groups'), 'age,disability,carers', 'earlier answers are shown again');
  });

  it('lets a host change one answer from the summary and returns to the summary', async () => {
    const chat = app.personalChat(HOST);
    const [first] = cardsSent(await chat.say('plan'));
    const summary = await answerSteps(chat, first!, 14);
    assert.match(cardText(summary), /No feedback route yet/);
    const changeFeedback = summary.body
      .flatMap((element) => (element.type === 'ActionSet' ? element.actions : []))
      .find((action) => action.type === 'Action.Execute' && action.data?.step === 'feedback');
    const { card: edit } = await chat.press(
      PLAN_VERBS.edit.verb,
      changeFeedback?.type === 'Action.Execute' ? changeFeedback.data : undefined,
    );
    assertValid(edit);
    assert.match(cardText(edit), /Using feedback and reporting back/);
    assert.equal(inputValue(edit!, 'feedbackUse'), 'To choose the layout together');
    const { card: after } = await pressOn(chat, edit, PLAN_VERBS.next.verb, {
      feedbackUse: 'To choose the layout together',
      feedbackRoute: 'A "you said, we did" poster in the clinic and a letter to everyone involved',
    });
    assert.match(cardText(after), /Your plan \u00b7/);
    assert.match(cardText(after), /you said, we did" poster/);
    assert.doesNotMatch(cardText(after), /No feedback route yet/);
  });

  it('answers a press on an out-of-date card with the current step and changes nothing', async () => {
    const chat = app.personalChat(HOST);
    const [first] = cardsSent(await chat.say('plan'));
    const second = await answerSteps(chat, first!, 1);
    await answerSteps(chat, second, 2);
    const [before] = await app.services.planStore.plansOf(HOST.id);
    const { card: stale } = await pressOn(chat, second, PLAN_VERBS.next.verb, {
      earlierEngagement: 'Typed on an old card',
    });
    assert.match(cardText(stale), /This card is out of date, so nothing was changed/);
    assert.match(cardText(stale), /Step 4 of 14/);
    const [afterPress] = await app.services.planStore.plansOf(HOST.id);
    assert.equal(afterPress!.revision, before!.revision);
    assert.equal(afterPress!.answers.known?.earlierEngagement, ANSWERS.known!.earlierEngagement);
  });

  it('makes one plan when the first card is pressed twice (a retry, a double click)', async () => {
    const chat = app.personalChat(HOST);
    const [first] = cardsSent(await chat.say('plan'));
    const [one, two] = await Promise.all([
      pressOn(chat, first, PLAN_VERBS.next.verb, ANSWERS.purpose),
      pressOn(chat, first, PLAN_VERBS.next.verb, ANSWERS.purpose),
    ]);
    assert.match(cardText(one.card), /Step 2 of 14/);
    assert.match(cardText(two.card), /Step 2 of 14/);
    assert.equal((await app.services.planStore.plansOf(HOST.id)).length, 1);
  });

  it('keeps one answer when two devices press Next on the same step at once, and tells the other it was out of date', async () => {
    const chat = app.personalChat(HOST);
    const [first] = cardsSent(await chat.say('plan'));
    const second = await answerSteps(chat, first!, 1);
    const [phone, laptop] = await Promise.all([
      pressOn(chat, second, PLAN_VERBS.next.verb, { earlierEngagement: 'From the phone' }),
      pressOn(chat, second, PLAN_VERBS.next.verb, { earlierEngagement: 'From the laptop' }),
    ]);
    const texts = [cardText(phone.card), cardText(laptop.card)];
    assert.equal(
      texts.filter((text) => /This card is out of date/.test(text)).length,
      1,
      'exactly one press lost the race',
    );
    const [stored] = await app.services.planStore.plansOf(HOST.id);
    assert.equal(stored!.revision, 2);
    assert.ok(['From the phone', 'From the laptop'].includes(String(stored!.answers.known?.earlierEngagement)));
  });

  describe('refuses bad submissions with the same card, answers kept, and stores nothing', () => {
    const rows: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['a missing name', { purpose: 'Why we are doing it' }, 'title', /Please fill this in/],
      [
        'a number for the name',
        { title: 42, purpose: 'Why we are doing it' },
        'title',
        /Please type your answer as text/,
      ],
      ['a 50 KB purpose', { title: 'Big', purpose: 'x'.repeat(50_000) }, 'purpose', /2,000 characters or fewer/],
    ];
    for (const [name, inputs, field, message] of rows) {
      it(`on step 1: ${name}`, async () => {
        const chat = app.personalChat(HOST);
        const [first] = cardsSent(await chat.say('plan'));
        const { card } = await pressOn(chat, first, PLAN_VERBS.next.verb, inputs);
        assert.match(problemUnder(card, field) ?? '', message);
        assert.match(cardText(card), /Nothing was saved yet/);
        assert.match(cardText(card), /Step 1 of 14/);
        if (typeof inputs.purpose === 'string')
          assert.equal(inputValue(card, 'purpose'), inputs.purpose.slice(0, 2000));
        assert.deepEqual(await app.services.planStore.plansOf(HOST.id), []);
      });
    }

    it('a choice that was never offered, on a later step', async () => {
      const chat = app.personalChat(HOST);
      const [first] = cardsSent(await chat.say('plan'));
      const people = await answerSteps(chat, first!, 2);
      const { card } = await pressOn(chat, people, PLAN_VERBS.next.verb, {
        groups: 'age,<script>',
        otherGroups: 'Kept',
      });
      assert.match(problemUnder(card, 'groups') ?? '', /Please choose from the options shown/);
      assert.equal(inputValue(card, 'otherGroups'), 'Kept');
      const [stored] = await app.services.planStore.plansOf(HOST.id);
      assert.equal(stored!.answers.people, undefined);
    });

    it('forged action data: an unknown step or a broken revision', async () => {
      const chat = app.personalChat(HOST);
      const { card } = await chat.press(PLAN_VERBS.next.verb, {
        step: 'steal-everything',
        revision: 1,
        title: 'x',
        purpose: 'y',
      });
      assert.match(cardText(card), /That button didn\u2019t work/);
      const { card: second } = await chat.press(PLAN_VERBS.next.verb, {
        step: 'purpose',
        revision: { $gt: 0 },
        title: 'x',
        purpose: 'y',
      });
      assert.match(cardText(second), /That button didn\u2019t work/);
      const { card: third } = await chat.press(PLAN_VERBS.next.verb, {
        step: 'purpose',
        revision: 0,
        op: '../../dbs/other',
        title: 'x',
        purpose: 'y',
      });
      assert.match(cardText(third), /That button didn\u2019t work/);
      assert.deepEqual(await app.services.planStore.plansOf(HOST.id), []);
    });

    it('another host\u2019s plan id: not found, not shown, not changed', async () => {
      const chat = app.personalChat(HOST);
      const [first] = cardsSent(await chat.say('plan'));
      const second = await answerSteps(chat, first!, 1);
      const data = findAction(second, PLAN_VERBS.next.verb)!.data!;
      const intruder = app.personalChat(SECOND_HOST);
      for (const verb of [
        PLAN_VERBS.resume.verb,
        PLAN_VERBS.summary.verb,
        SUPPORT_VERBS.start.verb,
        SESSION_VERBS.start.verb,
        OUTCOME_VERBS.start.verb,
      ]) {
        const { card } = await intruder.press(verb, { planId: data.planId });
        assert.match(cardText(card), /couldn\u2019t find that plan/, verb);
        assert.doesNotMatch(cardText(card), /Calmer memory clinic/, verb);
      }
      const { card } = await intruder.press(PLAN_VERBS.next.verb, { ...data, earlierEngagement: 'Overwritten' });
      assert.match(cardText(card), /couldn\u2019t find that plan/);
      const [stored] = await app.services.planStore.plansOf(HOST.id);
      assert.equal(stored!.revision, data.revision);
      assert.equal(stored!.answers.known, undefined);
      assert.deepEqual(await app.services.planStore.plansOf(SECOND_HOST.id), []);
    });
  });

  it('does not let someone who can only view make a plan, even with a forged first card', async () => {
    const viewer = { id: '00000000-0000-0000-0000-00000000a0f1', name: 'Vic Viewer (test)' };
    await app.services.directoryStore.savePerson({ userId: viewer.id, displayName: viewer.name, roles: ['viewer'] });
    const chat = app.personalChat(viewer);
    const [refused] = cardsSent(await chat.say('plan'));
    assert.match(cardText(refused), /Only colleagues who host involvement work can make plans/);
    const { card } = await chat.press(PLAN_VERBS.next.verb, {
      step: 'purpose',
      revision: 0,
      mode: 'walk',
      op: 'forged-op',
      ...ANSWERS.purpose,
    });
    assert.match(cardText(card), /Only colleagues who host involvement work can make plans/);
    assert.deepEqual(await app.services.planStore.plansOf(viewer.id), []);
  });

  it('labels every input on every step card, and every step card renders', async () => {
    const chat = app.personalChat(HOST);
    const [first] = cardsSent(await chat.say('plan'));
    let card = first!;
    for (let index = 0; index < STEP_KEYS.length; index += 1) {
      for (const input of inputsOf(card)) assert.ok(input.label, `${input.id} has a label`);
      card = (await pressOn(chat, card, PLAN_VERBS.next.verb, ANSWERS[STEP_KEYS[index]!])).card;
    }
    assert.match(cardText(card), /Your plan/);
  });
});
