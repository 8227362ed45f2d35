import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { HOST, OTHER } from '../helpers/users.js';
import { pressFor, startClaimsApp, storedClaim, submittedClaim } from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('review: claims cannot be read or changed through forged buttons', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  it('another host who learns a claim id (from IEV\u2019s register) cannot read the claim by pressing "Show the latest" in their own chat', async () => {
    const { claimId } = await submittedClaim(app, app.personalChat(HOST), 'Priya Patel');
    const partnerId = (await storedClaim(app, claimId)).partnerId;
    // Demo roles are not seeded here, so Oscar is simply another colleague who hosts work.
    const me = (await (await app.api('/api/me', { as: OTHER })).json()) as { roles: string[] };
    assert.deepEqual(me.roles, ['host']);
    const page = (await (await app.api(`/api/partners/${partnerId}`, { as: OTHER })).json()) as {
      claims?: Array<{ id: string }>;
    };
    assert.equal(page.claims, undefined, 'need to know: the register shows a host only the claims of their own work');
    // The id can still leak (a forwarded link, a screenshot of IEV's register): pressing with it must show nothing.

    const snooper = app.personalChat(OTHER);
    for (const verb of [CLAIM_VERBS.refresh.verb, CLAIM_VERBS.approve.verb]) {
      const card = await pressFor(snooper, verb, { claimId });
      const text = cardText(card);
      assert.doesNotMatch(
        text,
        /Mansfield|Nottingham|Ward 3 discharge|Hana Host/,
        `${verb} showed another host's claim: ${text}`,
      );
      assert.match(text, /could not be found|not yours/i);
    }
    assert.equal((await storedClaim(app, claimId)).status, 'submitted');
  });
});
