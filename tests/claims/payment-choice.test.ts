import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { HOST } from '../helpers/users.js';
import { addMileage, addPartner, pressFor, startClaim, startClaimsApp, storedClaim } from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('review: the partner\u2019s payment choice is not changed through a claim that can no longer be changed', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  it('leaves the register untouched when the claim has already been sent', async () => {
    const host = app.personalChat(HOST);
    const partner = await addPartner(app, 'Quentin Quist');
    const { claimId } = await startClaim(host, 'Quentin');
    await addMileage(host, claimId, '4');
    await pressFor(host, CLAIM_VERBS.submit.verb, { claimId, partnerDeclaration: 'true', hostDeclaration: 'true' });
    assert.equal((await storedClaim(app, claimId)).status, 'submitted');

    const card = await pressFor(host, CLAIM_VERBS.paymentChoice.verb, { claimId, paymentChoice: 'decline' });
    assert.match(cardText(card), /can no longer be changed/);
    const stored = await app.services.partners.find(partner.id);
    assert.equal(stored?.paymentPreference.choice, 'accept-payment', 'the refused change must not reach the register');
  });
});
