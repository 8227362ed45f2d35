import assert from 'node:assert/strict';
import { screenshot } from '../helpers/browser.js';
import { PlaygroundClients, setUpIevChannel } from '../helpers/playground.js';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import { addPartner, eventually } from './claim-steps.js';

/**
 * Two people, two Teams-like clients: Hana submits a claim in her 1:1 chat; Ivy approves it from the
 * card in the IEV team's channel. The Playground has no per-user card refresh, so Ivy presses
 * "Show the latest" to get her approver view, as Teams clients without automatic refresh do.
 */
describe('Claims in the Microsoft 365 Agents Playground, as people would (headless Chromium)', function () {
  this.timeout(240_000);
  let app: TestApp;
  const clients = new PlaygroundClients(() => app);

  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await addPartner(app, 'Nia Nowak');
  });
  after(async () => {
    await clients.close();
    await app?.stop();
  });

  const open = (user: typeof HOST) => clients.open(user);

  it('a host submits a claim in personal chat and an IEV member approves it from the channel card', async () => {
    const ivy = await open(IEV);
    await setUpIevChannel(ivy);

    const hana = await open(HOST);
    await hana.say('claim expenses');
    const start = await hana.waitForCard(/Claim expenses for an Involvement Partner/);
    await start.getByLabel(/Partner\u2019s name/).fill('Nia');
    await hana.press(start, 'Search the register');
    const choose = await hana.waitForCard(/Choose the partner/);
    await choose.getByRole('radio', { name: /Nia Nowak/ }).check();
    await choose.getByLabel(/Which involvement work or session/).fill('Memory clinic waiting area workshop');
    await hana.press(choose, 'Start the claim');

    const draft = await hana.waitForCard(/Expense claim for Nia Nowak/);
    await hana.press(draft, 'Add this cost');
    const form = await hana.waitForCard(/Add mileage/);
    await form.getByLabel(/^From/).fill('Mansfield');
    await form.getByLabel(/^To/).fill('Highbury Hospital');
    await form.getByLabel(/^Miles/).fill('12');
    await hana.press(form, 'Add to the claim');

    const claimCard = await hana.waitForCard(/12 miles × 45p = £5\.40/);
    assert.match(await claimCard.innerText(), /Total\s+£5\.40/);
    await claimCard
      .getByText(/Expense claim for Nia Nowak/)
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(hana.page, 'claims-claim-card', { fullPage: false });
    await hana.press(claimCard, 'Check and submit');

    const declarations = await hana.waitForCard(/Check and submit the claim/);
    const toggles = declarations.locator('input[type="checkbox"]');
    await toggles.nth(0).check();
    await toggles.nth(1).check();
    await hana.press(declarations, 'Submit to the IEV team');
    await hana.waitForCard(/Sent to the IEV team/);

    const approval = await ivy.waitForCard(/Expense claim: Nia Nowak/, 30_000);
    assert.match(await approval.innerText(), /Waiting for IEV approval/);
    await ivy.press(approval, 'Show the latest');
    const approverView = ivy.card(/Expense claim: Nia Nowak/);
    await approverView.getByRole('button', { name: 'Approve' }).waitFor({ timeout: 20_000 });
    await ivy.press(approverView, /^Approve$/);
    const decided = await ivy.waitForCard(/Approved by Ivy IEV \(demo\)/);
    assert.doesNotMatch(await decided.innerText(), /\bReject\b/);
    await decided
      .getByText(/Expense claim: Nia Nowak/)
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(ivy.page, 'claims-approval-decided', { fullPage: false });

    const [stored] = await eventually(async () => {
      const page = await app.services.claims.store.listPage({ statuses: ['approved'], pageSize: 10 });
      return page.items.length > 0 && page.items;
    }, 'the claim to be approved');
    assert.equal(stored!.partnerName, 'Nia Nowak');
    assert.equal(stored!.decision?.byId, IEV.id);
    await hana.waitForCard(/Claim approved: Nia Nowak/, 30_000);
  });
});
