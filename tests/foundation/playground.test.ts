import assert from 'node:assert/strict';
import { screenshot } from '../helpers/browser.js';
import { openPlaygroundSession, type PlaygroundPage, type PlaygroundSession } from '../helpers/playground.js';
import { HOST } from '../helpers/users.js';

describe('in the Microsoft 365 Agents Playground (a Teams-like client, headless Chromium)', function () {
  this.timeout(120_000);
  let session: PlaygroundSession;
  let ui: PlaygroundPage;

  before(async () => {
    session = await openPlaygroundSession(HOST);
    ui = session.ui;
  });
  after(() => session?.close());

  it('shows the help card when a person types "help"', async () => {
    await ui.say('help');
    const card = await ui.waitForCard(/Involvement Hub: how I can help/);
    const text = await card.innerText();
    assert.match(text, /Plan involvement work/);
    assert.match(text, /set up IEV channel/);
    await screenshot(ui.page, 'playground-help');
  });
});
