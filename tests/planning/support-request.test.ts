import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText, cardsIn, findAction } from '../helpers/cards.js';
import { cardsSent, type ChatClient } from '../helpers/chat.js';
import { HOST, IEV, OTHER, SECOND_IEV } from '../helpers/users.js';
import { assertValid, pressOn, planAtSummary, problemUnder } from './planning-steps.js';
import { PLAN_VERBS, SUPPORT_VERBS } from '../../bot/planning/planning-verbs.js';
import { outboxQuiet } from '../helpers/outbox.js';

const IEV_CHANNEL = '19:iev-channel@thread.tacv2';

describe('Asking the IEV team for help (New Works)', () => {
  let app: TestApp;
  let host: ChatClient;
  beforeEach(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: `${IEV.id},${SECOND_IEV.id}` } });
    host = app.personalChat(HOST);
  });
  afterEach(() => app.stop());

  async function sendRequest(summary: AdaptiveCard): Promise<AdaptiveCard> {
    const { card: form } = await pressOn(host, summary, SUPPORT_VERBS.start.verb);
    assert.match(cardText(form), /Ask the IEV team for help/);
    assert.match(cardText(form), /Co-facilitation/);
    const { card } = await pressOn(host, form, SUPPORT_VERBS.send.verb, {
      kinds: 'planning,finding-people',
      description: 'We want to reach carers who do not come to the clinic.',
    });
    return card;
  }

  it('posts the request to the IEV channel; an IEV member takes it on from the card, everyone sees who, and the host is told', async () => {
    await app.channel(IEV).say('set up IEV channel');
    const summary = await planAtSummary(host);
    const sent = await sendRequest(summary);
    assert.match(cardText(sent), /Sent to the IEV team/);

    const post = app.connector
      .sentTo(IEV_CHANNEL)
      .find((call) => call.kind === 'send' && /New Works request/.test(cardText(cardsIn([call])[0])));
    assert.ok(post, 'the request card was posted in the IEV channel');
    const posted = cardsIn([post])[0]!;
    assertValid(posted);
    assert.match(cardText(posted), /Calmer memory clinic waiting area/);
    assert.match(cardText(posted), /Planning advice; Finding people to involve/);
    assert.match(cardText(posted), /We want to reach carers/);
    assert.match(cardText(posted), /Waiting for someone to pick it up/);
    assert.equal(findAction(posted, SUPPORT_VERBS.take.verb), undefined, 'the card everyone sees has no take button');
    assert.equal((posted.refresh as { action: { verb: string } }).action.verb, SUPPORT_VERBS.refresh.verb);

    const refreshData = (posted.refresh as { action: { data: Record<string, unknown> } }).action.data;
    const ivyView = await app
      .channel(IEV)
      .refresh(SUPPORT_VERBS.refresh.verb, refreshData, { replyToId: post.activityId });
    assertValid(ivyView.card);
    assert.ok(findAction(ivyView.card, SUPPORT_VERBS.take.verb), 'IEV members see "I\u2019ll take this"');
    const otherView = await app
      .channel(OTHER)
      .refresh(SUPPORT_VERBS.refresh.verb, refreshData, { replyToId: post.activityId });
    assert.equal(findAction(otherView.card, SUPPORT_VERBS.take.verb), undefined, 'others see the status only');

    const taken = await pressOn(
      app.channel(IEV),
      ivyView.card,
      SUPPORT_VERBS.take.verb,
      {},
      { replyToId: post.activityId },
    );
    assert.match(cardText(taken.card), /Picked up by Ivy IEV \(demo\)/);
    assert.equal(findAction(taken.card, SUPPORT_VERBS.take.verb), undefined);
    const update = app.connector.calls.find((call) => call.kind === 'update' && call.activityId === post.activityId);
    assert.ok(update, 'the channel card was updated for everyone');
    assert.match(cardText(cardsIn([update])[0]), /Picked up by Ivy IEV/);

    const told = await app.connector.waitFor(
      (call) =>
        call.conversationId === host.conversation.id &&
        /has picked up your request/.test(cardText(cardsIn([call])[0] ?? {})),
    );
    assert.match(
      cardText(cardsIn([told])[0]),
      /Ivy IEV \(demo\) has picked up your request for help with \u201cCalmer memory clinic waiting area\u201d/,
    );

    const [stored] = await app.services.planStore.openSupportRequests();
    assert.equal(stored, undefined, 'no request is left open');

    const { card: plan } = await pressOn(host, cardsIn([told])[0], PLAN_VERBS.resume.verb);
    assert.match(cardText(plan), /Help from the IEV team/);
    assert.match(cardText(plan), /Picked up by Ivy IEV \(demo\)/);
  });

  it('gives a request one owner when two IEV members press at once, and tells the host once', async () => {
    await app.channel(IEV).say('set up IEV channel');
    await sendRequest(await planAtSummary(host));
    const post = app.connector
      .sentTo(IEV_CHANNEL)
      .find((call) => /New Works request/.test(cardText(cardsIn([call])[0] ?? {})))!;
    const data = (cardsIn([post])[0]!.refresh as { action: { data: Record<string, unknown> } }).action.data;
    const [first, second] = await Promise.all([
      app.channel(IEV).press(SUPPORT_VERBS.take.verb, data, { replyToId: post.activityId }),
      app.channel(SECOND_IEV).press(SUPPORT_VERBS.take.verb, data, { replyToId: post.activityId }),
    ]);
    const owners = [cardText(first.card), cardText(second.card)].map((text) => /Picked up by (.+)/.exec(text)?.[1]);
    assert.equal(owners[0], owners[1], 'both see the same owner');
    assert.ok(owners[0] === 'Ivy IEV (demo)' || owners[0] === 'Iris IEV (test)');
    await outboxQuiet([app]);
    const notices = app.connector
      .sentTo(host.conversation.id)
      .filter((call) => /has picked up your request/.test(cardText(cardsIn([call])[0] ?? {})));
    assert.equal(notices.length, 1);
  });

  it('does not let someone outside the IEV team take a request, even with a forged press', async () => {
    await app.channel(IEV).say('set up IEV channel');
    await sendRequest(await planAtSummary(host));
    const post = app.connector
      .sentTo(IEV_CHANNEL)
      .find((call) => /New Works request/.test(cardText(cardsIn([call])[0] ?? {})))!;
    const data = (cardsIn([post])[0]!.refresh as { action: { data: Record<string, unknown> } }).action.data;
    const { card } = await app.channel(OTHER).press(SUPPORT_VERBS.take.verb, data, { replyToId: post.activityId });
    assert.match(cardText(card), /Waiting for someone to pick it up/);
    const [open] = await app.services.planStore.openSupportRequests();
    assert.equal(open?.status, 'open');
  });

  it('keeps the request and says so plainly when no IEV channel has been set up', async () => {
    const sent = await sendRequest(await planAtSummary(host));
    assert.match(cardText(sent), /Request saved/);
    assert.match(cardText(sent), /have not told me which channel to use yet/);
    const open = await app.services.planStore.openSupportRequests();
    assert.equal(open.length, 1);
    assert.equal(open[0]!.hostId, HOST.id);
    const [list] = cardsSent(await app.personalChat(IEV).say('support requests'));
    assert.match(cardText(list), /Calmer memory clinic waiting area/);
    assert.ok(findAction(list, SUPPORT_VERBS.take.verb));
  });

  it('refuses a request with nothing chosen or a forged kind, with the form again and nothing stored', async () => {
    const summary = await planAtSummary(host);
    const { card: form } = await pressOn(host, summary, SUPPORT_VERBS.start.verb);
    const { card: refused } = await pressOn(host, form, SUPPORT_VERBS.send.verb, {
      kinds: 'free-money',
      description: 'd'.repeat(10_000),
    });
    assert.match(problemUnder(refused, 'kinds') ?? '', /Please choose from the options shown/);
    assert.match(problemUnder(refused, 'description') ?? '', /2,000 characters or fewer/);
    const { card: empty } = await pressOn(host, form, SUPPORT_VERBS.send.verb, {});
    assert.match(problemUnder(empty, 'kinds') ?? '', /Please choose what you would like help with/);
    assert.deepEqual(await app.services.planStore.openSupportRequests(), []);
  });

  it('stores one request however many times Send is pressed on the same form', async () => {
    await app.channel(IEV).say('set up IEV channel');
    const summary = await planAtSummary(host);
    const { card: form } = await pressOn(host, summary, SUPPORT_VERBS.start.verb);
    const inputs = { kinds: 'hub-room', description: 'A room for 12 people in April.' };
    await pressOn(host, form, SUPPORT_VERBS.send.verb, inputs);
    await pressOn(host, form, SUPPORT_VERBS.send.verb, inputs);
    assert.equal((await app.services.planStore.openSupportRequests()).length, 1);
    const posts = app.connector
      .sentTo(IEV_CHANNEL)
      .filter((call) => call.kind === 'send' && /New Works request/.test(cardText(cardsIn([call])[0] ?? {})));
    assert.equal(posts.length, 1, 'posted to the channel once');
  });
});
