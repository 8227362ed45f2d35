import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { HOST } from '../helpers/users.js';

describe('review: damaged card actions get a helpful card, never a server error', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.stop());

  for (const verb of [42, ['claim.show'], { name: 'plan.list' }, null]) {
    it(`answers a button whose verb is ${JSON.stringify(verb)}`, async () => {
      const pressed = await app.personalChat(HOST).press(verb as unknown as string, {});
      assert.equal(pressed.status, 200);
      assert.ok(pressed.card, JSON.stringify(pressed.invokeResponse));
      assert.match(cardText(pressed.card), /That button no longer works/);
    });
  }
});
