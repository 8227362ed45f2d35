import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { HOST } from '../helpers/users.js';
import {
  createPlanWithSession,
  eventually,
  messagesOf,
  notifyReceived,
  registerPartner,
  startPartnersApp,
} from './partner-steps.js';

describe('partners: "you said, we did" when a plan closes, once per partner', () => {
  let app: TestApp;
  before(async () => {
    app = await startPartnersApp();
  });
  after(async () => app?.stop());

  it('tells each partner who took part what changed, once, also when the outcome is saved twice and the server restarts', async () => {
    const texted = await registerPartner(app, { preferredMethod: 'text', phone: '07700 900456', email: undefined });
    const emailed = await registerPartner(app, { email: 'yswd@example.org' });
    const unconsented = await registerPartner(app, {
      consent: { register: true, contactAboutOpportunities: false, equalityMonitoring: false },
    });
    const planId = 'plan-you-said-we-did';
    await createPlanWithSession(app, {
      id: planId,
      title: 'Waiting room redesign',
      partnerIds: [texted, emailed, unconsented],
    });
    const host = { id: HOST.id, displayName: HOST.name, roles: ['host' as const] };
    const outcome = {
      decisions: 'We will move the chairs.',
      youSaid1: 'The chairs face the wall',
      weDid1: 'We turned them to face the garden',
    };
    await app.services.outbox.dispatcher.stop();
    await app.services.plans.recordOutcome(host, planId, outcome);
    await app.services.plans.recordOutcome(host, planId, outcome); // a retried save
    await app.restart();

    const arrived = (partnerId: string) =>
      eventually(
        async () =>
          (await notifyReceived(app)).find((item) => item.reference === `msg-you-said-we-did:${planId}:${partnerId}`),
        'the "you said, we did" message',
      );
    const text = await arrived(texted);
    assert.equal(text.type, 'sms');
    assert.equal(text.personalisation.work_title, 'Waiting room redesign');
    assert.equal(
      text.personalisation.what_changed,
      'You said: The chairs face the wall\nWe did: We turned them to face the garden',
    );
    assert.equal((await arrived(emailed)).type, 'email');
    await eventually(
      async () =>
        (await messagesOf(app, unconsented)).find((row) => row.kind === 'you-said-we-did' && row.status === 'not-sent'),
      'the unconsented partner\u2019s message to be recorded as not sent',
    );
    await eventually(
      async () =>
        (await messagesOf(app, emailed)).find((row) => row.kind === 'you-said-we-did' && row.status === 'delivered'),
      'delivery',
    );
    const sent = (await notifyReceived(app)).filter((item) => item.reference?.startsWith(`msg-you-said-we-did:`));
    assert.equal(sent.length, 2, 'one message per consenting partner');
  });
});
