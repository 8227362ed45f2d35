import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { startTestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { cardText, cardsIn } from '../helpers/cards.js';
import { HOST, IEV, SECOND_IEV } from '../helpers/users.js';
import { sendSupportRequest } from '../planning/planning-steps.js';
import { axeViolations, describeViolations, useTabBrowser } from './tab-page.js';

const IEV_CHANNEL = '19:iev-channel@thread.tacv2';

describe('Support requests in the tab (IEV)', function () {
  this.timeout(180_000);
  let app: TestApp;
  const tab = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: `${IEV.id},${SECOND_IEV.id}` } });
    await app.personalChat(SECOND_IEV).say('help');
    await app.channel(IEV).say('set up IEV channel');
    return app;
  });

  it('gives a request to a colleague, notes it and marks it done; the host is told; the plan opens read-only', async () => {
    const host = app.personalChat(HOST);
    await sendSupportRequest(host);
    const page = await tab.open('support', { as: IEV });
    const request = page.getByRole('article', { name: 'Calmer memory clinic waiting area' });
    await request.waitFor();
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    await request.getByLabel('Give it to').selectOption({ label: SECOND_IEV.name });
    await request.getByRole('button', { name: 'Give it to them' }).click();
    await page.getByText(`Calmer memory clinic waiting area: given to ${SECOND_IEV.name}.`).waitFor();
    await request.getByText(`Picked up by ${SECOND_IEV.name}`).waitFor();
    await request.getByLabel('Add a note').fill('Called the host; Hub room held for 3 March.');
    await request.getByRole('button', { name: 'Add the note' }).click();
    await request.getByText(/Ivy IEV \(demo\): Called the host; Hub room held for 3 March\./).waitFor();
    await screenshot(page, 'support-requests-working');

    await request.getByRole('link', { name: /Open the plan behind/ }).click();
    await page.getByRole('heading', { name: 'Calmer memory clinic waiting area', level: 2 }).waitFor();
    await page.getByText(`${HOST.name}'s plan, read-only.`, { exact: false }).waitFor();
    await page.getByText('Make the waiting area less stressful for patients and carers.').waitFor();
    assert.equal(await page.getByRole('button', { name: /Change|Save/ }).count(), 0, 'nothing to change here');
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'support-request-plan');
    await page.getByRole('link', { name: 'Back to support requests' }).click();

    await request.getByRole('button', { name: 'Mark done' }).click();
    await page.getByText('Calmer memory clinic waiting area: marked done. The host has been told.').waitFor();
    await page.getByText('No support requests here.').waitFor();
    const told = await app.connector.waitFor(
      (call) =>
        call.conversationId === host.conversation.id &&
        /Your request for help is done/.test(cardText(cardsIn([call])[0] ?? {})),
    );
    assert.match(cardText(cardsIn([told])[0]), /Ivy IEV \(demo\) from the IEV team has marked your request/);
    const channelCard = app.connector.calls.filter((call) => call.conversationId.startsWith(IEV_CHANNEL)).at(-1)!;
    assert.match(cardText(cardsIn([channelCard])[0]), /Done \(marked by Ivy IEV \(demo\)\)/);

    await page.getByRole('link', { name: 'Done' }).click();
    await page.getByRole('article', { name: 'Calmer memory clinic waiting area' }).waitFor();
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'support-requests-done');
  });

  it('is refused to hosts in plain words', async () => {
    const page = await tab.open('support', { as: HOST });
    await page.getByText(/Only the IEV team can see everyone.s support requests/).waitFor();
  });
});
