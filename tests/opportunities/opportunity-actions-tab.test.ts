import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { loopbackContext, screenshot } from '../helpers/browser.js';
import { HOST, IEV } from '../helpers/users.js';
import { eventually, notifyReceived, startPartnersApp } from '../partners/partner-steps.js';
import { axeViolations, describeViolations, useTabBrowser, type Theme } from '../tab/tab-page.js';
import { partnerWith, planFor, publish } from './opportunity-steps.js';

/**
 * The tab's buttons on one opportunity, pressed as a person would: IEV's "Approve and send invitations", the
 * host's "Close it now", and what a partner sees on their link once the host closed it early. Also the publish
 * form in the three Teams themes.
 */
describe('opportunities in the tab: approving, closing early, and the publish form in every theme', function () {
  this.timeout(180_000);
  let app: TestApp;
  let planId: string;
  const tab = useTabBrowser(async () => {
    app = await startPartnersApp();
    await partnerWith(app, { displayName: 'Wyn Waiting', email: 'wyn@example.org', livedExperience: ['Carer'] });
    planId = await planFor(app);
    return app;
  });

  const factOf = (page: Page, term: string) =>
    page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  const stored = async (id: string) => (await app.services.opportunities.store.find(id))!;
  const invitationsTo = async (email: string) =>
    (await notifyReceived(app)).filter(
      (item) => item.recipient === email && item.templateName.startsWith('Invitation'),
    );

  it('IEV approves a waiting opportunity from the tab: it opens and the invitations go; the host has no Approve button', async () => {
    const setting = await app.api('/api/opportunity-settings', {
      method: 'PUT',
      as: IEV,
      body: JSON.stringify({ approvalRequired: true }),
    });
    assert.equal(setting.status, 200);
    const published = await publish(app, await planFor(app, HOST, 'Waiting for approval'), {
      livedExperience: ['Carer'],
    });
    const id = published.body.opportunity.id;
    assert.equal(published.body.opportunity.state, 'awaiting-approval');

    const asHost = await tab.open(`opportunities/${id}`, { as: HOST });
    await asHost.getByRole('heading', { name: 'Waiting for approval', level: 2 }).waitFor();
    assert.equal(await factOf(asHost, 'Where it stands').innerText(), 'Waiting for the IEV team to approve');
    assert.equal(await asHost.getByRole('button', { name: 'Approve and send invitations' }).count(), 0);

    const page = await tab.open(`opportunities/${id}`, { as: IEV });
    const approve = page.getByRole('button', { name: 'Approve and send invitations' });
    await approve.waitFor();
    assert.deepEqual(await invitationsTo('wyn@example.org'), [], 'nobody is invited before approval');
    await approve.click();
    await page.getByRole('status').getByText('Approved: invitations are on their way.').waitFor();
    await page.getByText('1 invited: 0 interested').waitFor();
    assert.equal(await factOf(page, 'Where it stands').innerText(), 'Open: invitations sent');
    assert.equal(await approve.count(), 0, 'approved once: the button is gone');

    const opportunity = await stored(id);
    assert.equal(opportunity.state, 'open');
    assert.equal((await app.services.opportunities.store.invitationsOf(id)).length, 1);
    await eventually(async () => (await invitationsTo('wyn@example.org'))[0], 'Wyn\u2019s invitation');
    const off = await app.api('/api/opportunity-settings', {
      method: 'PUT',
      as: IEV,
      body: JSON.stringify({ approvalRequired: false }),
    });
    assert.equal(off.status, 200);
  });

  it('the host closes it early from the tab; the partner’s link then says it closed and takes no answer', async () => {
    const published = await publish(app, await planFor(app, HOST, 'Closing early'), { livedExperience: ['Carer'] });
    const id = published.body.opportunity.id;
    assert.equal(published.body.opportunity.state, 'open');
    const invitation = await eventually(
      async () =>
        (await invitationsTo('wyn@example.org')).find((item) => item.personalisation.work_title === 'Closing early'),
      'the invitation to the opportunity closing early',
    );
    const search = new URL(invitation.personalisation.link!).search;

    // The partner has the page open, with its form, before the host closes it.
    const context = await loopbackContext(tab.browser, { viewport: { width: 390, height: 844 }, bypassCSP: true });
    const partnerPage = tab.track(await context.newPage());
    await partnerPage.goto(`${app.url}/invitation${search}`);
    await partnerPage.getByRole('heading', { name: 'Closing early', level: 1 }).waitFor();

    const page = await tab.open(`opportunities/${id}`, { as: HOST });
    const close = page.getByRole('button', { name: 'Close it now' });
    await close.waitFor();
    await close.click();
    await page.getByRole('status').getByText('Closed: no more answers are taken.').waitFor();
    assert.equal(await factOf(page, 'Where it stands').innerText(), 'Closed');
    assert.equal(await close.count(), 0, 'closed once: the button is gone');
    assert.equal((await stored(id)).state, 'closed');

    // The answer sent from the page opened earlier is not taken, and the partner is told why.
    await partnerPage.getByRole('radio', { name: 'Yes, I am interested' }).check();
    await partnerPage.getByRole('button', { name: 'Send my answer' }).click();
    await partnerPage.getByText('This opportunity has closed, so we could not take your answer.').waitFor();
    const [stillUnanswered] = await app.services.opportunities.store.invitationsOf(id);
    assert.equal(stillUnanswered?.answer, undefined, 'no answer stored after closing');

    // Opened again, the link shows that it closed, with no form.
    await partnerPage.goto(`${app.url}/invitation${search}`);
    await partnerPage.getByText('This opportunity has closed. Thank you for your interest').waitFor();
    assert.equal(await partnerPage.getByRole('button', { name: 'Send my answer' }).count(), 0);
    const violations = await axeViolations(partnerPage);
    assert.deepEqual(violations, [], describeViolations(violations));
  });

  for (const theme of ['default', 'dark', 'contrast'] as Theme[]) {
    it(`the publish form reads well in the ${theme} theme, with no accessibility problems`, async () => {
      const page = await tab.open(`opportunities/new?plan=${planId}`, { as: HOST, theme });
      await page.getByRole('heading', { name: 'Publish an involvement opportunity' }).waitFor();
      const title = page.getByRole('textbox', { name: 'Title' });
      await title.waitFor();
      assert.equal(await title.inputValue(), 'Redesigning the crisis line', 'filled in from the plan');
      const violations = await axeViolations(page);
      await screenshot(page, `opportunity-publish-form-${theme}`, { fullPage: true });
      assert.deepEqual(violations, [], describeViolations(violations));
    });
  }
});
