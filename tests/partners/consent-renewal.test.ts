import assert from 'node:assert/strict';
import { UnavailableError } from '../../domain/errors.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { loopbackContext, policyViolations, recordPolicyViolations, screenshot } from '../helpers/browser.js';
import { HOST, IEV } from '../helpers/users.js';
import { fictionalPartner, seedFictionalPartners } from '../../demo/demo-partners.js';
import type { Partner } from '../../domain/register/partner.js';
import { axeViolations, describeViolations, useTabBrowser } from '../tab/tab-page.js';
import { eventually, messagesOf, notifyReceived } from './partner-steps.js';

const DAY_MS = 86_400_000;
const longAgo = new Date(Date.now() - 800 * DAY_MS).toISOString();
const today = () => new Date().toISOString().slice(0, 10);
const tokenOf = (link: string): string => new URL(link).searchParams.get('link') ?? '';

interface RenewalPage {
  items: Array<{ id: string; displayName: string; asked?: { at: string; status: string } }>;
}
interface Reach {
  reach: { agreed: { value: number } };
}

describe('Consent renewal by personal link: IEV asks once, the partner renews or withdraws each purpose', function () {
  this.timeout(240_000);
  let app: TestApp;
  // Six partners who agreed to equality monitoring and six who did not took part in one session today (both groups
  // of five or more, so neither figure is suppressed).
  const monitored = [0, 3, 6, 12, 15, 18].map((index) => fictionalPartner(index));
  const notMonitored = [1, 2, 4, 5, 7, 10].map((index) => fictionalPartner(index));
  const renewing = monitored[2]!; // agreed to everything, long ago
  const stopping = monitored[3]!; // withdraws contact consent from their link
  const unreachable = fictionalPartner(7); // never agreed to be contacted
  let token: string;

  const dueLongAgo = async (partner: Partner, changes: Partial<Partner>) => {
    const stored = (await app.services.partners.find(partner.id))!;
    const { _etag, ...rest } = stored;
    const at = longAgo;
    await app.services.partners.replace(
      {
        ...rest,
        status: 'active',
        consent: {
          register: { given: true, at },
          contactAboutOpportunities: { given: rest.consent.contactAboutOpportunities.given, at },
          equalityMonitoring: { given: rest.consent.equalityMonitoring.given, at },
        },
        ...changes,
      },
      _etag,
    );
  };
  const ask = (id: string, as = IEV) => app.api(`/api/consent-renewals/${id}/ask`, { as, method: 'POST' });
  const page = (link: string) => fetch(`${app.url}/consent?link=${encodeURIComponent(link)}`);
  const send = (body: unknown) =>
    fetch(`${app.url}/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const figures = async () =>
    (await app.getJson<Reach>(`/api/impact?from=${today()}&to=${today()}`, IEV)).body.reach.agreed.value;
  const renewalRequests = async (partnerId: string) =>
    (await notifyReceived(app)).filter((item) => item.reference.startsWith(`msg-consent-renewal:${partnerId}:`));

  const tab = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedFictionalPartners(app.services.database.containers, 20);
    const partnerIds = [...monitored, ...notMonitored].map((partner) => partner.id);
    await app.services.database.containers.plans.items.create({
      id: 'plan-reach',
      type: 'plan',
      schemaVersion: 1,
      hostId: HOST.id,
      hostName: HOST.name,
      title: 'Reach',
      phase: 'running',
      partnerIds,
      sessions: [{ id: 's1', date: today(), durationMinutes: 60, format: 'in-person', partnerIds }],
    });
    await dueLongAgo(renewing, {
      contact: { email: 'renew.me@example.org', preferredMethod: 'email' },
      consent: {
        register: { given: true, at: longAgo },
        contactAboutOpportunities: { given: true, at: longAgo },
        equalityMonitoring: { given: true, at: longAgo },
      },
    });
    await dueLongAgo(stopping, {
      contact: { phone: '07700 900123', preferredMethod: 'text' },
      consent: {
        register: { given: true, at: longAgo },
        contactAboutOpportunities: { given: true, at: longAgo },
        equalityMonitoring: { given: true, at: longAgo },
      },
    });
    await dueLongAgo(unreachable, {});
    return app;
  });

  it('IEV presses "Ask them to renew" in the tab; the request goes once, by email, with a personal link', async () => {
    const ievPage = await tab.open('partners', { as: IEV });
    await ievPage.getByText(/^Consent due for renewal/).click();
    const row = ievPage
      .getByRole('list', { name: 'Partners with consent due for renewal' })
      .getByRole('listitem')
      .filter({ hasText: renewing.displayName });
    await row.getByRole('button', { name: `Ask them to renew (${renewing.displayName})` }).click();
    await row
      .getByRole('status')
      .getByText(/^Asked to renew on /)
      .waitFor();
    const violations = await axeViolations(ievPage);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(ievPage, 'consent-renewal-asked');

    // Two colleagues pressing at the same moment, and a press after a reload: the first request stands.
    const again = await Promise.all([ask(renewing.id), ask(renewing.id)]);
    for (const response of again) {
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { already: boolean }).already, true);
    }
    const email = await eventually(async () => (await renewalRequests(renewing.id))[0], 'the renewal email');
    assert.equal(email.type, 'email');
    assert.equal(email.recipient, 'renew.me@example.org');
    assert.equal(email.templateName, 'Do you still agree? (email)');
    assert.equal(
      email.personalisation.purposes,
      'being on the register, being contacted about opportunities and equality monitoring',
    );
    assert.match(email.personalisation.closes_on ?? '', /^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    assert.match(email.personalisation.link ?? '', /\/consent\?link=[\w-]+\.[0-9a-z]+\.[\w-]+$/);
    token = tokenOf(email.personalisation.link!);
    await app.services.outbox.dispatcher.runOnce();
    assert.equal((await renewalRequests(renewing.id)).length, 1, 'asked once');
    const list = await app.getJson<RenewalPage>('/api/consent-renewals', IEV);
    assert.ok(list.body.items.find((item) => item.id === renewing.id)?.asked, 'the list says they were asked');
  });

  it('asks only when allowed: not someone who never agreed to be contacted, and only IEV asks', async () => {
    assert.equal((await ask(unreachable.id)).status, 200);
    await eventually(
      async () =>
        (await messagesOf(app, unreachable.id)).find(
          (row) => row.kind === 'consent-renewal' && row.status === 'not-sent',
        ),
      'the request recorded as not sent',
    );
    assert.deepEqual(await renewalRequests(unreachable.id), []);
    assert.equal((await ask(stopping.id, HOST)).status, 403);
    assert.equal((await ask('no-such-partner')).status, 404);
  });

  it('the partner opens the page on a phone, sees each purpose in plain English, and renews one and withdraws another', async () => {
    const opened = await page(token);
    assert.equal(opened.status, 200);
    assert.equal(opened.headers.get('cache-control'), 'no-store');
    assert.match(opened.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(opened.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(opened.headers.get('x-content-type-options'), 'nosniff');

    // With the page's policy enforced, as a person's browser does: its script runs, its style applies, nothing refused.
    const enforced = await loopbackContext(tab.browser);
    await recordPolicyViolations(enforced);
    const strict = tab.track(await enforced.newPage());
    await strict.goto(`${app.url}/consent?link=${encodeURIComponent(token)}`);
    await strict.getByRole('button', { name: 'Send my answers' }).click();
    await strict.getByRole('alert').getByText('There is a problem').waitFor();
    assert.equal(
      await strict.locator('header').evaluate((node) => getComputedStyle(node).backgroundColor),
      'rgb(0, 94, 184)',
    );
    assert.deepEqual(await policyViolations(strict), [], 'nothing on the page was refused by its policy');

    // axe is injected as an inline script, which the page's policy refuses: this context bypasses the policy for the
    // scan.
    const context = await loopbackContext(tab.browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      bypassCSP: true,
    });
    const phone = tab.track(await context.newPage());
    await phone.goto(`${app.url}/consent?link=${encodeURIComponent(token)}`);
    await phone.getByRole('heading', { name: 'Do you still agree?', level: 1 }).waitFor();
    for (const group of [
      'Being on the Involvement Register',
      'Being contacted about opportunities',
      'Equality monitoring',
    ])
      await phone.getByRole('group', { name: group }).waitFor();
    assert.match(await phone.locator('main').innerText(), /only in figures, with small numbers hidden/);
    let violations = await axeViolations(phone);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(phone, 'consent-renewal-phone');

    await phone
      .getByRole('group', { name: 'Being on the Involvement Register' })
      .getByLabel('Yes, I still agree')
      .check();
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByRole('alert').getByText('There is a problem').waitFor();
    assert.match(await phone.getByRole('alert').innerText(), /Choose yes or no for .Equality monitoring./);
    violations = await axeViolations(phone);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(phone, 'consent-renewal-phone-errors');
    assert.equal((await page(token)).status, 200, 'an incomplete answer spends nothing');

    assert.equal(await figures(), 6);
    await phone
      .getByRole('group', { name: 'Being contacted about opportunities' })
      .getByLabel('Yes, I still agree')
      .check();
    await phone
      .getByRole('group', { name: 'Equality monitoring' })
      .getByLabel(/No, stop using my answers/)
      .check();
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByRole('status').getByText('Your answers are recorded').waitFor();
    await screenshot(phone, 'consent-renewal-phone-done');

    const stored = (await app.services.partners.find(renewing.id))!;
    assert.equal(stored.equality, undefined, 'the equality answers are deleted at once');
    assert.deepEqual(stored.consent.equalityMonitoring, {
      given: false,
      at: `${today()}T12:00:00.000Z`,
      how: 'online-form',
    });
    assert.deepEqual(stored.consent.register, { given: true, at: `${today()}T12:00:00.000Z`, how: 'online-form' });
    assert.equal(stored.status, 'active');
    assert.deepEqual(
      stored.consentHistory!.map(({ purpose, given, byName }) => ({ purpose, given, byName })),
      [
        { purpose: 'register', given: true, byName: 'The partner, from their consent renewal link' },
        { purpose: 'contactAboutOpportunities', given: true, byName: 'The partner, from their consent renewal link' },
        { purpose: 'equalityMonitoring', given: false, byName: 'The partner, from their consent renewal link' },
      ],
    );
    assert.equal(await figures(), 5, 'the partner has left the equality figures');
    const trail = await app.services.audit.trailOf(renewing.id);
    assert.deepEqual(trail.find((event) => event.action === 'consent-changed')?.fields, [
      'consent.register',
      'consent.contactAboutOpportunities',
      'consent.equalityMonitoring',
      'equality',
    ]);
    const partnerPage = await app.getJson<{ partner: { consentHistory?: unknown[] } }>(
      `/api/partners/${renewing.id}`,
      IEV,
    );
    assert.equal(partnerPage.status, 200);
    assert.equal(partnerPage.body.partner.consentHistory?.length, 3, 'the register shows the answer');
    const list = await app.getJson<RenewalPage>('/api/consent-renewals', IEV);
    assert.equal(
      list.body.items.some((item) => item.id === renewing.id),
      false,
      'renewed today: no longer due',
    );
  });

  it('refuses a second use, a changed link and bad bodies with plain answers', async () => {
    const again = await send({ link: token, choices: { register: 'withdraw' } });
    assert.equal(again.status, 410);
    assert.equal(((await again.json()) as { title: string }).title, 'You have already answered');
    const reopened = await page(token);
    assert.equal(reopened.status, 410);
    assert.match(await reopened.text(), /<h1>You have already answered<\/h1>/);
    assert.equal((await app.services.partners.find(renewing.id))!.consent.register.given, true, 'nothing changed');

    const tampered = await page(`${token.slice(0, -2)}xx`);
    assert.equal(tampered.status, 404);
    assert.match(await tampered.text(), /<h1>This link does not work<\/h1>/);
    assert.equal((await page('x'.repeat(5_000))).status, 404);
    assert.equal((await send({ link: token, choices: { anything: 'renew' } })).status, 400);
    assert.equal((await send({ link: token, choices: {}, padding: 'x'.repeat(4_000) })).status, 413);
  });

  it('withdrawing consent to be on the register takes them off it at once and lists them for erasure', async () => {
    // The request to this partner was not sent (no contact consent); their link, issued again under the same round, is
    // the one they would have had (IEV might read it out to them).
    const { token: own } = await app.services.links.issue({
      purpose: 'consent-renewal',
      partnerId: unreachable.id,
      subject: unreachable.id,
      key: `consent-renewal:${unreachable.id}:${longAgo}`,
      expiresAt: new Date(Date.now() + DAY_MS),
    });
    const opened = await page(own);
    assert.equal(opened.status, 200);
    const html = await opened.text();
    assert.match(html, /Being on the Involvement Register/);
    assert.doesNotMatch(html, /Equality monitoring/, 'only what they agreed to is asked');
    assert.equal((await send({ link: own, choices: { register: 'withdraw' } })).status, 200);
    const stored = (await app.services.partners.find(unreachable.id))!;
    assert.equal(stored.status, 'left');
    assert.equal(stored.consent.register.given, false);
    const review = await app.getJson<{ items: Array<{ id: string; reason: string }> }>('/api/retention-review', IEV);
    assert.equal(review.body.items.find((item) => item.id === unreachable.id)?.reason, 'left-the-register');
  });

  it('withdrawing contact consent from the link stops messages at once', async () => {
    assert.equal((await ask(stopping.id)).status, 200);
    const text = await eventually(async () => (await renewalRequests(stopping.id))[0], 'the renewal text message');
    assert.equal(text.type, 'sms');
    const answered = await send({
      link: tokenOf(text.personalisation.link!),
      choices: { register: 'renew', contactAboutOpportunities: 'withdraw', equalityMonitoring: 'renew' },
    });
    assert.equal(answered.status, 200);
    assert.match(((await answered.json()) as { message: string }).message, /stopped at once/);
    await app.services.partnerMessages.messaging.owe([
      { eventId: `test-after-withdrawal:${stopping.id}`, partnerId: stopping.id, kind: 'welcome' },
    ]);
    await eventually(
      async () =>
        (await messagesOf(app, stopping.id)).find((row) => row.kind === 'welcome' && row.status === 'not-sent'),
      'the next message held back',
    );
    assert.equal(
      (await notifyReceived(app)).filter((item) => item.recipient.replace(/\s/g, '') === '07700900123').length,
      1,
      'only the renewal request reached them',
    );
  });

  it('an answer whose saving fails part-way (503) leaves the link working, and pressing again records it once', async () => {
    const partners = app.services.partners;
    // In the trail, or waiting on the entry for the next change to copy it (the reply was lost before copying).
    const consentChanges = async (partnerId: string) =>
      [
        ...(await app.services.audit.trailOf(partnerId)),
        ...((await partners.find(partnerId))!.pendingAudit ?? []),
      ].filter((event) => event.action === 'consent-changed');
    const linkFor = async (partner: Partner) =>
      (
        await app.services.links.issue({
          purpose: 'consent-renewal',
          partnerId: partner.id,
          subject: partner.id,
          key: `consent-renewal:${partner.id}:${longAgo}`,
          expiresAt: new Date(Date.now() + DAY_MS),
        })
      ).token;
    const replace = partners.replace.bind(partners);
    const failing = async (press: () => Promise<Response>, saveFirst: boolean) => {
      partners.replace = async (...args) => {
        if (saveFirst) await replace(...args);
        throw new UnavailableError('The register could not be reached.');
      };
      try {
        assert.equal((await press()).status, 503);
      } finally {
        partners.replace = replace;
      }
    };
    const choices = { register: 'renew', contactAboutOpportunities: 'renew', equalityMonitoring: 'withdraw' };
    // The history once answered: one entry for each purpose they agreed to.
    const historyOnce = async (partner: Partner) => {
      const stored = (await partners.find(partner.id))!;
      const given = Object.values(stored.consent).filter((consent) => consent.given).length;
      return (stored.consentHistory?.length ?? 0) + given;
    };

    // Nothing saved: the link still opens, and the second press records the answer.
    const first = monitored[4]!;
    const firstLink = await linkFor(first);
    const firstHistory = await historyOnce(first);
    await failing(() => send({ link: firstLink, choices }), false);
    assert.equal((await page(firstLink)).status, 200, 'the link is not spent by a press that saved nothing');
    assert.equal((await send({ link: firstLink, choices })).status, 200);
    assert.equal((await send({ link: firstLink, choices })).status, 410);
    const firstStored = (await partners.find(first.id))!;
    assert.equal(firstStored.consent.equalityMonitoring.given, false);
    assert.equal(firstStored.consentHistory?.length, firstHistory, 'recorded once');
    assert.equal((await consentChanges(first.id)).length, 1, 'audited once');

    // Saved, but the reply was lost: pressing again (or twice at once) records nothing more.
    const second = monitored[5]!;
    const secondLink = await linkFor(second);
    const secondHistory = await historyOnce(second);
    await failing(() => send({ link: secondLink, choices }), true);
    const again = await Promise.all([send({ link: secondLink, choices }), send({ link: secondLink, choices })]);
    assert.deepEqual(
      again.map((response) => response.status),
      [410, 410],
    );
    assert.equal((await page(secondLink)).status, 410);
    const secondStored = (await partners.find(second.id))!;
    assert.equal(secondStored.consent.equalityMonitoring.given, false);
    assert.equal(secondStored.consentHistory?.length, secondHistory, 'recorded once');
    assert.equal((await consentChanges(second.id)).length, 1, 'audited once');
  });
});
