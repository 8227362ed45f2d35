import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { assertNoInternals } from '../helpers/problems.js';
import { HOST } from '../helpers/users.js';
import { PUBLIC_PAGE_POLICY } from '../../api/public-policy.js';
import { partnerWith, planFor, publish } from '../opportunities/opportunity-steps.js';
import {
  createPlanWithSession,
  eventually,
  notifyReceived,
  registerPartner,
  startPartnersApp,
} from './partner-steps.js';

/** A library's words, which a partner must never read: zod's, JSON.parse's, a stack's. */
const LIBRARY_WORDING = /Invalid input|\bexpected\b|\breceived\b|Unexpected token|ZodError|SyntaxError|\bat \S+:\d+/i;

/** The public forms, each with a body of the right shape (made-up links: the door is what is under test). */
const FORMS = [
  {
    path: '/join',
    maxBytes: 16_384,
    good: { form: { displayName: 'Jo' }, altcha: 'x', website: '' },
    nested: {
      form: { displayName: 5, email: [], consent: null, emergencyContact: 'x', areas: {}, operationId: 1e308 },
    },
  },
  {
    path: '/how-was-it',
    maxBytes: 8_192,
    good: { link: 'made-up', answers: {}, comment: 'Fine', website: '' },
    nested: { link: 'made-up', answers: { overall: 5, listened: [], difference: null, extra: { a: 1 } } },
  },
  {
    path: '/consent',
    maxBytes: 1_024,
    good: { link: 'made-up', choices: { register: 'renew' } },
    nested: { link: 'made-up', choices: { register: 5, contactAboutOpportunities: [], equalityMonitoring: null } },
  },
  {
    path: '/invitation',
    maxBytes: 1_024,
    good: { t: 'made-up', answer: 'interested', confirmed: true, signedName: 'Jo' },
    nested: { t: 'made-up', answer: 'interested', confirmed: 'yes', signedName: ['Jo'] },
  },
] as const;

const every = (body: Readonly<Record<string, unknown>>, value: unknown) =>
  Object.fromEntries(Object.keys(body).map((key) => [key, value]));

/** The malformed requests sent to every form: [what, content type, body]. */
function malformed(form: (typeof FORMS)[number]): Array<[string, string, string]> {
  const json = 'application/json';
  return [
    ['text', 'text/plain', JSON.stringify(form.good)],
    ['a web form', 'application/x-www-form-urlencoded', 'link=made-up&answer=stop'],
    ['JSON in another charset', 'application/json; charset=latin1', JSON.stringify(form.good)],
    ['broken JSON', json, '{"link": "made-up",'],
    ['an oversized body', json, JSON.stringify({ ...form.good, pad: 'p'.repeat(form.maxBytes) })],
    ['null', json, 'null'],
    ['an array', json, JSON.stringify([form.good, form.good])],
    ['a string', json, '"hello"'],
    ['a huge number', json, '1e400'],
    ['every field a number', json, JSON.stringify(every(form.good, 42))],
    [
      'every field a number past 2^53',
      json,
      JSON.stringify(every(form.good, 'N')).replaceAll('"N"', '12345678901234567890123'),
    ],
    ['every field an array', json, JSON.stringify(every(form.good, ['a', 1]))],
    ['every field null', json, JSON.stringify(every(form.good, null))],
    ['every field an object', json, JSON.stringify(every(form.good, { a: 1 }))],
    ['every field a huge number', json, JSON.stringify(every(form.good, 1e308))],
    ['unknown fields', json, JSON.stringify({ ...form.good, role: 'admin', choices2: [1] })],
    ['a prototype key', json, `{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}`],
    ['fields inside of the wrong types', json, JSON.stringify(form.nested)],
  ];
}

/** A refusal in plain words: 4xx (never 5xx, never the rate limit: each case is really read), a title and a detail. */
async function assertPlainRefusal(response: Response, where: string): Promise<void> {
  const text = await response.text();
  assert.ok(response.status >= 400 && response.status < 500, `${where} answered ${response.status}: ${text}`);
  assert.notEqual(response.status, 429, `${where}: more cases than the rate limit allows`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/(problem\+)?json/, where);
  assert.equal(response.headers.get('content-security-policy'), PUBLIC_PAGE_POLICY, `${where}: the public policy`);
  assertNoInternals(text, where);
  assert.doesNotMatch(text, LIBRARY_WORDING, `${where} shows a library's words: ${text}`);
  const answer = JSON.parse(text) as { title?: unknown; detail?: unknown; errors?: Array<{ message?: unknown }> };
  assert.ok(typeof answer.title === 'string' && answer.title.length > 0, `${where}: a title`);
  assert.ok(typeof answer.detail === 'string' && answer.detail.length > 0, `${where}: a detail`);
  for (const error of answer.errors ?? [])
    assert.equal(typeof error.message, 'string', `${where}: each error in words`);
}

