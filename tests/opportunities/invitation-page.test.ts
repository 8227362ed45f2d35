import assert from 'node:assert/strict';
import { loopbackContext, screenshot } from '../helpers/browser.js';
import type { TestApp } from '../helpers/app.js';
import { eventually, notifyReceived, startPartnersApp } from '../partners/partner-steps.js';
import { axeViolations, describeViolations, useTabBrowser } from '../tab/tab-page.js';
import { partnerWith, planFor, publish } from './opportunity-steps.js';

/** The partner's invitation page in a browser, as they would use it from their phone: read, sign, answer. */
describe('opportunities: the invitation page a partner opens from their link', function () {
  this.timeout(120_000);
  let app: TestApp;
  let link: string;
  const tab = useTabBrowser(async () => {
    app = await startPartnersApp();
    await partnerWith(app, { displayName: 'Vic Visitor', email: 'vic@example.org', livedExperience: ['Carer'] });
    await publish(app, await planFor(app), {
      kind: 'interview-panel',
      role: 'Community nurse',
      livedExperience: ['Carer'],
    });
    link = (
      await eventually(
        async () =>
          (await notifyReceived(app)).find(
            (item) => item.recipient === 'vic@example.org' && item.templateName.startsWith('Invitation'),
          ),
        'the invitation',
      )
    ).personalisation.link!;
    return app;
  });

  it('reads plainly on a phone, has no accessibility problems, and takes a signed answer', async () => {
    // The page's CSP allows only its own script; the axe scan is injected by the test, so the context bypasses it.
    const context = await loopbackContext(tab.browser, { viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = tab.track(await context.newPage());
    await page.goto(`${app.url}/invitation${new URL(link).search}`);
    await page.getByRole('heading', { name: 'Redesigning the crisis line', level: 1 }).waitFor();
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'invitation-page', { fullPage: true });
    await page.getByRole('radio', { name: 'Yes, I am interested' }).check();
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('link', { name: 'Type your full name to sign the guide.' }).waitFor();
    await page.getByRole('checkbox', { name: 'I have read and understood the guide' }).check();
    await page.getByLabel('Your full name').fill('Vic Visitor');
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('heading', { name: /you said you are interested/ }).waitFor();
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'invitation-answered', { fullPage: true });
  });
});
