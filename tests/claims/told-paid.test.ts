import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText, validateCard } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV } from '../helpers/users.js';
import { approvedClaim, eventually, IEV_CHANNEL, personalChatId, startClaimsApp, storedClaim } from './claim-steps.js';
import { claimDeliverer } from '../../domain/notifications/claim-notifications.js';
import type { ClaimPaid } from '../../domain/claims/ports.js';

describe('claims: "paid" is told back', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  it('tells the host in Teams when their claim is paid, updates the IEV card, and owes partner messaging a "paid"', async () => {
    const claimId = await approvedClaim(app, 'Omar Osei', true);
    const exported = await app.api('/api/claims/exports', {
      method: 'POST',
      as: IEV,
      body: JSON.stringify({ operationId: 'export-told-0001' }),
    });
    const { batch } = (await exported.json()) as { batch: { links: { paid: string } } };
    const day = new Date().toISOString().slice(0, 10);
    const paid = await app.api(batch.links.paid, { method: 'POST', as: IEV, body: JSON.stringify({ paidOn: day }) });
    assert.equal(paid.status, 200);

    const told = await app.connector.waitFor(
      (call) =>
        call.kind === 'send' &&
        call.conversationId === personalChatId(HOST) &&
        /Claim paid: Omar Osei/.test(cardText(cardsSent([call]))),
    );
    const card = cardsSent([told])[0]!;
    assert.deepEqual(validateCard(card), []);
    assert.match(cardText(card), /£44\.50 was paid on/);
    await app.connector.waitFor(
      (call) =>
        call.kind === 'update' && call.conversationId === IEV_CHANNEL && /Marked paid by/.test(JSON.stringify(call)),
    );

    // Partner messaging is wired: the entry owed to it is delivered (it owes the partner "your expenses were paid").
    const owed = await eventually(
      async () =>
        (await app.services.outbox.store.forSubject(claimId)).find(
          (message) => message.target === 'partner' && message.status !== 'pending',
        ),
      'the partner message to be settled',
    );
    assert.equal(owed.status, 'delivered');
    const heard: ClaimPaid[] = [];
    const deliver = claimDeliverer({
      claims: app.services.claims.store,
      claimService: app.services.claims.service,
      notifier: () => {
        throw new Error('partner messages never go through Teams');
      },
      personalChatOf: async () => undefined,
      ievChannel: async () => undefined,
      approverIds: async () => [],
      claimPaid: { claimPaid: async (event) => void heard.push(event) },
    });
    assert.equal(await deliver(owed), 'delivered');
    const stored = await storedClaim(app, claimId);
    assert.deepEqual(heard, [
      {
        claimId,
        partnerId: stored.partnerId,
        paidOn: day,
        expensesPence: stored.totals.expensesPence,
        paymentsPence: stored.totals.paymentsPence,
      },
    ]);
  });
});