describe('partners: the public pages\u2019 one door', function () {
  this.timeout(120_000);
  let app: TestApp;
  before(async () => {
    app = await startPartnersApp();
  });
  after(async () => app?.stop());

  for (const form of FORMS)
    it(`answers malformed bodies to POST ${form.path} with a plain 4xx: no stack, no library words`, async () => {
      // Every case is sent and judged, then all that failed are named together.
      const failed: string[] = [];
      for (const [what, contentType, body] of malformed(form)) {
        const response = await fetch(`${app.url}${form.path}`, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body,
        });
        await assertPlainRefusal(response, `POST ${form.path} with ${what}`).catch((error: Error) =>
          failed.push(error.message.split('\n')[0]!),
        );
      }
      assert.deepEqual(failed, []);
    });

  it('opens a page with a repeated, nested or missing link as its plain page, never an error', async () => {
    for (const path of ['/how-was-it?link=a&link=b', '/consent?link[x]=1', '/invitation?t[]=1', '/invitation']) {
      const response = await fetch(`${app.url}${path}`, { headers: { accept: 'text/html' } });
      const html = await response.text();
      assert.ok([404, 410].includes(response.status), `${path} answered ${response.status}`);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path);
      assert.match(html, /<h1>[^<]+<\/h1>/, path);
      assertNoInternals(html.replace(/<style>[\s\S]*?<\/style>/, ''), path);
    }
  });
});

describe('partners: the public pages load their scripts from hashed, immutable files, none inline', function () {
  this.timeout(120_000);
  let app: TestApp;
  const pages: Record<string, string> = {};
  before(async () => {
    app = await startPartnersApp();
    pages['/join'] = '/join';
    pages['/how-was-it'] = await evaluationLink(app);
    pages['/consent'] = await consentLink(app);
    pages['/invitation'] = await invitationLink(app);
  });
  after(async () => app?.stop());

  for (const page of ['/join', '/how-was-it', '/consent', '/invitation'])
    it(`${page}: every script is a file from here; its own is hashed and sent as immutable`, async () => {
      const response = await fetch(`${app.url}${pages[page]}`);
      assert.equal(response.status, 200);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.ok(scripts.length > 0, `${page} has a script`);
      const sources = scripts.map(([, attributes = '', content = '']) => {
        assert.equal(content.trim(), '', `${page}: no inline script`);
        const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
        assert.ok(src, `${page}: every script has a src`);
        return src;
      });
      // The ALTCHA widget's own file keeps its fixed name (served from here, cached for a day), as before.
      const own = sources.filter((src) => src !== '/join/altcha.js');
      assert.equal(own.length, 1, `${page} loads one script of its own: ${sources.join(', ')}`);
      for (const src of await withImports(app, own)) await assertImmutableScript(app, src);
    });

  it('sends the scripts\u2019 old fixed addresses on to the current hashed files', async () => {
    for (const path of ['/join/join.js', '/how-was-it/form.js', '/consent/form.js', '/invitation/answer.js']) {
      const response = await fetch(`${app.url}${path}`, { redirect: 'manual' });
      assert.equal(response.status, 302, path);
      assert.match(response.headers.get('location') ?? '', /^\/public-pages\/assets\/[\w-]+-[\w-]{8}\.js$/, path);
    }
  });
});

/** A page's script and the shared chunks it imports (`./form-<hash>.js`), by address. */
async function withImports(app: TestApp, sources: readonly string[]): Promise<string[]> {
  const all = new Set(sources);
  for (const src of sources) {
    const code = await (await fetch(`${app.url}${src}`)).text();
    for (const [, file] of code.matchAll(/from\s*["']\.\/([\w-]+\.js)["']/g))
      all.add(new URL(file!, `http://x${src}`).pathname);
  }
  return [...all];
}

async function assertImmutableScript(app: TestApp, src: string): Promise<void> {
  assert.match(src, /^\/public-pages\/assets\/[\w-]+-[\w-]{8}\.js$/, `${src} is named after its content`);
  const response = await fetch(`${app.url}${src}`);
  await response.arrayBuffer();
  assert.equal(response.status, 200, src);
  assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable', src);
  assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/, src);
  assert.equal(response.headers.get('content-security-policy'), PUBLIC_PAGE_POLICY, src);
}

async function evaluationLink(app: TestApp): Promise<string> {
  const planId = 'plan-public-edge';
  await createPlanWithSession(app, { id: planId, title: 'Leaflet review', partnerIds: ['partner-edge'] });
  const { token } = await app.services.links.issue({
    purpose: 'evaluation',
    partnerId: 'partner-edge',
    subject: `${HOST.id}|${planId}`,
    key: 'public-edge-evaluation',
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return `/how-was-it?link=${token}`;
}

async function consentLink(app: TestApp): Promise<string> {
  const partnerId = await registerPartner(app);
  const { token } = await app.services.links.issue({
    purpose: 'consent-renewal',
    partnerId,
    subject: partnerId,
    key: `consent-renewal:${partnerId}:1`,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return `/consent?link=${encodeURIComponent(token)}`;
}

async function invitationLink(app: TestApp): Promise<string> {
  await partnerWith(app, { displayName: 'Eddie Edge', email: 'eddie@example.org', livedExperience: ['Carer'] });
  await publish(app, await planFor(app), { livedExperience: ['Carer'] });
  const invitation = await eventually(
    async () =>
      (await notifyReceived(app)).find(
        (item) => item.recipient === 'eddie@example.org' && item.templateName.startsWith('Invitation'),
      ),
    'the invitation',
  );
  return `/invitation${new URL(invitation.personalisation.link!).search}`;
}
