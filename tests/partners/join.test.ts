import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { TestApp } from '../helpers/app.js';
import type { Application } from '../../domain/applications/ports.js';
import { HOST, IEV } from '../helpers/users.js';
import { eventually, notifyReceived, startPartnersApp } from './partner-steps.js';

/** What the widget does in a browser: fetch a challenge, solve it, send the payload with the form. */
async function solvedPayload(app: TestApp): Promise<string> {
  const challenge = (await (await fetch(`${app.url}/join/challenge`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  assert.ok(solution, 'the challenge can be solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

const applicant = (overrides: Record<string, unknown> = {}) => ({
  operationId: randomUUID(),
  displayName: 'Jo Joiner',
  email: `jo-${randomUUID().slice(0, 6)}@example.org`,
  preferredMethod: 'email',
  areas: ['Older people'],
  interests: ['Reading leaflets'],
  livedExperience: [],
  paymentPreference: 'expenses-only',
  consent: { register: true, contactAboutOpportunities: true, equalityMonitoring: false },
  emergencyContact: { name: 'Jay Joiner', relationship: 'Sister', phone: '01632 960123' },
  ...overrides,
});

const post = (app: TestApp, body: unknown) =>
  fetch(`${app.url}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function storedApplications(app: TestApp): Promise<number> {
  const { resources } = await app.services.database.containers.applications.items
    .query('SELECT VALUE COUNT(1) FROM c')
    .fetchAll();
  return resources[0] as number;
}

describe('partners: applying to join on the public page, and IEV deciding', () => {
  let app: TestApp;
  before(async () => {
    app = await startPartnersApp();
  });
  after(async () => app?.stop());

  it('serves the page without sign-in, and an application with a solved challenge waits for IEV (hosts see nothing)', async () => {
    const page = await fetch(`${app.url}/join`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h1>Join the Involvement Register<\/h1>/);
    assert.match(html, /privacy notice/);
    assert.match(html, /<altcha-widget challenge="\/join\/challenge"/);
    const qr = await fetch(`${app.url}/join/qr.svg`);
    assert.equal(qr.headers.get('content-type'), 'image/svg+xml');
    assert.match(await qr.text(), /^<svg [^>]*viewBox/);

    const form = applicant();
    const answer = await post(app, { form, altcha: await solvedPayload(app) });
    assert.equal(answer.status, 200);
    const list = await app.getJson<{ items: Array<{ id: string; displayName: string }> }>('/api/applications', IEV);
    const mine = list.body.items.find((item) => item.displayName === 'Jo Joiner');
    assert.ok(mine);
    assert.equal((await app.api('/api/applications', { as: HOST })).status, 403);

    const approved = await app.api(`/api/applications/${mine.id}/approve`, { method: 'POST', as: IEV });
    assert.equal(approved.status, 200);
    const { partnerId } = (await approved.json()) as { partnerId: string };
    const welcome = await eventually(
      async () => (await notifyReceived(app)).find((item) => item.reference === `msg-welcome:${partnerId}`),
      'the welcome at the local Notify server',
    );
    assert.equal(welcome.recipient, form.email);
    const partner = await app.services.partners.find(partnerId);
    assert.deepEqual(
      [partner?.consent.register.how, partner?.consent.contactAboutOpportunities.how],
      ['online-form', 'online-form'],
      'the register says the consent was given on the online form',
    );
    const after = await app.getJson<{ items: Array<{ id: string }> }>('/api/applications', IEV);
    assert.ok(!after.body.items.some((item) => item.id === mine.id), 'decided applications leave the list');
    const stored = await app.services.database.containers.applications.item(mine.id, mine.id).read<Application>();
    assert.equal(stored.resource?.form, undefined, 'the application keeps only the decision');
  });

  it('declining keeps the reason and removes the applicant\u2019s details at once', async () => {
    await post(app, { form: applicant({ displayName: 'Dee Declined' }), altcha: await solvedPayload(app) });
    const list = await app.getJson<{ items: Array<{ id: string; displayName: string }> }>('/api/applications', IEV);
    const declined = list.body.items.find((item) => item.displayName === 'Dee Declined')!;
    const answer = await app.api(`/api/applications/${declined.id}/decline`, {
      method: 'POST',
      as: IEV,
      body: JSON.stringify({ reason: 'Lives outside the Trust area' }),
    });
    assert.equal(answer.status, 204);
    const { resource } = await app.services.database.containers.applications
      .item(declined.id, declined.id)
      .read<Application>();
    assert.equal(resource?.status, 'declined');
    assert.equal(resource?.decision?.reason, 'Lives outside the Trust area');
    assert.equal(resource?.form, undefined);
    assert.doesNotMatch(JSON.stringify(resource), /Dee Declined/);
  });

  it('refuses a missing, forged or replayed challenge and an oversized body: nothing is stored', async () => {
    const before = await storedApplications(app);
    assert.equal((await post(app, { form: applicant() })).status, 400);
    assert.equal(
      (await post(app, { form: applicant(), altcha: Buffer.from('{"forged":1}').toString('base64') })).status,
      400,
    );
    const payload = await solvedPayload(app);
    const first = applicant({ displayName: 'Rita Replay' });
    assert.equal((await post(app, { form: first, altcha: payload })).status, 200);
    assert.equal((await post(app, { form: applicant({ displayName: 'Ray Replay' }), altcha: payload })).status, 400);
    const oversized = await fetch(`${app.url}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        form: applicant({ availability: 'x'.repeat(100_000) }),
        altcha: await solvedPayload(app),
      }),
    });
    assert.equal(oversized.status, 413);
    assert.equal(await storedApplications(app), before + 1);
  });
});

describe('partners: the public page holds against abuse', () => {
  let app: TestApp;
  before(async () => {
    app = await startPartnersApp();
  });
  after(async () => app?.stop());

  it('a robot filling the hidden field is thanked and nothing is stored; a duplicate is stored once', async () => {
    const trapped = await post(app, { form: applicant(), altcha: await solvedPayload(app), website: 'http://spam' });
    assert.equal(trapped.status, 200);
    assert.equal(await storedApplications(app), 0);
    const form = applicant({ displayName: 'Dora Double', email: 'dora@example.org' });
    assert.equal((await post(app, { form, altcha: await solvedPayload(app) })).status, 200);
    const again = applicant({ displayName: 'Dora Double', email: 'dora@example.org' });
    assert.equal((await post(app, { form: again, altcha: await solvedPayload(app) })).status, 200);
    assert.equal(await storedApplications(app), 1);
  });

  it('2,000 submissions without a valid challenge, oversized bodies and a flood from one address store nothing; /healthz answers', async () => {
    const before = await storedApplications(app);
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < 20; batch += 1) {
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => post(app, { form: applicant(), altcha: 'bm90LWEtc29sdXRpb24=' })),
      );
      for (const answer of answers) {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        await answer.body?.cancel();
      }
    }
    assert.equal(
      [...statuses.values()].reduce((a, b) => a + b, 0),
      2000,
    );
    assert.ok(!statuses.has(200) && !statuses.has(500), `answers: ${JSON.stringify([...statuses])}`);
    assert.ok((statuses.get(429) ?? 0) >= 1900, 'the flood is stopped by the rate limit before its bodies are read');

    const oversized = await fetch(`${app.url}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ form: applicant({ availability: 'x'.repeat(100_000) }) }),
    });
    assert.ok([413, 429].includes(oversized.status));
    assert.equal(await storedApplications(app), before);
    const health = await fetch(`${app.url}/healthz`);
    assert.equal(health.status, 200);
  });
});
