import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText, cardsIn } from '../helpers/cards.js';
import { HOST, IEV, OTHER } from '../helpers/users.js';
import { pressOn, planAtSummary } from './planning-steps.js';
import { SUPPORT_VERBS } from '../../bot/planning/planning-verbs.js';

const IEV_CHANNEL = '19:iev-channel@thread.tacv2';

describe('review: a New Works request is shown only where its card lives', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  });
  after(async () => app?.stop());

  it('a colleague replaying the card\u2019s ids in their own chat sees nothing of the request', async () => {
    await app.channel(IEV).say('set up IEV channel');
    const host = app.personalChat(HOST);
    const { card: form } = await pressOn(host, await planAtSummary(host), SUPPORT_VERBS.start.verb);
    await pressOn(host, form, SUPPORT_VERBS.send.verb, {
      kinds: 'planning',
      description: 'We want to reach carers who do not come to the clinic.',
    });
    const post = app.connector
      .sentTo(IEV_CHANNEL)
      .find((call) => call.kind === 'send' && /New Works request/.test(cardText(cardsIn([call])[0])));
    assert.ok(post);
    const ids = (cardsIn([post])[0]!.refresh as { action: { data: Record<string, unknown> } }).action.data;

    for (const verb of [SUPPORT_VERBS.refresh.verb, SUPPORT_VERBS.take.verb]) {
      const pressed = await app.personalChat(OTHER).press(verb, ids);
      const text = pressed.card ? cardText(pressed.card) : JSON.stringify(pressed.invokeResponse.value);
      assert.doesNotMatch(
        text,
        /reach carers|Calmer memory clinic|Hana Host/,
        `${verb} showed the request outside the IEV channel: ${text}`,
      );
    }
    const inChannel = await app.channel(OTHER).refresh(SUPPORT_VERBS.refresh.verb, ids, { replyToId: post.activityId });
    assert.match(cardText(inChannel.card), /reach carers/, 'everyone in the IEV channel still sees the card');
    const ownView = await host.press(SUPPORT_VERBS.refresh.verb, ids);
    assert.match(cardText(ownView.card), /reach carers/, 'the host who asked still sees it');
  });
});
