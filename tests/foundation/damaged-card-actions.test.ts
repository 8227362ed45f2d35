import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { HOST } from '../helpers/users.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';
import { PLAN_VERBS } from '../../bot/planning/planning-verbs.js';

describe('review: damaged card actions get a helpful card, never a server error', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => app?.stop());

  for (const verb of [42, [CLAIM_VERBS.show.verb], { name: PLAN_VERBS.list.verb }, null]) {
    it(`answers a button whose verb is ${JSON.stringify(verb)}`, async () => {
      const pressed = await app.personalChat(HOST).press(verb as unknown as string, {});
      assert.equal(pressed.status, 200);
      assert.ok(pressed.card, JSON.stringify(pressed.invokeResponse));
      assert.match(cardText(pressed.card), /That button no longer works/);
    });
  }
});
