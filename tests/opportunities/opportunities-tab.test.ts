import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { HOST, IEV } from '../helpers/users.js';
import { startPartnersApp } from '../partners/partner-steps.js';
import { axeViolations, describeViolations, useTabBrowser, type Theme } from '../tab/tab-page.js';
import { partnerWith, planFor, publish } from './opportunity-steps.js';

/** The tab's opportunity views: publish from a plan, matching (how many and why), answers and choosing. */
describe('opportunities in the tab', function () {
  this.timeout(180_000);
  let app: TestApp;
  let opportunityId: string;
  let planId: string;
  const tab = useTabBrowser(async () => {
    app = await startPartnersApp();
    await partnerWith(app, {
      displayName: 'Tess Tabcarer',
      livedExperience: ['Carer'],
      accessNeeds: 'Step-free access, please.',
      availability: 'Weekday mornings',
    });
    await partnerWith(app, { displayName: 'Uma Unrelated', areas: ['Older people'] });
    planId = await planFor(app);
    opportunityId = (
      await publish(app, await planFor(app, HOST, 'Crisis line leaflets'), { livedExperience: ['Carer'] })
    ).body.opportunity.id;
    return app;
  });

  it('a host publishes from a plan: the form is filled in from it, and the opportunity shows who fits and why, not who', async () => {
    const page = await tab.open(`opportunities/new?plan=${planId}`, { as: HOST });
    await page.getByRole('heading', { name: 'Publish an involvement opportunity' }).waitFor();
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.waitFor();
    assert.equal(await title.inputValue(), 'Redesigning the crisis line');
    assert.ok(await page.getByRole('checkbox', { name: 'Carer', exact: true }).isChecked(), 'from the plan');
    await page.getByRole('textbox', { name: 'Time, if you know it' }).fill('10:30');
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'opportunity-publish-form', { fullPage: true });
    await page.getByRole('button', { name: 'Publish and invite' }).click();
    await page.getByRole('heading', { name: 'Who fits' }).waitFor();
    await page.getByText('1 person on the register fits').waitFor();
    await page.getByText('1 with access needs this opportunity meets').waitFor();
    assert.equal(await page.getByText('Tess Tabcarer').count(), 0, 'the host does not see who fits');
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
  });

  for (const theme of ['default', 'dark', 'contrast'] as Theme[]) {
    it(`the opportunity and its matching read well in the ${theme} theme, with no accessibility problems`, async () => {
      const page = await tab.open(`opportunities/${opportunityId}`, { as: IEV, theme });
      await page.getByRole('heading', { name: 'Who (IEV only), best fit first' }).waitFor();
      await page.getByRole('link', { name: 'Tess Tabcarer' }).waitFor();
      const violations = await axeViolations(page);
      await screenshot(page, `opportunity-matching-${theme}`, { fullPage: true });
      assert.deepEqual(violations, [], describeViolations(violations));
      const list = await tab.open('opportunities', { as: IEV, theme });
      await list.getByRole('link', { name: 'Crisis line leaflets' }).waitFor();
      const listViolations = await axeViolations(list);
      await screenshot(list, `opportunities-list-${theme}`, { fullPage: true });
      assert.deepEqual(listViolations, [], describeViolations(listViolations));
    });
  }
});
