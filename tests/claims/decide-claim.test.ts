import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText, validateCard } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV, OTHER, SECOND_IEV } from '../helpers/users.js';
import {
  addMileage,
  addPartner,
  eventually,
  personalChatId,
  pressFor,
  startClaim,
  startClaimsApp,
  storedClaim,
  submit,
  submittedClaim,
  hostMessage,
} from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('claims: IEV decides from the approval card', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  const hostMessages = (text: RegExp) => hostMessage(app, text);

  it('approves: the card is updated in place for everyone and the host is told', async () => {
    const host = app.personalChat(HOST);
    const { claimId, approvalActivityId } = await submittedClaim(app, host, 'Bilal Banerjee');
    const pressed = await app
      .channel(IEV)
      .press(CLAIM_VERBS.approve.verb, { claimId }, { replyToId: approvalActivityId });
    assert.match(cardText(pressed.card), /Approved by Ivy IEV \(demo\) at/);
    assert.doesNotMatch(JSON.stringify(pressed.card), /claim\.approve/);
    assert.deepEqual(validateCard(pressed.card), []);
    const update = pressed.sent.find((call) => call.kind === 'update' && call.activityId === approvalActivityId);
    assert.ok(update, 'the card in the channel is replaced for everyone');
    assert.match(cardText(cardsSent([update])), /Approved by Ivy IEV/);

    const stored = await storedClaim(app, claimId);
    assert.equal(stored.status, 'approved');
    assert.equal(stored.decision?.byName, 'Ivy IEV (demo)');
    assert.deepEqual(
      stored.history.map((entry) => entry.status),
      ['draft', 'submitted', 'approved'],
    );

    const told = await hostMessages(/Claim approved: Bilal Banerjee/);
    assert.match(cardText(cardsSent([told])), /Approved by Ivy IEV \(demo\).*£5\.40 will be paid/s);
  });

  it('rejects only with a reason, and tells the host the reason', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await submittedClaim(app, host, 'Chen Carter');
    const noReason = await pressFor(app.channel(IEV), CLAIM_VERBS.reject.verb, { claimId, reason: '  ' });
    assert.match(cardText(noReason), /Give a reason for rejecting the claim/);
    assert.equal((await storedClaim(app, claimId)).status, 'submitted');

    const rejected = await pressFor(app.channel(IEV), CLAIM_VERBS.reject.verb, {
      claimId,
      reason: 'This session was online, so there was no travel.',
    });
    assert.match(cardText(rejected), /Rejected by Ivy IEV/);
    assert.match(cardText(rejected), /This session was online/);
    const stored = await storedClaim(app, claimId);
    assert.equal(stored.status, 'rejected');
    assert.equal(stored.decision?.reason, 'This session was online, so there was no travel.');
    const told = await hostMessages(/Claim rejected: Chen Carter/);
    assert.match(cardText(cardsSent([told])), /Reason:.*This session was online/s);
  });

  it('queries: the host answers and resubmits, the channel card shows it, and it is then approved', async () => {
    const host = app.personalChat(HOST);
    const { claimId, approvalActivityId } = await submittedClaim(app, host, 'Dora Dlamini');
    const queried = await pressFor(app.channel(IEV), CLAIM_VERBS.query.verb, {
      claimId,
      question: 'Was the 12 miles there and back?',
    });
    assert.match(cardText(queried), /Queried by Ivy IEV/);
    const told = await hostMessages(/Question about the claim for Dora Dlamini/);
    assert.match(cardText(cardsSent([told])), /Was the 12 miles there and back\?/);

    const open = await pressFor(host, CLAIM_VERBS.show.verb, { claimId });
    assert.match(cardText(open), /Question from Ivy IEV \(demo\)/);
    await addMileage(host, claimId, '2');
    const noAnswer = await pressFor(host, CLAIM_VERBS.submit.verb, {
      claimId,
      partnerDeclaration: 'true',
      hostDeclaration: 'true',
      answer: '',
    });
    assert.match(cardText(noAnswer), /Answer the IEV team\u2019s question/);
    await submit(host, claimId, { answer: 'It was one way; I have added the return journey.' });

    const resubmitted = await storedClaim(app, claimId);
    assert.equal(resubmitted.status, 'resubmitted');
    assert.equal(resubmitted.totals.expensesPence, 14 * 45);
    const updated = await app.connector.waitFor(
      (call) =>
        call.kind === 'update' &&
        call.activityId === approvalActivityId &&
        /Host\u2019s answer/.test(cardText(cardsSent([call]))),
    );
    assert.match(cardText(cardsSent([updated])), /Answered, waiting for IEV approval/);

    const approved = await pressFor(app.channel(SECOND_IEV), CLAIM_VERBS.approve.verb, { claimId });
    assert.match(cardText(approved), /Approved by Iris IEV \(test\)/);
    const history = (await storedClaim(app, claimId)).history;
    assert.deepEqual(
      history.map((entry) => entry.status),
      ['draft', 'submitted', 'queried', 'resubmitted', 'approved'],
    );
    assert.equal(history[2]!.note, 'Was the 12 miles there and back?');
    assert.equal(history[3]!.note, 'It was one way; I have added the return journey.');
  });

  it('refuses a non-approver who presses Approve, and changes nothing', async () => {
    const host = app.personalChat(HOST);
    const { claimId, approvalActivityId } = await submittedClaim(app, host, 'Eilidh Evans');
    const before = await storedClaim(app, claimId);
    const pressed = await app
      .channel(OTHER)
      .press(CLAIM_VERBS.approve.verb, { claimId }, { replyToId: approvalActivityId });
    assert.match(cardText(pressed.card), /Only IEV approvers can approve, reject or query claims/);
    assert.match(cardText(pressed.card), /Waiting for IEV approval/);
    assert.equal(pressed.sent.length, 0, 'nothing is updated or sent');
    const after = await storedClaim(app, claimId);
    assert.equal(after.status, 'submitted');
    assert.equal(after._etag, before._etag);
  });

  it('refuses an IEV member who approves a claim they submitted', async () => {
    await addPartner(app, 'Femi Fletcher');
    const submitter = app.personalChat(SECOND_IEV);
    const { claimId } = await startClaim(submitter, 'Femi');
    await addMileage(submitter, claimId, '4');
    await submit(submitter, claimId);
    const ownView = await app.channel(SECOND_IEV).refresh(CLAIM_VERBS.refresh.verb, { claimId });
    assert.doesNotMatch(JSON.stringify(ownView.card), /claim\.approve/, 'no buttons on your own claim');
    const pressed = await pressFor(app.channel(SECOND_IEV), CLAIM_VERBS.approve.verb, { claimId });
    assert.match(cardText(pressed), /You cannot decide a claim you submitted/);
    assert.equal((await storedClaim(app, claimId)).status, 'submitted');
  });

  it('records exactly one decision when 20 approvers press Approve and Reject at once', async () => {
    const host = app.personalChat(HOST);
    const { claimId, approvalActivityId } = await submittedClaim(app, host, 'Grace Gill');
    const presses = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0
        ? app.channel(IEV).press(CLAIM_VERBS.approve.verb, { claimId }, { replyToId: approvalActivityId })
        : app
            .channel(SECOND_IEV)
            .press(
              CLAIM_VERBS.reject.verb,
              { claimId, reason: 'Duplicate of another claim' },
              { replyToId: approvalActivityId },
            ),
    );
    const results = await Promise.all(presses);
    const stored = await storedClaim(app, claimId);
    const decisions = stored.history.filter((entry) => entry.status === 'approved' || entry.status === 'rejected');
    assert.equal(decisions.length, 1, 'exactly one decision is recorded');
    const decided = decisions[0]!;
    const expected = `${decided.status === 'approved' ? 'Approved' : 'Rejected'} by ${decided.byName}`;
    for (const result of results) {
      assert.equal(result.status, 200);
      assert.ok(cardText(result.card).includes(expected), `every presser sees "${expected}"`);
      assert.doesNotMatch(JSON.stringify(result.card), /"verb":"claim\.(approve|reject)"/);
    }
    await eventually(
      async () =>
        (await app.services.outbox.store.forSubject(claimId)).every((message) => message.status !== 'pending'),
      'the outbox to settle',
    );
    const toHost = app.connector.calls.filter(
      (call) =>
        call.conversationId === personalChatId(HOST) &&
        cardText(cardsSent([call])).includes('Grace Gill') &&
        /Claim (approved|rejected)/.test(cardText(cardsSent([call]))),
    );
    assert.equal(toHost.length, 1, 'the host is told once');
  });

  it('decides once when Teams retries the same Approve invoke', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await submittedClaim(app, host, 'Priya Patel');
    const invoke = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'teams-retry-approve-1',
      value: {
        action: {
          type: 'Action.Execute',
          verb: CLAIM_VERBS.approve.verb,
          data: { verb: CLAIM_VERBS.approve.verb, claimId },
        },
      },
    };
    const channel = app.channel(IEV);
    const first = await channel.post(invoke);
    const second = await channel.post(invoke);
    for (const answer of [first, second])
      assert.match(cardText((answer.body as { value: unknown }).value), /Approved by Ivy IEV/);
    assert.doesNotMatch(cardText((second.body as { value: unknown }).value), /Already decided/);
    assert.equal((await storedClaim(app, claimId)).history.filter((entry) => entry.status === 'approved').length, 1);
  });
});
