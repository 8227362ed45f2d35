import assert from 'node:assert/strict';
import { NotifyClient } from 'notifications-node-client';
import { freshDatabaseName, sharedCosmos } from '../helpers/cosmos.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { IEV } from '../helpers/users.js';
import { startLocalNotifyServer, type LocalNotifyServer } from '../../storage/local-notify.js';
import type { TestApp } from '../helpers/app.js';
import {
  eventually,
  messagesOf,
  notifyReceived,
  registerPartner,
  registration,
  startPartnersApp,
} from './partner-steps.js';

describe('partners: each message reaches GOV.UK Notify exactly once', () => {
  describe('across a process killed after the change and before delivery', () => {
    let notify: LocalNotifyServer;
    let server: ServerProcess | undefined;
    before(async () => {
      notify = await startLocalNotifyServer();
    });
    after(async () => {
      await server?.stop('SIGKILL');
      await notify?.stop();
    });

    it('the welcome owed by a registration is sent once after the restart', async function () {
      this.timeout(180_000);
      const { endpoint } = await sharedCosmos();
      const env = (notifyUrl: string) => ({
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'info',
        LOCAL_COSMOS_ENDPOINT: endpoint,
        COSMOS_DATABASE: database,
        SEED_DEMO_DATA: 'false',
        IEV_MEMBER_IDS: IEV.id,
        NOTIFY_API_KEY: notify.apiKey,
        NOTIFY_BASE_URL: notifyUrl,
      });
      const database = freshDatabaseName('killed');
      // Notify cannot be reached by the first process: the message can only wait in the outbox.
      server = await startServerProcess(env('http://127.0.0.1:9'));
      const form = registration({ displayName: 'Kit Killed' });
      const answer = await fetch(`${server.url}/api/partners`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-developer-identity': IEV.id },
        body: JSON.stringify(form),
      });
      assert.equal(answer.status, 201);
      const { partner } = (await answer.json()) as { partner: { id: string } };
      await eventually(
        async () => server!.output().includes('"target":"partner"') && server!.output().includes('"status":"pending"'),
        'a failed attempt to reach Notify',
      );
      await server.stop('SIGKILL');
      server = undefined;
      assert.equal(notify.received().length, 0);

      server = await startServerProcess(env(notify.baseUrl));
      const url = server.url;
      await eventually(
        async () => {
          const response = await fetch(`${url}/api/partners/${partner.id}/messages`, {
            headers: { 'x-developer-identity': IEV.id },
          });
          const { items } = (await response.json()) as { items: Array<{ status: string }> };
          return items[0]?.status === 'delivered';
        },
        'the welcome to be delivered after the restart',
        // A process killed while it held the message's lease (an attempt under way) leaves it to others for 60 s.
        120_000,
      );
      const sent = notify.received().filter((item) => item.reference === `msg-welcome:${partner.id}`);
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.recipient, form.email);
      assert.doesNotMatch(server.output(), new RegExp(form.email.replace('.', '\\.')), 'no address in the logs');
    });
  });

  describe('when Notify took a message but its answer was lost', () => {
    let app: TestApp;
    before(async () => {
      app = await startPartnersApp();
    });
    after(async () => app?.stop());

    it('finds it at Notify by its reference and never sends it again', async () => {
      await app.services.outbox.dispatcher.stop();
      const id = await registerPartner(app, { email: 'lost.answer@example.org' });
      const notify = app.app.localNotify!;
      const earlier = await new NotifyClient(notify.baseUrl, notify.apiKey).sendEmail(
        app.config.notify!.templates['welcome.email'],
        'lost.answer@example.org',
        { personalisation: { name: 'Lost Answer' }, reference: `msg-welcome:${id}` },
      );
      app.services.outbox.dispatcher.start();
      await eventually(
        async () => (await messagesOf(app, id))[0]?.status === 'delivered',
        'the message to be recorded as delivered',
      );
      const sent = (await notifyReceived(app)).filter((item) => item.reference === `msg-welcome:${id}`);
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.id, earlier.data.id);
    });
  });
});
