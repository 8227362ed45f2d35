import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText, cardsIn, findAction } from '../helpers/cards.js';
import type { ChatClient } from '../helpers/chat.js';
import { BOT_ID, HOST, IEV, OTHER, SECOND_IEV, TENANT_ID } from '../helpers/users.js';
import { assertValid, pressOn, sendSupportRequest } from './planning-steps.js';
import { SUPPORT_VERBS } from '../../bot/planning/planning-verbs.js';

const IEV_CHANNEL = '19:iev-channel@thread.tacv2';

describe('Support requests IEV can work: assign, notes, done, exactly one post', () => {
  let app: TestApp;
  let host: ChatClient;
  beforeEach(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: `${IEV.id},${SECOND_IEV.id}` } });
    host = app.personalChat(HOST);
    await app.personalChat(SECOND_IEV).say('help');
  });
  afterEach(() => app.stop());

  const posts = () =>
    app.connector
      .sentTo(IEV_CHANNEL)
      .filter((call) => call.kind === 'send' && /New Works request/.test(cardText(cardsIn([call])[0] ?? {})));
  const stored = async () => {
    const page = await app.services.planStore.supportRequestsIn(['open', 'taken', 'done'], 10);
    assert.equal(page.items.length, 1);
    return page.items[0]!;
  };
  const hostHears = (text: RegExp) =>
    app.connector.waitFor(
      (call) => call.conversationId === host.conversation.id && text.test(cardText(cardsIn([call])[0] ?? {})),
    );

  it('posts a request made before the IEV channel existed once the channel is set up, and only once', async () => {
    const sent = await sendSupportRequest(host);
    assert.match(cardText(sent), /Request saved/);
    assert.equal(posts().length, 0);
    await app.channel(IEV).say('set up IEV channel');
    assert.equal(posts().length, 1, 'posted when the channel was set up');
    assert.ok((await stored()).channelPost, 'and where it was posted is recorded');
    await app.services.outbox.dispatcher.runOnce();
    await app.channel(IEV).say('set up IEV channel');
    assert.equal(posts().length, 1, 'never posted twice');
  });

  it('posts it once when two instances of the app deliver the waiting request at the same moment', async () => {
    await sendSupportRequest(host);
    const second = await startTestApp({
      env: { IEV_MEMBER_IDS: `${IEV.id},${SECOND_IEV.id}` },
      database: app.databaseName,
      connector: app.connector,
    });
    try {
      // The channel is recorded without the setup command's own delivery, so the instances race for the post.
      await app.services.ievChannel.register(
        { id: IEV.id, displayName: IEV.name, roles: ['iev', 'host'] },
        {
          serviceUrl: app.connector.serviceUrl,
          conversationId: IEV_CHANNEL,
          teamsChannelId: IEV_CHANNEL,
          tenantId: TENANT_ID,
          channelId: 'msteams',
          botId: BOT_ID,
          conversationType: 'channel',
        },
      );
      assert.equal(posts().length, 0);
      await Promise.all([
        app.services.support.postWaiting(),
        second.services.support.postWaiting(),
        app.services.outbox.dispatcher.runOnce(),
        second.services.outbox.dispatcher.runOnce(),
      ]);
      assert.equal(posts().length, 1, 'one card in the channel');
      assert.ok((await stored()).channelPost);
    } finally {
      await second.stop();
    }
  });

  it('IEV gives it to a colleague, adds a note and marks it done from the channel card; the card and the host follow', async () => {
    await app.channel(IEV).say('set up IEV channel');
    await sendSupportRequest(host);
    const [post] = posts();
    assert.ok(post);
    const data = (cardsIn([post])[0]!.refresh as { action: { data: Record<string, unknown> } }).action.data;
    const ievView = await app.channel(IEV).refresh(SUPPORT_VERBS.refresh.verb, data, { replyToId: post.activityId });
    assertValid(ievView.card);
    assert.match(cardText(ievView.card), /Give it to/);
    assert.match(JSON.stringify(ievView.card), /Iris IEV \(test\)/);

    const assigned = await pressOn(
      app.channel(IEV),
      ievView.card,
      SUPPORT_VERBS.assign.verb,
      { assignee: SECOND_IEV.id },
      { replyToId: post.activityId },
    );
    assert.match(cardText(assigned.card), /Picked up by Iris IEV \(test\)/);
    await hostHears(/Iris IEV \(test\) has picked up your request/);

    const noted = await pressOn(
      app.channel(SECOND_IEV),
      assigned.card,
      SUPPORT_VERBS.note.verb,
      { note: 'Booked the Hub room for 3 March.' },
      { replyToId: post.activityId },
    );
    assert.match(cardText(noted.card), /Iris IEV \(test\), .*: Booked the Hub room for 3 March\./);

    const done = await pressOn(
      app.channel(SECOND_IEV),
      noted.card,
      SUPPORT_VERBS.done.verb,
      {},
      { replyToId: post.activityId },
    );
    assert.match(cardText(done.card), /Done \(marked by Iris IEV \(test\)\)/);
    assert.equal(findAction(done.card, SUPPORT_VERBS.note.verb), undefined, 'nothing left to press');
    const updates = app.connector.calls.filter((call) => call.kind === 'update' && call.activityId === post.activityId);
    assert.match(cardText(cardsIn([updates.at(-1)!])[0]), /Done \(marked by Iris IEV/);
    assert.doesNotMatch(
      cardText(cardsIn([updates.at(-1)!])[0]),
      /Booked the Hub/,
      'notes are not on the card for everyone',
    );
    const told = await hostHears(/Your request for help is done/);
    assert.match(cardText(cardsIn([told])[0]), /Iris IEV \(test\) from the IEV team has marked your request/);
    assert.equal(posts().length, 1, 'one post, updated in place');
    const request = await stored();
    assert.equal(request.status, 'done');
    assert.deepEqual(
      request.events?.map((event) => event.kind),
      ['requested', 'assigned', 'noted', 'done'],
    );
  });

  it('refuses forged and oversized presses with a plain answer, and changes nothing', async () => {
    await app.channel(IEV).say('set up IEV channel');
    await sendSupportRequest(host);
    const [post] = posts();
    const data = (cardsIn([post!])[0]!.refresh as { action: { data: Record<string, unknown> } }).action.data;
    const before = await stored();

    const byOther = await app.channel(OTHER).press(SUPPORT_VERBS.done.verb, data, { replyToId: post!.activityId });
    assert.match(cardText(byOther.card), /Waiting for someone to pick it up/);
    const toOutsider = await app
      .channel(IEV)
      .press(SUPPORT_VERBS.assign.verb, { ...data, assignee: HOST.id }, { replyToId: post!.activityId });
    assert.match(cardText(toOutsider.card), /Choose a member of the IEV team/);
    const longNote = await app
      .channel(IEV)
      .press(SUPPORT_VERBS.note.verb, { ...data, note: 'x'.repeat(5000) }, { replyToId: post!.activityId });
    assert.match(cardText(longNote.card), /1,000 characters or fewer/);
    const forgedIds = await app
      .channel(IEV)
      .press(SUPPORT_VERBS.done.verb, { hostId: HOST.id, requestId: 'support-made-up' });
    assert.match(cardText(forgedIds.card), /couldn\u2019t find that support request/);

    for (const [path, body, as, status] of [
      ['done', undefined, HOST, 403],
      ['assign', { assignee: HOST.id }, IEV, 400],
      ['notes', { note: 'y'.repeat(1001) }, IEV, 400],
      ['notes', { note: 'fine', extra: true }, IEV, 400],
    ] as const) {
      const response = await app.api(`/api/support-requests/${HOST.id}/${before.id}/${path}`, {
        as,
        method: 'POST',
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      assert.equal(response.status, status, `${path} as ${as.name}`);
    }
    assert.equal(
      (await app.api(`/api/support-requests/${HOST.id}/bad%2Fid/done`, { as: IEV, method: 'POST' })).status,
      400,
    );
    assert.equal(
      (await app.api(`/api/support-requests/${HOST.id}/support-nope/done`, { as: IEV, method: 'POST' })).status,
      404,
    );
    assert.equal((await app.api(`/api/support-requests/${HOST.id}/${before.id}/plan`, { as: HOST })).status, 403);
    assert.equal((await app.api('/api/support-requests?status=everything', { as: IEV })).status, 400);
    assert.deepEqual(await stored(), before);
  });
});
