import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { PlaygroundPage, startPlayground, type Playground } from '../helpers/playground.js';
import { HOST } from '../helpers/users.js';

describe('in the Microsoft 365 Agents Playground (a Teams-like client, headless Chromium)', function () {
  this.timeout(120_000);
  let app: TestApp;
  let playground: Playground;
  let ui: PlaygroundPage;

  before(async () => {
    app = await startTestApp();
    playground = await startPlayground(`${app.url}/api/messages`, HOST);
    ui = await PlaygroundPage.open(playground);
  });
  after(async () => {
    await ui?.close();
    await playground?.stop();
    await app?.stop();
  });

  it('shows the help card when a person types "help"', async () => {
    await ui.say('help');
    const card = await ui.waitForCard(/Involvement Hub: how I can help/);
    const text = await card.innerText();
    assert.match(text, /Plan involvement work/);
    assert.match(text, /set up IEV channel/);
    await screenshot(ui.page, 'playground-help');
  });
});
