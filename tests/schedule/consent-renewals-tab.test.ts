import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { HOST, IEV } from '../helpers/users.js';
import { addPartner } from '../claims/claim-steps.js';
import { axeViolations, describeViolations, useTabBrowser } from '../tab/tab-page.js';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** Where the digest's "Open consent renewals" button leads: the register, where IEV sees whose consent to renew. */
describe('Consent due for renewal in the register tab (the digest\u2019s button)', function () {
  this.timeout(120_000);
  let app: TestApp;
  const tab = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    const recent = daysAgo(30);
    for (const [name, registerAt, contactGiven] of [
      ['Colin Consent', daysAgo(800), true],
      ['Nora Newer', recent, true],
      ['Walt Withdrawn', recent, false],
    ] as const)
      await addPartner(app, name, {
        registeredAt: recent,
        lastInvolvedAt: recent,
        consent: {
          register: { given: true, at: registerAt },
          contactAboutOpportunities: { given: contactGiven, at: name === 'Walt Withdrawn' ? daysAgo(900) : recent },
          equalityMonitoring: { given: false, at: daysAgo(900) },
        },
      });
    return app;
  });

  it('lists an IEV member the partners whose consent was given over 24 months ago, each linked to their page', async () => {
    const page = await tab.open('partners', { as: IEV });
    await page.getByText(/^Consent due for renewal \(1\)/).click();
    const due = page.getByRole('list', { name: 'Partners with consent due for renewal' }).getByRole('listitem');
    assert.equal(await due.count(), 1);
    assert.match(await due.first().innerText(), /Colin Consent: being on the register \(given /);
    assert.equal(
      await due.first().getByRole('link', { name: 'Colin Consent' }).getAttribute('href'),
      '#/partners/partner-colin-consent',
    );
    assert.deepEqual(describeViolations(await axeViolations(page)), describeViolations([]));
    await screenshot(page, 'schedule-consent-renewals');
  });

  it('refuses the list to anyone but the IEV team', async () => {
    const refused = await app.getJson<{ title?: string }>('/api/consent-renewals', HOST);
    assert.equal(refused.status, 403);
    const page = await tab.open('partners', { as: HOST });
    await page.getByRole('heading', { name: 'Involvement Partners' }).waitFor();
    assert.equal(await page.getByText(/^Consent due for renewal/).count(), 0);
  });
});
