import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { seedDemoOrganisations } from '../../demo/demo-organisations.js';
import { screenshot } from '../helpers/browser.js';
import { openPlaygroundSession, type PlaygroundPage, type PlaygroundSession } from '../helpers/playground.js';
import { HOST } from '../helpers/users.js';

describe('Community organisations in the Agents Playground: the cards a host sees (headless Chromium)', function () {
  this.timeout(240_000);
  let session: PlaygroundSession;
  let ui: PlaygroundPage;

  before(async () => {
    session = await openPlaygroundSession(HOST);
    ui = session.ui;
    await seedDemoOrganisations(session.app.services);
  });
  after(() => session?.close());

  const step = (number: number): Promise<Locator> => ui.waitForCard(new RegExp(`Step ${number} of 14`));

  it('names organisations at "who knows these communities" and beside each group not reached yet', async () => {
    await ui.say('plan');
    const first = await step(1);
    await first.getByLabel('What is this piece of work called?').fill('Welcoming veterans and carers to clinic');
    await first.getByLabel('What are you trying to do, and why involve people?').fill('Hear from people we miss.');
    await ui.press(first, /^Next$/);
    await ui.press(await step(2), /^Skip$/);
    const people = await step(3);
    await people.locator('input[type="checkbox"][aria-label="Carers"]').check();
    await people.locator('input[type="checkbox"][aria-label="Armed forces veterans"]').check();
    await people.locator('input[type="checkbox"][aria-label="People in contact with the justice system"]').check();
    await ui.press(people, /^Next$/);
    await ui.press(await step(4), /^Skip$/);

    const partners = await step(5);
    const partnersText = await partners.innerText();
    assert.match(partnersText, /Organisations that reach the groups you chose/);
    assert.match(partnersText, /Millbrook Carers\u2019 Hub \(demo\)/);
    assert.match(partnersText, /Northgate Veterans\u2019 Breakfast Club \(demo\).*check them first/);
    assert.match(partnersText, /no organisation yet for: People in contact with the justice system/);
    assert.doesNotMatch(partnersText, /Cara Carewell/, 'the named contact stays with the IEV team');
    await partners
      .getByText('Organisations that reach the groups you chose')
      .evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(ui.page, 'organisations-partners-step', { fullPage: false });

    for (let number = 5; number <= 14; number += 1) await ui.press(await step(number), /^Skip$/);
    const summary = await ui.waitForCard(/Your plan \u00b7/);
    const text = await summary.innerText();
    assert.match(text, /No one caring unpaid for someone has taken part yet\./);
    assert.match(text, /Organisations that reach them: Millbrook Carers\u2019 Hub \(demo\)/);
    assert.match(text, /No one who served in the UK armed forces has taken part yet\./);
    await summary
      .getByText('Who you set out to reach')
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(ui.page, 'organisations-reach-gap', { fullPage: false });
  });
});
