import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { HOST, IEV } from '../helpers/users.js';
import { approvalCardPosted, pressFor, startClaimsApp, storedClaim, submittedClaim } from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('review: an approval is not lost when another write to the claim lands at the same moment', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  it('approves even while the approval card\u2019s place is being recorded', async function () {
    this.timeout(120_000);
    const host = app.personalChat(HOST);
    for (const name of ['Amir Ahmed', 'Beth Brown', 'Cara Cole', 'Dev Dutta', 'Eve Evans']) {
      const { claimId } = await submittedClaim(app, host, name);
      await approvalCardPosted(app, claimId);
      // The outbox records where the card was posted; here it does so over and over while IEV presses Approve.
      const writes = Array.from({ length: 6 }, (_, index) =>
        app.services.claims.service
          .rememberApprovalCard(claimId, { activityId: `race-${index}`, conversationId: 'race' })
          .catch(() => undefined),
      );
      const [card] = await Promise.all([pressFor(app.channel(IEV), CLAIM_VERBS.approve.verb, { claimId }), ...writes]);
      const stored = await storedClaim(app, claimId);
      assert.equal(
        stored.status,
        'approved',
        `${name}: the press answered "${cardText(card).split('\n').slice(0, 3).join(' / ')}" but the claim is ${stored.status}`,
      );
    }
  });
});
