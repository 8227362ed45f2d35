import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import {
  createPlanWithSession,
  eventually,
  messagesOf,
  notifyReceived,
  registerPartner,
  startPartnersApp,
} from './partner-steps.js';

const PLAN_ID = 'plan-how-was-it';
const WORK_TITLE = 'Clinic letters review';

const tokenOf = (link: string): string => new URL(link).searchParams.get('link') ?? '';

describe('partners: "How was it for you?" behind a personal link, once, kept apart from who answered', () => {
  let app: TestApp;
  let emailed: string;
  let texted: string;
  let unconsented: string;
  let token: string;

  before(async () => {
    app = await startPartnersApp();
    emailed = await registerPartner(app, { email: 'evaluation@example.org' });
    texted = await registerPartner(app, { preferredMethod: 'text', phone: '07700 900777', email: undefined });
    unconsented = await registerPartner(app, {
      consent: { register: true, contactAboutOpportunities: false, equalityMonitoring: false },
    });
    await createPlanWithSession(app, {
      id: PLAN_ID,
      title: WORK_TITLE,
      serviceArea: 'Mental health',
      partnerIds: [emailed, texted, unconsented],
    });
  });
  after(async () => app?.stop());

  const page = (link: string) => fetch(`${app.url}/how-was-it?link=${encodeURIComponent(link)}`);
  const send = (body: unknown) =>
    fetch(`${app.url}/how-was-it`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const stored = async () =>
    (
      await app.services.database.containers.evaluations.items
        .query('SELECT * FROM c WHERE c.type = "partner-evaluation"')
        .fetchAll()
    ).resources as Array<Record<string, unknown>>;

  it('invites each partner who took part when the work closes, once, their way, with their own link', async () => {
    const host = { id: HOST.id, displayName: HOST.name, roles: ['host' as const] };
    const outcome = {
      decisions: 'Shorter letters.',
      youSaid1: 'Letters are too long',
      weDid1: 'We cut them to a page',
    };
    await app.services.outbox.dispatcher.stop();
    await app.services.plans.recordOutcome(host, PLAN_ID, outcome);
    await app.services.plans.recordOutcome(host, PLAN_ID, outcome); // a retried save
    await app.restart();

    const invitation = (partnerId: string) =>
      eventually(
        async () =>
          (await notifyReceived(app)).find(
            (item) => item.reference === `msg-evaluation-invitation:${PLAN_ID}:${partnerId}`,
          ),
        'the evaluation invitation',
      );
    const email = await invitation(emailed);
    assert.equal(email.type, 'email');
    assert.equal(email.recipient, 'evaluation@example.org');
    assert.equal(email.personalisation.work_title, WORK_TITLE);
    assert.match(email.personalisation.closes_on ?? '', /^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    assert.match(email.personalisation.link ?? '', /\/how-was-it\?link=[\w-]+\.[0-9a-z]+\.[\w-]+$/);
    const text = await invitation(texted);
    assert.equal(text.type, 'sms');
    assert.notEqual(tokenOf(text.personalisation.link!), tokenOf(email.personalisation.link!), 'a link each');
    await eventually(
      async () =>
        (await messagesOf(app, unconsented)).find(
          (row) => row.kind === 'evaluation-invitation' && row.status === 'not-sent',
        ),
      'the unconsented partner\u2019s invitation recorded as not sent',
    );
    const invitations = (await notifyReceived(app)).filter((item) =>
      item.reference.startsWith('msg-evaluation-invitation:'),
    );
    assert.equal(invitations.length, 2, 'one invitation per consenting partner');
    token = tokenOf(email.personalisation.link!);
  });

  it('opens a short form about the work, with the public pages\u2019 headers', async () => {
    const response = await page(token);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    const html = await response.text();
    assert.match(html, /<h1>How was it for you\?<\/h1>/);
    assert.match(html, new RegExp(WORK_TITLE));
    assert.match(html, /Did you feel listened to\?/);
  });

  it('refuses answers it cannot read, oversized bodies and robots, storing nothing and leaving the link unused', async () => {
    const wrong = await send({ link: token, answers: { overall: 'amazing' } });
    assert.equal(wrong.status, 400);
    const problem = (await wrong.json()) as { errors: Array<{ field: string; message: string }> };
    assert.deepEqual(problem.errors, [{ field: 'overall', message: 'Please choose one of the answers shown.' }]);
    assert.equal((await send({ link: token, answers: {} })).status, 400, 'nothing answered');
    const huge = await send({ link: token, answers: { overall: 'good' }, comment: 'x'.repeat(20_000) });
    assert.equal(huge.status, 413);
    const robot = await send({ link: token, answers: { overall: 'good' }, website: 'https://spam.example' });
    assert.equal(robot.status, 200);
    assert.deepEqual(await stored(), []);
    assert.equal((await page(token)).status, 200, 'the link still works');
  });

  it('keeps the answers once, with the work, its service area and the day only; the link then shows a plain page', async () => {
    const answer = {
      link: token,
      answers: { overall: 'very-good', listened: 'yes', difference: 'not-sure', again: 'yes' },
      comment: 'Good biscuits.',
    };
    const [first, second] = await Promise.all([send(answer), send(answer)]);
    assert.deepEqual([first.status, second.status].sort(), [200, 410], 'two presses at once: one is kept');
    const rows = await stored();
    assert.equal(rows.length, 1);
    const { id: _id, _rid, _self, _etag, _attachments, _ts, ...evaluation } = rows[0]!;
    assert.deepEqual(evaluation, {
      type: 'partner-evaluation',
      schemaVersion: 1,
      workId: PLAN_ID,
      serviceArea: 'Mental health',
      day: new Date().toISOString().slice(0, 10),
      answers: { overall: 'very-good', listened: 'yes', difference: 'not-sure', again: 'yes' },
      comment: 'Good biscuits.',
    });
    const everything = JSON.stringify(rows[0]);
    for (const secret of [emailed, 'evaluation@example.org', token.split('.')[0]!])
      assert.ok(!everything.includes(secret), 'nothing that leads back to who answered');

    const again = await page(token);
    assert.equal(again.status, 410);
    const html = await again.text();
    assert.match(html, /<h1>You have already answered<\/h1>/);
    assert.doesNotMatch(html, /<form|\n\s+at |Error/);
    const resent = await send(answer);
    assert.equal(resent.status, 410);
    assert.equal(((await resent.json()) as { title: string }).title, 'You have already answered');
    assert.equal((await stored()).length, 1);
  });

  it('shows a plain page for a changed link and an expired one, and stores nothing from them', async () => {
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    const changed = `${id}.${expiry}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const link of [changed, 'not-a-link', '']) {
      const response = await page(link);
      assert.equal(response.status, 404);
      const html = await response.text();
      assert.match(html, /<h1>This link does not work<\/h1>/);
      assert.doesNotMatch(html, /<form|\n\s+at |stack/i);
    }
    assert.equal((await send({ link: changed, answers: { overall: 'poor' } })).status, 404);

    const expired = await app.services.links.issue({
      purpose: 'evaluation',
      partnerId: texted,
      subject: `${HOST.id}|${PLAN_ID}`,
      key: 'expired-case',
      expiresAt: new Date(Date.now() - 60_000),
    });
    const response = await page(expired.token);
    assert.equal(response.status, 410);
    assert.match(await response.text(), /<h1>This link has closed<\/h1>/);
    assert.equal((await send({ link: expired.token, answers: { overall: 'poor' } })).status, 410);
    assert.equal((await stored()).length, 1);
  });

  it('counts the answers in "Is it working?" only once enough partners answered, never one on its own', async () => {
    const report = async () =>
      (await app.getJson<{ evaluations: { partners: Record<string, unknown> } }>('/api/impact', IEV)).body.evaluations
        .partners as {
        answered: { text: string; value?: number };
        questions: Array<{ key: string; answers: Array<{ value: string; count: { text: string } }> }>;
        note?: string;
      };
    const few = await report();
    assert.equal(few.answered.text, 'fewer than 5');
    assert.deepEqual(few.questions, []);
    assert.match(few.note ?? '', /Fewer than 5 partners answered/);

    // Seven more partners of the same work answer through their own links.
    for (let i = 0; i < 7; i += 1) {
      const link = await app.services.links.issue({
        purpose: 'evaluation',
        partnerId: `partner-more-${i}`,
        subject: `${HOST.id}|${PLAN_ID}`,
        key: `more-${i}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      const answers = i < 5 ? { overall: 'good', listened: 'yes' } : { overall: 'poor', listened: 'no' };
      assert.equal((await send({ link: link.token, answers })).status, 200);
    }
    const enough = await report();
    assert.equal(enough.answered.value, 8);
    const answersTo = (key: string) =>
      enough.questions
        .find((question) => question.key === key)!
        .answers.map((answer) => [answer.value, answer.count.text]);
    assert.deepEqual(answersTo('overall'), [
      ['very-good', 'fewer than 5'],
      ['good', '5'],
      ['mixed', '0'],
      ['poor', 'fewer than 5'],
      ['not-answered', '0'],
    ]);
    // 6 yes and 2 no of 8: showing the 6 would give the 2 away.
    assert.deepEqual(answersTo('listened'), [
      ['yes', 'hidden'],
      ['partly', '0'],
      ['no', 'fewer than 5'],
      ['not-answered', '0'],
    ]);
    const csv = await app.api('/api/impact/board-report?format=csv', { as: IEV });
    assert.equal(csv.status, 200);
    const text = await csv.text();
    assert.match(text, /Partners\u2019 own view: How it was/);
    assert.match(text, /Partners who answered,8/);
    assert.doesNotMatch(text, /Good biscuits/, 'comments never reach the report');
  });

  it('lists the links issued to a partner in their export, and erasing them stops the one still unused', async () => {
    const exported = (
      await app.getJson<{ otherRecords: Record<string, Array<Record<string, unknown>>> }>(
        `/api/partners/${texted}/export`,
        IEV,
      )
    ).body.otherRecords.personalLinks!;
    assert.equal(exported.length, 2, 'the invitation\u2019s link and the expired one');
    assert.ok(exported.every((link) => link.purpose === 'evaluation' && !('token' in link)));

    const textLink = tokenOf(
      (await notifyReceived(app)).find((item) => item.reference === `msg-evaluation-invitation:${PLAN_ID}:${texted}`)!
        .personalisation.link!,
    );
    assert.equal((await page(textLink)).status, 200);
    const erased = await app.api(`/api/partners/${texted}/erase`, {
      method: 'POST',
      as: IEV,
      body: JSON.stringify({ reason: 'The partner asked us to' }),
    });
    assert.equal(erased.status, 200);
    const response = await page(textLink);
    assert.equal(response.status, 410);
    assert.match(await response.text(), /<h1>This link no longer works<\/h1>/);
  });

  it('limits each address: a flood of page requests is refused before anything is read', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 70; i += 1) statuses.add((await page(`flood-${i}`)).status);
    assert.ok(statuses.has(429), 'past 60 in 10 minutes the address is told to wait');
    assert.equal((await fetch(`${app.url}/healthz`)).status, 200);
  });
});
