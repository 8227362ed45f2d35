import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';
import { addPartner, approvedClaim, startClaimsApp, today } from '../claims/claim-steps.js';
import { eventually, messagesOf, notifyReceived } from './partner-steps.js';

describe('partners: "your expenses were paid", once per claim', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  it('paying a claim sends the partner one message with the amount, also when the server restarts before it goes', async () => {
    const partner = await addPartner(app, 'Paula Paid', {
      contact: { email: 'paula.paid@example.org', preferredMethod: 'email' },
      consent: {
        register: { given: true, at: '2026-01-05T09:00:00.000Z' },
        contactAboutOpportunities: { given: true, at: '2026-01-05T09:00:00.000Z' },
        equalityMonitoring: { given: false, at: '2026-01-05T09:00:00.000Z' },
      },
    });
    const claimId = await approvedClaim(app, 'Paula Paid', true);
    const exported = await app.api('/api/claims/exports', {
      method: 'POST',
      as: IEV,
      body: JSON.stringify({ operationId: 'export-partner-paid-1' }),
    });
    const { batch } = (await exported.json()) as { batch: { links: { paid: string } } };
    // Nothing is delivered before the restart: the change is saved, its messages only owed.
    await app.services.outbox.dispatcher.stop();
    const paid = await app.api(batch.links.paid, {
      method: 'POST',
      as: IEV,
      body: JSON.stringify({ paidOn: today() }),
    });
    assert.equal(paid.status, 200);
    await app.restart();

    const reference = `msg-claim-paid:${claimId}`;
    const message = await eventually(
      async () => (await notifyReceived(app)).find((item) => item.reference === reference),
      'the "paid" message at the local Notify server',
      20_000,
    );
    assert.equal(message.recipient, 'paula.paid@example.org');
    assert.equal(message.templateName, 'Your expenses were paid (email)');
    assert.equal(
      message.personalisation.paid_on,
      new Date(`${today()}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    );
    assert.match(message.personalisation.amount ?? '', /^£\d+\.\d{2}$/);
    await eventually(
      async () =>
        (await messagesOf(app, partner.id)).find((row) => row.kind === 'expenses-paid' && row.status === 'delivered'),
      'the message to be delivered',
    );
    assert.equal((await notifyReceived(app)).filter((item) => item.reference === reference).length, 1);
  });
});
