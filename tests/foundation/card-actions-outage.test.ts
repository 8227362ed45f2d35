import assert from 'node:assert/strict';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';
import { GENERAL_VERBS } from '../../bot/general/general-verbs.js';
import { PLAN_VERBS } from '../../bot/planning/planning-verbs.js';
import type { RunningApp } from '../../server/app.js';
import type { LocalCosmosServer } from '../../storage/local-cosmos.js';
import { startAppOnItsOwnDatabase } from '../helpers/outage.js';
import { actionsOf, cardText, cardsIn } from '../helpers/cards.js';
import { ChatClient } from '../helpers/chat.js';
import { LocalConnector } from '../helpers/connector.js';
import { assertNoInternals } from '../helpers/problems.js';
import { HOST, IEV } from '../helpers/users.js';

/** What a person might have typed on any card, with ids shaped like real ones. */
const TYPED = 'Typed by hand: the ward redesign group, Tuesday';
const PRESS_DATA = {
  claimId: 'claim-00000001',
  planId: 'plan-00000001',
  requestId: 'request-00000001',
  hostId: HOST.id,
  itemId: 'item-00000001',
  partnerId: 'partner-00000001',
  step: 'purpose',
  revision: '1',
  op: 'op-00000001',
  kind: 'mileage',
  partnerSearch: 'Ali',
  workTitle: TYPED,
  reason: TYPED,
  question: TYPED,
  answer: TYPED,
  description: TYPED,
};

describe('every card action, pressed while the database is unreachable, answers with a card and never an HTTP error', function () {
  this.timeout(300_000);
  let cosmos: LocalCosmosServer;
  let connector: LocalConnector;
  let app: RunningApp;

  before(async () => {
    ({ app, cosmos } = await startAppOnItsOwnDatabase('outage', { IEV_MEMBER_IDS: IEV.id }));
    connector = await new LocalConnector().start();
    await cosmos.stop();
  });
  after(async () => {
    await app?.stop().catch(() => undefined);
    await connector?.stop();
  });

  const chats = () => [
    new ChatClient(() => app.url, connector, HOST, { id: 'a:outage-host-chat', type: 'personal' }),
    new ChatClient(() => app.url, connector, IEV, {
      id: '19:iev-channel@thread.tacv2;messageid=1',
      type: 'channel',
      teamId: '19:iev-team@thread.tacv2',
      channelId: '19:iev-channel@thread.tacv2',
    }),
  ];

  it('knows every verb the bot answers (taken from the bot, so a new verb is pressed here too)', () => {
    const verbs = app.bot.actionVerbs();
    assert.ok(verbs.length >= 30, `${verbs.length} verbs`);
    assert.ok(
      [CLAIM_VERBS.findPartner, PLAN_VERBS.start, GENERAL_VERBS.help].every(({ verb }) => verbs.includes(verb)),
    );
  });

  it('Action.Execute (pressed and refreshed): HTTP 200, a card saying what happened, and Try again with what was typed', async () => {
    for (const verb of app.bot.actionVerbs()) {
      for (const chat of chats()) {
        for (const [how, press] of [
          ['pressed', chat.press.bind(chat)],
          ['refreshed', chat.refresh.bind(chat)],
        ] as const) {
          const where = `${verb} ${how} in ${chat.conversation.type}`;
          const result = await press(verb, PRESS_DATA, { replyToId: 'card-1' });
          assert.equal(result.status, 200, `${where}: HTTP ${result.status}`);
          assert.equal(result.invokeResponse.statusCode, 200, where);
          assert.ok(result.card, `${where} answers with a card`);
          assert.match(cardText(result.card), /couldn\u2019t|went wrong/i, where);
          assertNoInternals(JSON.stringify(result.card), where);
          if (verb === 'help') continue;
          const retry = actionsOf(result.card).find((action) => action.title === 'Try again');
          assert.ok(
            retry && retry.type === 'Action.Execute' && retry.verb === verb,
            `${where}: Try again presses the same verb`,
          );
          assert.equal(
            (retry as { data?: Record<string, unknown> }).data?.workTitle,
            TYPED,
            `${where}: what was typed is kept`,
          );
        }
      }
    }
  });

  it('Action.Submit: the same card, sent to the conversation', async () => {
    const chat = chats()[0]!;
    for (const verb of app.bot.actionVerbs()) {
      const sent = await chat.submit({ ...PRESS_DATA, verb }, { replyToId: 'card-1' });
      const [card] = cardsIn(sent);
      assert.ok(card, `${verb}: a card`);
      assert.match(cardText(card), /couldn\u2019t|went wrong/i, verb);
      assertNoInternals(JSON.stringify(card), verb);
    }
  });
});
