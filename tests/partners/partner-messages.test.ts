import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import type { TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import {
  eventually,
  messagesOf,
  notifyReceived,
  registerPartner,
  startPartnersApp,
  type ReceivedNotification,
} from './partner-steps.js';

describe('partners: messages by GOV.UK Notify (welcome), as they prefer and only with consent', () => {
  let app: TestApp;
  before(async () => {
    app = await startPartnersApp();
  });
  after(async () => app?.stop());

  const arrivedFor = async (partnerId: string): Promise<ReceivedNotification> =>
    eventually(
      async () => (await notifyReceived(app)).find((item) => item.reference === `msg-welcome:${partnerId}`),
      'the welcome at the local Notify server',
    );
  const settled = (partnerId: string, status: string) =>
    eventually(
      async () => (await messagesOf(app, partnerId)).find((message) => message.status === status),
      `the welcome to be ${status}`,
    );

  it('registering a partner who prefers email sends the welcome by email, once, and ticks the welcome task', async () => {
    const id = await registerPartner(app, { displayName: 'Edna Email', email: 'edna@example.org' });
    const welcome = await arrivedFor(id);
    assert.equal(welcome.type, 'email');
    assert.equal(welcome.recipient, 'edna@example.org');
    assert.equal(welcome.templateName, 'Welcome to Involvement (email)');
    assert.deepEqual(welcome.personalisation, { name: 'Edna Email' });
    const row = await settled(id, 'delivered');
    assert.equal(row.channel, 'email');
    assert.equal(row.problem, undefined);
    const tasks = await app.getJson<{ items: Array<{ id: string }> }>('/api/welcome-tasks', IEV);
    assert.ok(!tasks.body.items.some((task) => task.id === id), 'the welcome task is done');
    assert.equal((await notifyReceived(app)).filter((item) => item.reference === `msg-welcome:${id}`).length, 1);
  });

  it('a partner who prefers text messages gets a text; one who prefers post gets a letter to their address', async () => {
    const texted = await registerPartner(app, { preferredMethod: 'text', phone: '07700 900123', email: undefined });
    const text = await arrivedFor(texted);
    assert.equal(text.type, 'sms');
    assert.equal(text.recipient, '07700900123');

    const posted = await registerPartner(app, {
      displayName: 'Percy Post',
      preferredMethod: 'post',
      postalAddress: '1 Test Street\nNottingham\nNG1 1AA',
    });
    const letter = await arrivedFor(posted);
    assert.equal(letter.type, 'letter');
    assert.equal(letter.recipient, 'Percy Post');
    assert.equal(letter.personalisation.address_line_2, '1 Test Street');
    assert.equal(letter.personalisation.address_line_4, 'NG1 1AA');
    assert.equal((await settled(posted, 'delivered')).channel, 'letter');
  });

  it('without consent to be contacted nothing is sent, IEV sees why and what to do, and the welcome task stays', async () => {
    const id = await registerPartner(app, {
      consent: { register: true, contactAboutOpportunities: false, equalityMonitoring: false },
    });
    const row = await settled(id, 'not-sent');
    assert.match(row.problem!.why, /not agreed to be contacted/);
    assert.match(row.problem!.todo, /Consent/);
    assert.equal((await notifyReceived(app)).filter((item) => item.reference === `msg-welcome:${id}`).length, 0);
    const tasks = await app.getJson<{ items: Array<{ id: string }> }>('/api/welcome-tasks', IEV);
    assert.ok(tasks.body.items.some((task) => task.id === id));
  });

  it('prefers a phone call: nothing automated, IEV is told to call', async () => {
    const id = await registerPartner(app, { preferredMethod: 'phone', phone: '01632 960111' });
    assert.match((await settled(id, 'not-sent')).problem!.todo, /Call them/);
  });

  it('Notify refusing the number (a landline for a text) and a failed delivery are shown to IEV with what to do', async () => {
    const landline = await registerPartner(app, { preferredMethod: 'text', phone: '01632 960000' });
    const refused = await settled(landline, 'not-sent');
    assert.match(refused.problem!.why, /GOV.UK Notify refused it/);

    const bounced = await registerPartner(app, { email: 'perm-fail@simulator.notify' });
    const failed = await settled(bounced, 'failed');
    assert.match(failed.problem!.why, /does not exist/);
    assert.match(failed.problem!.todo, /correct them/);
  });

  it('only IEV sees a partner\u2019s messages', async () => {
    const id = await registerPartner(app);
    const response = await app.api(`/api/partners/${id}/messages`, { as: HOST });
    assert.equal(response.status, 403);
  });

  it('erasing a partner cancels a message still queued: it never reaches Notify', async () => {
    await app.services.outbox.dispatcher.stop();
    try {
      const id = await registerPartner(app, { displayName: 'Quentin Queued' });
      assert.equal((await messagesOf(app, id))[0]?.status, 'queued');
      const erased = await app.api(`/api/partners/${id}/erase`, {
        method: 'POST',
        as: IEV,
        body: JSON.stringify({ reason: 'The partner asked us to' }),
      });
      assert.equal(erased.status, 200);
      await app.services.outbox.dispatcher.runOnce();
      const [owed] = await app.services.outbox.store.forSubject(`${id}|msg-welcome:${id}`);
      assert.equal(owed?.status, 'void', 'the outbox let it go without sending');
      const [message] = await app.services.partnerMessages.messaging.exportFor(id);
      assert.equal(message?.status, 'cancelled');
      assert.deepEqual(message?.facts, {});
      assert.equal((await notifyReceived(app)).filter((item) => item.reference === `msg-welcome:${id}`).length, 0);
    } finally {
      app.services.outbox.dispatcher.start();
    }
  });

  it('the local Notify server checks the JWT as Notify does: the service id, the key\u2019s secret, a fresh iat', async () => {
    const notify = app.app.localNotify!;
    const serviceId = notify.apiKey.slice(-73, -37);
    const secret = new TextEncoder().encode(notify.apiKey.slice(-36));
    const token = (iss: string, key: Uint8Array, iat: number) =>
      new SignJWT({ iss, iat }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
    const get = async (bearer?: string) =>
      (
        await fetch(`${notify.baseUrl}/v2/notifications`, {
          headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
        })
      ).status;
    const now = Math.floor(Date.now() / 1000);
    assert.equal(await get(), 401);
    assert.equal(await get(await token(serviceId, new TextEncoder().encode('not-the-secret'), now)), 403);
    assert.equal(await get(await token('another-service', secret, now)), 403);
    assert.equal(await get(await token(serviceId, secret, now - 120)), 403);
    assert.equal(await get(await token(serviceId, secret, now)), 200);
  });
});
