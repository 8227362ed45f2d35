import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText, validateCard } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV, OTHER, SECOND_HOST } from '../helpers/users.js';
import { hostMessage, pressFor, startClaimsApp, storedClaim, submit, today, twoItemClaim } from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('claims: partial approval and reopening', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  it('approves one item of two from the card: the other is not paid, and the host and the card see which and why', async () => {
    const { claimId, mileageId, parkingId } = await twoItemClaim(app, 'Pia Patel');
    const iev = app.channel(IEV);
    const none = await pressFor(iev, CLAIM_VERBS.approvePart.verb, { claimId });
    assert.match(JSON.stringify(none), /Give a reason for each item you do not approve/);
    const every = await pressFor(iev, CLAIM_VERBS.approvePart.verb, {
      claimId,
      [`reason-${mileageId}`]: 'Online session',
      [`reason-${parkingId}`]: 'No receipt',
    });
    assert.match(JSON.stringify(every), /No item would be approved: reject the claim instead/);
    assert.equal((await storedClaim(app, claimId)).status, 'submitted', 'a refused decision changes nothing');

    const decided = await pressFor(iev, CLAIM_VERBS.approvePart.verb, {
      claimId,
      [`reason-${parkingId}`]: 'No receipt for the car park',
    });
    assert.deepEqual(validateCard(decided), []);
    assert.match(cardText(decided), /Not approved:\*\* No receipt for the car park/);
    assert.match(cardText(decided), /Approved \(what is paid\).*£5\.40/s);
    const stored = await storedClaim(app, claimId);
    assert.equal(stored.status, 'approved');
    assert.deepEqual(stored.decision?.rejectedItems, [{ itemId: parkingId, reason: 'No receipt for the car park' }]);
    assert.match(stored.history.at(-1)!.note ?? '', /^Approved 1 of 2 items\. Not approved: .*No receipt/);

    const told = cardText(cardsSent([await hostMessage(app, /Claim partly approved: Pia Patel/)]));
    assert.match(told, /1 of 2 items, £5\.40/);
    assert.match(told, /Parking, .*: No receipt for the car park/);

    const exported = await app.api('/api/claims/exports', {
      method: 'POST',
      as: IEV,
      body: JSON.stringify({ operationId: 'export-partial-0001' }),
    });
    const { batch } = (await exported.json()) as {
      batch: { totals: { expensesPence: number }; links: { expenses: string } };
    };
    assert.equal(batch.totals.expensesPence, 540, 'only the approved item is paid');
    const csv = await (await app.api(batch.links.expenses, { as: IEV })).text();
    assert.match(csv, new RegExp(mileageId));
    assert.doesNotMatch(csv, new RegExp(parkingId));
    const late = await app.personalChat(HOST).press(CLAIM_VERBS.reopen.verb, { claimId });
    assert.match(cardText(late.card), /sent for payment, so it cannot be reopened now/);
  });

  it('the host reopens the item not approved, corrects it and sends the same claim back; approved, it is paid in full', async () => {
    const { host, claimId, parkingId } = await twoItemClaim(app, 'Quinn Quayle');
    await pressFor(app.channel(IEV), CLAIM_VERBS.approvePart.verb, {
      claimId,
      [`reason-${parkingId}`]: 'The amount looks wrong',
    });
    const other = await app.personalChat(SECOND_HOST).press(CLAIM_VERBS.reopen.verb, { claimId });
    assert.match(cardText(other.card), /Only the colleague who started this claim/);

    const reopened = await pressFor(host, CLAIM_VERBS.reopen.verb, { claimId });
    assert.match(cardText(reopened), /Reopened\. Correct the items/);
    assert.match(cardText(reopened), /Not approved:\*\* The amount looks wrong/);
    assert.equal((await storedClaim(app, claimId)).status, 'reopened');
    await pressFor(host, CLAIM_VERBS.removeItem.verb, { claimId, itemId: parkingId });
    await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'parking',
      date: today(),
      description: 'Hospital car park',
      amount: '4.00',
    });
    const sentBack = await submit(host, claimId, { answer: 'The car park was £4, not £12.' });
    assert.match(cardText(sentBack), /Sent to the IEV team/);
    const resubmitted = await storedClaim(app, claimId);
    assert.equal(resubmitted.status, 'resubmitted');
    assert.equal(resubmitted.decision, undefined, 'decided afresh');
    assert.equal(resubmitted.id, claimId, 'the same claim');

    await pressFor(app.channel(IEV), CLAIM_VERBS.approve.verb, { claimId });
    const approved = await storedClaim(app, claimId);
    assert.equal(approved.status, 'approved');
    assert.deepEqual(
      approved.history.map((entry) => entry.status),
      ['draft', 'submitted', 'approved', 'reopened', 'resubmitted', 'approved'],
    );
    assert.equal(approved.history[4]!.note, 'The car park was £4, not £12.');
    assert.deepEqual(approved.totals, { expensesPence: 940, paymentsPence: 0 });
  });

  it('reopens a rejected claim as the same claim, keeping its history', async () => {
    const { host, claimId } = await twoItemClaim(app, 'Rosa Reyes');
    await pressFor(app.channel(IEV), CLAIM_VERBS.reject.verb, { claimId, reason: 'Wrong partner chosen' });
    const told = await hostMessage(app, /Claim rejected: Rosa Reyes/);
    assert.match(JSON.stringify(cardsSent([told])), new RegExp(CLAIM_VERBS.reopen.verb.replace('.', '\\.')));
    await pressFor(host, CLAIM_VERBS.reopen.verb, { claimId });
    await pressFor(host, CLAIM_VERBS.reopen.verb, { claimId });
    await submit(host, claimId);
    const stored = await storedClaim(app, claimId);
    assert.deepEqual(
      stored.history.map((entry) => entry.status),
      ['draft', 'submitted', 'rejected', 'reopened', 'resubmitted'],
    );
  });

  it('reopens from the claim\u2019s page in the tab: only its host, only a rejected or partly approved claim', async () => {
    const { claimId } = await twoItemClaim(app, 'Tom Tran');
    const view = async (as: typeof HOST) =>
      (await (await app.api(`/api/claims/${claimId}`, { as })).json()) as {
        status: string;
        mayReopen: boolean;
        items: Array<{ kindLabel: string }>;
      };
    const reopen = (as: typeof HOST, operationId: string) =>
      app.api(`/api/claims/${claimId}/reopen`, { method: 'POST', as, body: JSON.stringify({ operationId }) });

    assert.equal((await view(HOST)).mayReopen, false, 'waiting for a decision: nothing to correct yet');
    assert.deepEqual(
      (await view(IEV)).items.map((item) => item.kindLabel),
      ['Mileage', 'Parking'],
      'each item says what kind of cost it is, in the cards\u2019 words',
    );
    const early = await reopen(HOST, 'tab-reopen-0001');
    assert.equal(early.status, 409);
    assert.match(
      ((await early.json()) as { detail: string }).detail,
      /with the IEV team, so it cannot be reopened now/,
    );

    await pressFor(app.channel(IEV), CLAIM_VERBS.reject.verb, { claimId, reason: 'Wrong date' });
    assert.equal((await view(HOST)).mayReopen, true);
    assert.equal((await view(IEV)).mayReopen, false, 'the IEV team sees no such button');
    assert.equal((await reopen(IEV, 'tab-reopen-0002')).status, 403);
    assert.equal((await reopen(OTHER, 'tab-reopen-0003')).status, 403, 'nor anyone but its host');
    assert.equal((await reopen(HOST, 'x')).status, 400, 'an operation id is needed');

    const reopened = await reopen(HOST, 'tab-reopen-0004');
    assert.equal(reopened.status, 200);
    assert.deepEqual(
      {
        status: ((await reopened.json()) as { status: string }).status,
        again: (await reopen(HOST, 'tab-reopen-0004')).status,
      },
      { status: 'reopened', again: 200 },
    );
    const stored = await storedClaim(app, claimId);
    assert.equal(stored.id, claimId, 'the same claim');
    assert.deepEqual(
      stored.history.map((entry) => entry.status),
      ['draft', 'submitted', 'rejected', 'reopened'],
    );
    assert.equal((await view(HOST)).mayReopen, false);
  });

  it('refuses partial approval from the tab that names no item of the claim, in words next to the field', async () => {
    const { claimId, parkingId } = await twoItemClaim(app, 'Sami Shah');
    const decide = (body: unknown) =>
      app.api(`/api/claims/${claimId}/decision`, { method: 'POST', as: IEV, body: JSON.stringify(body) });
    const stranger = await decide({
      outcome: 'approve',
      operationId: 'tab-partial-0001',
      rejectedItems: [{ itemId: 'item-elsewhere', reason: 'x' }],
    });
    assert.equal(stranger.status, 400);
    const noReason = await decide({
      outcome: 'approve',
      operationId: 'tab-partial-0002',
      rejectedItems: [{ itemId: parkingId, reason: ' ' }],
    });
    assert.deepEqual(((await noReason.json()) as { errors: unknown[] }).errors, [
      { field: `reason-${parkingId}`, message: 'Say why this item is not approved' },
    ]);
    assert.equal((await storedClaim(app, claimId)).status, 'submitted');
  });
});
