import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText, validateCard } from '../helpers/cards.js';
import { cardsSent, textsSent } from '../helpers/chat.js';
import { HOST, IEV } from '../helpers/users.js';

describe('the bot endpoint, as Teams calls it', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  });
  after(() => app.stop());

  it('answers "help" with the help card, delivered to the conversation\u2019s serviceUrl', async () => {
    const chat = app.personalChat(HOST);
    const sent = await chat.say('help');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.conversationId, chat.conversation.id);
    const [card] = cardsSent(sent);
    assert.ok(card, 'a card was sent');
    assert.match(cardText(card), /Involvement Hub: how I can help/);
    assert.match(cardText(card), /Plan involvement work/);
    assert.deepEqual(validateCard(card), []);
  });

  it('welcomes once when installed, not again on a repeat event', async () => {
    const chat = app.personalChat({ id: 'welcome-user', name: 'New colleague' });
    const first = await chat.install();
    assert.match(cardText(cardsSent(first)[0]), /Hello, I\u2019m Involvement Hub/);
    const again = await chat.membersAdded([
      { id: 'x', name: 'Someone' },
      { id: '28:involvement-hub-test-bot', name: 'Involvement Hub' },
    ]);
    assert.equal(again.length, 0);
  });

  it('says plainly when it does not understand, and offers help', async () => {
    const sent = await app.personalChat(HOST).say('purple monkey dishwasher');
    assert.match(textsSent(sent).join(' '), /didn\u2019t understand/);
    assert.match(cardText(cardsSent(sent)[0]), /how I can help/);
  });

  it('only lets an IEV member choose the IEV channel', async () => {
    const refused = await app.channel(HOST).say('set up IEV channel');
    assert.match(cardText(cardsSent(refused)[0]), /Only members of the IEV team/);
    assert.equal(await app.services.ievChannel.address(), undefined);
    const inPersonalChat = await app.personalChat(IEV).say('set up IEV channel');
    assert.match(cardText(cardsSent(inPersonalChat)[0]), /Run this in the IEV team\u2019s channel/);
    assert.equal(await app.services.ievChannel.address(), undefined, 'a 1:1 chat never becomes the IEV channel');
    const accepted = await app.channel(IEV).say('set up IEV channel');
    assert.match(cardText(cardsSent(accepted)[0]), /This is now the IEV channel/);
    assert.equal((await app.services.ievChannel.address())?.conversationId, '19:iev-channel@thread.tacv2');
  });
});

describe('stateless server instances', () => {
  it('serve one conversation interchangeably: a question asked by one is answered through the other', async () => {
    const first = await startTestApp();
    const second = await startTestApp({ database: first.databaseName, connector: first.connector });
    try {
      const chat = first.personalChat(HOST);
      const asked = await chat.say('feedback');
      assert.match(textsSent(asked).join(' '), /What would you like to tell us/);
      const answered = await chat.via(second.url).say('The planning steps were clear.');
      assert.match(textsSent(answered).join(' '), /Your feedback has been recorded/);
      const stored = await first.services.feedback.list();
      assert.deepEqual(
        stored.map((item) => item.text),
        ['The planning steps were clear.'],
      );
      assert.equal(stored[0]!.authorId, HOST.id);
    } finally {
      await second.stop();
      await first.stop();
    }
  });
});

describe('bot authentication', () => {
  it('refuses activities without a Bot Framework token when app credentials are configured', async () => {
    const app = await startTestApp({
      env: {
        MicrosoftAppId: '9b0d1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
        MicrosoftAppPassword: 'test-only-secret',
        MicrosoftAppType: 'MultiTenant',
      },
    });
    try {
      const { status, sent } = await app.personalChat(HOST).post({ type: 'message', text: 'help' });
      assert.equal(status, 401);
      assert.equal(sent.length, 0);
    } finally {
      await app.stop();
    }
  });
});
