import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV, SECOND_IEV, type TestUser } from '../helpers/users.js';
import { storedClaim, startClaimsApp, submittedClaim } from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('claims: deciding from the tab, by the same rules as the card', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  let operations = 0;
  const decide = async (as: TestUser, claimId: string, body: Record<string, string>) => {
    operations += 1;
    const response = await app.api(`/api/claims/${claimId}/decision`, {
      method: 'POST',
      as,
      body: JSON.stringify({ operationId: `tab-test-operation-${operations}`, ...body }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        status?: string;
        detail?: string;
        errors?: Array<{ field: string; message: string }>;
      },
    };
  };

  it('approves from the tab: the card in the channel is updated in place and the host is told', async () => {
    const { claimId, approvalActivityId } = await submittedClaim(app, app.personalChat(HOST), 'Tomas Tab');
    const answer = await decide(IEV, claimId, { outcome: 'approve' });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.status, 'approved');
    const update = await app.connector.waitFor(
      (call) =>
        call.kind === 'update' &&
        call.activityId === approvalActivityId &&
        /Approved by Ivy IEV/.test(cardText(cardsSent([call]))),
    );
    assert.ok(update, 'the card in the channel is replaced for everyone');
    await app.connector.waitFor(
      (call) =>
        call.kind === 'send' &&
        call.conversationId === `a:personal-${HOST.id}` &&
        /Claim approved: Tomas Tab/.test(cardText(cardsSent([call]))),
    );
    const stored = await storedClaim(app, claimId);
    assert.equal(stored.decision?.byId, IEV.id);
  });

  it('needs a reason to reject and a question to query, said next to the field; nothing changes until then', async () => {
    const { claimId } = await submittedClaim(app, app.personalChat(HOST), 'Rhian Reason');
    for (const [outcome, field] of [
      ['reject', 'reason'],
      ['query', 'question'],
    ] as const) {
      const refused = await decide(IEV, claimId, { outcome, [field]: '   ' });
      assert.equal(refused.status, 400);
      assert.deepEqual(
        refused.body.errors?.map((error) => error.field),
        [field],
      );
    }
    assert.equal((await decide(IEV, claimId, { outcome: 'maybe' })).status, 400);
    assert.equal((await storedClaim(app, claimId)).status, 'submitted');
    const rejected = await decide(IEV, claimId, { outcome: 'reject', reason: 'Please claim the bus fare instead.' });
    assert.equal(rejected.status, 200);
    assert.equal((await storedClaim(app, claimId)).decision?.reason, 'Please claim the bus fare instead.');
  });

  it('refuses a host, and an IEV member deciding their own claim, in plain words', async () => {
    const { claimId } = await submittedClaim(app, app.personalChat(HOST), 'Hugo Host');
    const host = await decide(HOST, claimId, { outcome: 'approve' });
    assert.equal(host.status, 403);
    assert.match(host.body.detail ?? '', /Only IEV approvers can approve, reject or query claims/);
    const { claimId: own } = await submittedClaim(app, app.personalChat(IEV), 'Olive Own');
    const self = await decide(IEV, own, { outcome: 'approve' });
    assert.equal(self.status, 403);
    assert.match(self.body.detail ?? '', /You cannot decide a claim you submitted/);
    assert.equal((await storedClaim(app, own)).status, 'submitted');
  });

  it('makes one decision when Approve is pressed on the card and in the tab at the same moment, and tells the loser who decided', async function () {
    this.timeout(120_000);
    for (const name of ['Ana Race', 'Ben Race', 'Cat Race', 'Dan Race']) {
      const { claimId } = await submittedClaim(app, app.personalChat(HOST), name);
      const [card, tab] = await Promise.all([
        app.channel(SECOND_IEV).press(CLAIM_VERBS.approve.verb, { claimId }),
        decide(IEV, claimId, { outcome: 'approve' }),
      ]);
      const stored = await storedClaim(app, claimId);
      assert.equal(stored.history.filter((entry) => entry.status === 'approved').length, 1, `${name}: one decision`);
      const cardSaid = cardText(card.card!);
      if (stored.decision?.byId === SECOND_IEV.id) {
        assert.equal(tab.status, 409, `${name}: the card won, the tab lost`);
        assert.match(tab.body.detail ?? '', /Already decided\. Approved by Iris IEV \(test\) at/);
        assert.doesNotMatch(cardSaid, /Already decided/);
      } else {
        assert.equal(stored.decision?.byId, IEV.id);
        assert.equal(tab.status, 200, `${name}: the tab won`);
        assert.match(cardSaid, /Already decided\. Approved by Ivy IEV \(demo\) at/);
      }
    }
  });
});
