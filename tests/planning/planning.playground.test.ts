import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { screenshot } from '../helpers/browser.js';
import { openPlaygroundSession, type PlaygroundPage, type PlaygroundSession } from '../helpers/playground.js';
import { HOST } from '../helpers/users.js';

describe('Planning in the Microsoft 365 Agents Playground, as a person would (headless Chromium)', function () {
  this.timeout(240_000);
  let session: PlaygroundSession;
  let ui: PlaygroundPage;

  before(async () => {
    session = await openPlaygroundSession(HOST);
    ui = session.ui;
  });
  after(() => session?.close());

  /** Waits for the step card, checks it, and returns it. */
  async function step(number: number, title: string): Promise<Locator> {
    const card = await ui.waitForCard(new RegExp(`Step ${number} of 14`));
    assert.match(await card.innerText(), new RegExp(title.replace(/[?]/g, '\\?')));
    return card;
  }

  it('goes from "help" to a plan summary: typing, filling cards and pressing buttons', async () => {
    await ui.say('help');
    const help = await ui.waitForCard(/how I can help/);
    await ui.press(help, 'Plan involvement work');

    const first = await step(1, 'Purpose and objectives');
    await first.getByLabel('What is this piece of work called?').fill('Calmer memory clinic waiting area');
    await first
      .getByLabel('What are you trying to do, and why involve people?')
      .fill('Make the waiting area less stressful for patients and carers.');
    await screenshot(ui.page, 'planning-first-step');
    await ui.press(first, /^Next$/);

    const known = await step(2, 'What do we already know?');
    await known.getByLabel(/what engagement has happened before/).fill('A 2024 survey of carers.');
    await ui.press(known, /^Next$/);

    const people = await step(3, 'Who should be involved?');
    // Each tick box is named by its choice and, through aria-labelledby, by the question too.
    await people.locator('input[type="checkbox"][aria-label="Carers"]').check();
    await people.locator('input[type="checkbox"][aria-label="Disability"]').check();
    await ui.press(people, /^Next$/);

    const methods = await step(4, 'How can you be creative?');
    assert.match(await methods.innerText(), /carers\u2019 hubs/, 'ideas for the groups chosen are shown');
    for (let number = 4; number < 14; number += 1) {
      const card = await ui.waitForCard(new RegExp(`Step ${number} of 14`));
      await ui.press(card, /^Skip$/);
    }
    const last = await step(14, 'Involvement Partners');
    await ui.press(last, /^Skip$/);

    const summary = await ui.waitForCard(/Your plan \u00b7/);
    const text = await summary.innerText();
    assert.match(text, /Calmer memory clinic waiting area/);
    assert.match(text, /Carers/);
    assert.match(text, /No feedback route yet/);
    // The summary is long: show its top (the plan's name and what to look at), as a person first sees it.
    await summary.getByText(/Your plan \u00b7/).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(ui.page, 'planning-summary', { fullPage: false });

    const [stored] = await session.app.services.planStore.plansOf(HOST.id);
    assert.equal(stored?.phase, 'planned');
    assert.deepEqual([...((stored?.answers.people?.groups as string[] | undefined) ?? [])].sort(), [
      'carers',
      'disability',
    ]);
  });
});
