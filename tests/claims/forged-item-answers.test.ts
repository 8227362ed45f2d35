import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { HOST } from '../helpers/users.js';
import { addPartner, pressFor, startClaim, startClaimsApp, storedClaim, today } from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('review: claim items refuse forged oversized answers', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  it('does not store a 20,000-character "kind of involvement" sent in place of a choice', async () => {
    const host = app.personalChat(HOST);
    await addPartner(app, 'Rosa Reyes');
    const { claimId } = await startClaim(host, 'Rosa');
    const card = await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'involvement-time',
      date: today(),
      levelId: 'x'.repeat(20_000),
      hours: '2',
    });
    assert.match(cardText(card), /Choose the kind of involvement/);
    assert.equal((await storedClaim(app, claimId)).items.length, 0);
  });
});
