import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV } from '../helpers/users.js';
import { eventually, personalChatId, pressFor, startClaimsApp, submittedClaim } from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';
import { outboxQuiet } from '../helpers/outbox.js';

describe('claims: the host\u2019s notification survives throttling and a restart', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  it('delivers the outcome after Teams throttled it and the server restarted in between', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await submittedClaim(app, host, 'Lena Lowe');
    // Teams throttles every 1:1 message from now on.
    app.connector.fault = (call) =>
      call.kind === 'send' && call.conversationId === personalChatId(HOST) ? 429 : undefined;

    await pressFor(app.channel(IEV), CLAIM_VERBS.approve.verb, { claimId });
    const owed = await eventually(
      async () =>
        (await app.services.outbox.store.forSubject(claimId)).find(
          (message) => message.target === 'host' && message.attempts > 0,
        ),
      'a throttled attempt',
    );
    assert.equal(owed.status, 'pending');
    assert.equal(owed.lastError, 'http-429');
    const delivered = () =>
      app.connector.calls.filter(
        (call) =>
          call.kind === 'send' &&
          call.conversationId === personalChatId(HOST) &&
          /Claim approved: Lena Lowe/.test(cardText(cardsSent([call]))),
      );
    assert.equal(delivered().length, 0);

    await app.restart();
    app.connector.fault = undefined;

    await app.connector.waitFor((call) => delivered().includes(call), 15_000);
    const settled = await eventually(
      async () =>
        (await app.services.outbox.store.find(owed.id))?.status === 'delivered' &&
        (await app.services.outbox.store.find(owed.id)),
      'the message to be marked delivered',
    );
    assert.ok(settled && settled.attempts >= 2);
    await outboxQuiet([app]);
    assert.equal(delivered().length, 1, 'delivered exactly once');
  });
});
