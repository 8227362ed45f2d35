import assert from 'node:assert/strict';
import { screenshot } from '../helpers/browser.js';
import { IEV } from '../helpers/users.js';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { axeViolations, describeViolations, useRegisterWithPartners } from './tab-page.js';

describe('Changing consent in the tab (IEV)', function () {
  this.timeout(180_000);
  const tab = useRegisterWithPartners(20);
  const { open } = tab;

  it('records a withdrawal of equality consent: the answers are gone at once and the history says who, when and how', async () => {
    const partner = fictionalPartner(12);
    assert.ok(partner.equality);
    // Six partners who agreed to equality monitoring and six who did not took part in a session today (groups of
    // five or more, so no figure is hidden).
    const today = new Date().toISOString().slice(0, 10);
    const tookPart = [0, 3, 6, 12, 15, 18, 1, 2, 4, 5, 7, 10].map((index) => fictionalPartner(index).id);
    await tab.app.services.database.containers.plans.items.create({
      id: 'plan-consent-figures',
      type: 'plan',
      schemaVersion: 1,
      hostId: IEV.id,
      hostName: IEV.name,
      title: 'Reach',
      phase: 'running',
      partnerIds: tookPart,
      sessions: [{ id: 's1', date: today, durationMinutes: 60, format: 'in-person', partnerIds: tookPart }],
    });
    const agreed = async () =>
      (await tab.app.getJson<{ reach: { agreed: { value: number } } }>(`/api/impact?from=${today}&to=${today}`, IEV))
        .body.reach.agreed.value;
    assert.equal(await agreed(), 6);
    const page = await open(`partners/${partner.id}`, { as: IEV });
    await page.getByRole('heading', { name: 'Equality monitoring' }).waitFor();
    await page.getByText('Record a change of consent').click();
    await page.getByLabel('Which consent').selectOption('equalityMonitoring');
    await page.getByRole('radio', { name: 'They withdraw their consent' }).check();
    await page.getByLabel('How they told you').selectOption('letter');
    await page.getByText('Their equality answers will be deleted at once').waitFor();
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'partner-consent-change');
    await page.getByRole('button', { name: 'Record their choice' }).click();

    await page.getByRole('heading', { name: 'Consent history' }).waitFor();
    await page.getByText(`withdrew equality monitoring, by letter (recorded by ${IEV.name})`).waitFor();
    assert.equal(
      await page.getByRole('heading', { name: 'Equality monitoring' }).count(),
      0,
      'the answers are gone from the page',
    );
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'partner-consent-history');
    assert.equal((await tab.app.services.partners.find(partner.id))!.equality, undefined, 'and from the register');
    assert.equal(await agreed(), 5, 'the equality figures no longer count them');
  });

  it('withdrawing consent to be on the register erases the entry at once, and says why', async () => {
    const partner = fictionalPartner(13);
    const page = await open(`partners/${partner.id}`, { as: IEV });
    await page.getByText('Record a change of consent').click();
    await page.getByLabel('Which consent').selectOption('register');
    await page.getByRole('radio', { name: 'They withdraw their consent' }).check();
    await page.getByLabel('How they told you').selectOption('phone');
    await page.getByText('Withdrawing consent to be on the register erases their entry at once').waitFor();
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.getByRole('button', { name: 'Record the withdrawal and erase their data' }).click();
    await page.getByText(/Reason: They withdrew their consent to be on the register \(by phone, /).waitFor();
    await screenshot(page, 'partner-register-consent-withdrawn');
    const stored = (await tab.app.services.partners.find(partner.id))!;
    assert.equal(stored.displayName, 'Erased partner');
    assert.equal(stored.consent.register.given, false);
  });
});
