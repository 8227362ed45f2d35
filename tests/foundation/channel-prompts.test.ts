import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { textsSent } from '../helpers/chat.js';
import { HOST, IEV } from '../helpers/users.js';

describe('review: a question the bot asks in a channel is answered only by the person it asked', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.stop());

  it('does not record a colleague\u2019s next message in the channel as the asker\u2019s feedback', async () => {
    const where = { channelId: '19:ward-3@thread.tacv2' };
    await app.channel(HOST, where).say('feedback');
    const bystander = await app.channel(IEV, where).say('Is anyone free to cover Tuesday?');
    assert.ok(
      !textsSent(bystander).some((text) => /feedback has been recorded/.test(text)),
      'the bystander is not thanked for feedback',
    );

    const answer = await app.channel(HOST, where).say('The claim card is really clear');
    assert.ok(textsSent(answer).some((text) => /feedback has been recorded/.test(text)));
    const stored = await app.services.feedback.list();
    assert.deepEqual(
      stored.map((item) => [item.authorId, item.text]),
      [[HOST.id, 'The claim card is really clear']],
    );
  });
});
