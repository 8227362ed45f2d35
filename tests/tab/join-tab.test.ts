import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { PUBLIC_PAGE_POLICY } from '../../api/public-policy.js';
import { loopbackContext, policyViolations, recordPolicyViolations, screenshot } from '../helpers/browser.js';
import { IEV } from '../helpers/users.js';
import { eventually, notifyReceived } from '../partners/partner-steps.js';
import { axeViolations, describeViolations, useTabBrowser } from './tab-page.js';

/** Fills in /join as a person would, lets the ALTCHA widget solve its challenge, and sends it. */
async function apply(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address (optional)').fill(email);
  await page.getByRole('radio', { name: 'Email' }).check();
  await page.getByRole('checkbox', { name: 'Older people' }).check();
  await page.getByLabel('What you would like to do (optional)').fill('Reading leaflets, interview panels');
  await page.getByRole('radio', { name: 'Expenses only, please' }).check();
  await page.getByLabel('Their name').fill('Sam Applicant');
  await page.getByLabel('How they know you').fill('Brother');
  await page.getByLabel('Their phone number').fill('01632 960555');
  await page.getByRole('checkbox', { name: /I agree to be on the Involvement Register/ }).check();
  await page.getByRole('checkbox', { name: /I agree to be contacted/ }).check();
  await page.getByRole('checkbox', { name: /equality monitoring questions/ }).check();
  await page.getByRole('group', { name: 'Age group' }).getByRole('radio', { name: '65+' }).check();
  // The widget's own check box: it fetches a challenge and solves it in the page (proof of work).
  await page.locator('altcha-widget label').first().click();
  await page.locator('altcha-widget input[name="altcha"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('altcha-widget input[name="altcha"]')?.value,
    undefined,
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Send my application' }).click();
}

describe('Applying to join on /join in a browser, and IEV approving in the tab', function () {
  this.timeout(240_000);
  let app: TestApp;
  const tab = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    return app;
  });

  it('a person applies on a phone (the widget solves its challenge), IEV approves, and the welcome email goes', async () => {
    // axe is injected as an inline script, which the page's policy refuses: this context bypasses the policy for the
    // scan; 'works with its Content-Security-Policy enforced' below applies as a person's browser does.
    const context = await loopbackContext(tab.browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      bypassCSP: true,
    });
    const page = tab.track(await context.newPage());
    await page.goto(`${app.url}/join`);
    await page.getByRole('heading', { name: 'Join the Involvement Register', level: 1 }).waitFor();
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'join-phone');

    await page.getByRole('button', { name: 'Send my application' }).click();
    await page.getByRole('alert').getByText('There is a problem').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'join-phone-errors');

    await apply(page, 'Ada Applicant', 'ada.applicant@example.org');
    await page.getByRole('status').getByText('Thank you, we have your application').waitFor();
    await screenshot(page, 'join-phone-sent');

    const ievPage = await tab.open('applications', { as: IEV });
    const application = ievPage.getByRole('article', { name: 'Ada Applicant' });
    await application.waitFor();
    const tabViolations = await axeViolations(ievPage);
    assert.deepEqual(tabViolations, [], describeViolations(tabViolations));
    await screenshot(ievPage, 'applications-to-join');
    await application.getByRole('button', { name: 'Approve and welcome' }).click();
    await ievPage.getByText('Ada Applicant is on the register; their welcome is on its way.').waitFor();

    const welcome = await eventually(
      async () =>
        (await notifyReceived(app)).find(
          (item) => item.recipient === 'ada.applicant@example.org' && item.templateName.startsWith('Welcome'),
        ),
      'the welcome email at the local Notify server',
    );
    assert.equal(welcome.type, 'email');
    assert.equal(welcome.personalisation.name, 'Ada Applicant');
    const partner = await app.services.partners.find(welcome.reference.replace('msg-welcome:', ''));
    assert.equal(partner?.equality?.ageBand, '65+', 'equality answers kept with their consent');
  });

  it('works with its Content-Security-Policy enforced: the widget solves its challenge and the form is sent', async () => {
    const context = await loopbackContext(tab.browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    await recordPolicyViolations(context);
    const page = tab.track(await context.newPage());
    const response = await page.goto(`${app.url}/join`);
    assert.equal(response?.headers()['content-security-policy'], PUBLIC_PAGE_POLICY);
    await page.getByRole('heading', { name: 'Join the Involvement Register', level: 1 }).waitFor();
    await apply(page, 'Cy Applicant', 'cy.applicant@example.org');
    await page.getByRole('status').getByText('Thank you, we have your application').waitFor();
    assert.deepEqual(await policyViolations(page), [], 'nothing on the page was refused by its policy');
    // The page's own stylesheet applied (allowed by its hash): the header has its colour.
    assert.equal(
      await page.locator('header').evaluate((node) => getComputedStyle(node).backgroundColor),
      'rgb(0, 94, 184)',
    );
    const stored = await app.services.database.containers.applications.items
      .query<{ form?: { displayName: string } }>('SELECT c.form FROM c')
      .fetchAll();
    assert.ok(
      stored.resources.some((row) => row.form?.displayName === 'Cy Applicant'),
      'the application is stored',
    );
  });

  it('looks right on a desktop screen', async () => {
    const context = await loopbackContext(tab.browser, { viewport: { width: 1280, height: 900 } });
    const page = tab.track(await context.newPage());
    await page.goto(`${app.url}/join`);
    await page.getByRole('heading', { name: 'Join the Involvement Register', level: 1 }).waitFor();
    await screenshot(page, 'join-desktop');
  });
});
