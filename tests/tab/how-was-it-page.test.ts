import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { PUBLIC_PAGE_POLICY } from '../../api/public-policy.js';
import { loopbackContext, policyViolations, recordPolicyViolations, screenshot } from '../helpers/browser.js';
import { HOST } from '../helpers/users.js';
import { createPlanWithSession, startPartnersApp } from '../partners/partner-steps.js';
import { axeViolations, describeViolations, useTabBrowser } from './tab-page.js';

const PLAN_ID = 'plan-how-was-it-page';

describe('"How was it for you?" in a browser, on a phone and a desktop (headless Chromium)', function () {
  this.timeout(180_000);
  let app: TestApp;
  let links = 0;
  const tab = useTabBrowser(async () => {
    app = await startPartnersApp();
    await createPlanWithSession(app, {
      id: PLAN_ID,
      title: 'Discharge leaflet review',
      serviceArea: 'Adult community services',
      partnerIds: ['partner-browser'],
    });
    return app;
  });

  const linkFor = async (expiresInMs = 86_400_000): Promise<string> => {
    const { token } = await app.services.links.issue({
      purpose: 'evaluation',
      partnerId: 'partner-browser',
      subject: `${HOST.id}|${PLAN_ID}`,
      key: `browser-${(links += 1)}`,
      expiresAt: new Date(Date.now() + expiresInMs),
    });
    return `${app.url}/how-was-it?link=${token}`;
  };
  const clean = async (page: Page) => {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
  };
  const stored = async () =>
    (await app.services.database.containers.evaluations.items.query<{ id: string }>('SELECT * FROM c').fetchAll())
      .resources;

  it('a partner answers on a phone: errors named, then thanks, and the link then says it was used', async () => {
    // axe is injected as an inline script, which the page's policy refuses: this context bypasses the policy for the
    // scan; 'works with its Content-Security-Policy enforced' below applies as a person's browser does.
    const context = await loopbackContext(tab.browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      bypassCSP: true,
    });
    const page = tab.track(await context.newPage());
    const link = await linkFor();
    await page.goto(link);
    await page.getByRole('heading', { name: 'How was it for you?', level: 1 }).waitFor();
    await page.getByText('Discharge leaflet review').waitFor();
    await clean(page);
    await screenshot(page, 'how-was-it-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on a phone (${width}px)`);

    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('alert').getByText('Please answer at least one question.').first().waitFor();
    await clean(page);
    await screenshot(page, 'how-was-it-phone-errors');

    await page
      .getByRole('group', { name: 'Overall, how was taking part for you?' })
      .getByLabel('Good', { exact: true })
      .check();
    await page.getByRole('group', { name: 'Did you feel listened to?' }).getByLabel('Partly').check();
    await page
      .getByRole('group', { name: /make a difference/ })
      .getByLabel('Not sure')
      .check();
    await page
      .getByLabel('Anything else you would like to tell us? (optional)')
      .fill('More notice of the date, please.');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('status').getByText('Thank you for your answers').waitFor();
    await clean(page);
    await screenshot(page, 'how-was-it-phone-sent');
    assert.equal((await stored()).length, 1);

    await page.goto(link);
    await page.getByRole('heading', { name: 'You have already answered', level: 1 }).waitFor();
    await clean(page);
    await screenshot(page, 'how-was-it-phone-used');
  });

  it('shows the form, and a plain page for an expired or changed link, on a desktop', async () => {
    const answeredBefore = (await stored()).length;
    const context = await loopbackContext(tab.browser, { bypassCSP: true });
    const page = tab.track(await context.newPage());
    await page.goto(await linkFor());
    await page.getByRole('heading', { name: 'How was it for you?', level: 1 }).waitFor();
    await clean(page);
    await screenshot(page, 'how-was-it-desktop');

    await page.goto(await linkFor(-1_000));
    await page.getByRole('heading', { name: 'This link has closed', level: 1 }).waitFor();
    await clean(page);
    await screenshot(page, 'how-was-it-desktop-expired');

    await page.goto(`${(await linkFor()).slice(0, -3)}xyz`);
    await page.getByRole('heading', { name: 'This link does not work', level: 1 }).waitFor();
    await clean(page);
    await screenshot(page, 'how-was-it-desktop-changed');
    assert.equal((await stored()).length, answeredBefore, 'nothing stored from the pages that refused');
  });

  it('works with its Content-Security-Policy enforced: the answers are sent, and the refusal pages show', async () => {
    const answeredBefore = (await stored()).length;
    const context = await loopbackContext(tab.browser);
    await recordPolicyViolations(context);
    const page = tab.track(await context.newPage());
    const response = await page.goto(await linkFor());
    assert.equal(response?.headers()['content-security-policy'], PUBLIC_PAGE_POLICY);
    await page
      .getByRole('group', { name: 'Overall, how was taking part for you?' })
      .getByLabel('Good', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('status').getByText('Thank you for your answers').waitFor();
    assert.deepEqual(await policyViolations(page), [], 'nothing on the page was refused by its policy');
    assert.equal((await stored()).length, answeredBefore + 1);

    const refused = await page.goto(`${(await linkFor()).slice(0, -3)}xyz`);
    assert.equal(refused?.headers()['content-security-policy'], PUBLIC_PAGE_POLICY);
    await page.getByRole('heading', { name: 'This link does not work', level: 1 }).waitFor();
    assert.equal(
      await page.locator('header').evaluate((node) => getComputedStyle(node).backgroundColor),
      'rgb(0, 94, 184)',
    );
    assert.deepEqual(await policyViolations(page), []);
  });
});
