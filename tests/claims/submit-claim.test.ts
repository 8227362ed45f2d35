import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText, validateCard } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV, OTHER, SECOND_IEV } from '../helpers/users.js';
import { parsePolicy } from '../../domain/claims/policy.js';
import {
  addMileage,
  eventually,
  addPartner,
  approvalCardPosted,
  IEV_CHANNEL,
  personalChatId,
  pressFor,
  startClaim,
  startClaimsApp,
  storedClaim,
  submit,
  today,
} from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('claims: a host submits a partner\u2019s claim in 1:1 chat', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
    await addPartner(app, 'Ada Abbott', { contact: { email: 'ada.abbott@example.org', phone: '01632 960111' } });
  });
  after(async () => app?.stop());

  it('walks from the first item to submission, explaining each amount, and posts the approval card to the IEV channel', async () => {
    const host = app.personalChat(HOST);
    const [start] = cardsSent(await host.say('claim expenses'));
    assert.match(cardText(start), /Partner\u2019s name/);

    const found = await pressFor(host, CLAIM_VERBS.findPartner.verb, { partnerSearch: 'ada' });
    assert.match(cardText(found), /Ada Abbott/);
    const { claimId, card: draft } = await startClaim(host, 'Ada');
    assert.match(cardText(draft), /Expense claim for Ada Abbott/);
    assert.match(cardText(draft), /No items yet/);

    const form = await pressFor(host, CLAIM_VERBS.itemForm.verb, { claimId, kind: 'mileage' });
    assert.deepEqual(validateCard(form), []);
    const withMileage = await addMileage(host, claimId, '12');
    assert.match(cardText(withMileage), /12 miles × 45p = £5\.40/);

    const withParking = await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'parking',
      date: today(),
      description: 'Hospital car park',
      amount: '£3.50',
    });
    assert.match(cardText(withParking), /Parking: £3\.50/);
    assert.match(cardText(withParking), /Needs a receipt/, 'the missing receipt is flagged before submission');
    assert.match(cardText(withParking), /Total\n£8\.90/);
    assert.deepEqual(validateCard(withParking), []);

    const declarations = await pressFor(host, CLAIM_VERBS.submitForm.verb, { claimId });
    assert.deepEqual(validateCard(declarations), []);
    const refused = await pressFor(host, CLAIM_VERBS.submit.verb, {
      claimId,
      partnerDeclaration: 'false',
      hostDeclaration: 'true',
    });
    assert.match(cardText(refused), /The partner must confirm they had these costs/);
    assert.equal((await storedClaim(app, claimId)).status, 'draft', 'nothing is sent without both declarations');

    const sent = await submit(host, claimId);
    assert.match(cardText(sent), /Sent to the IEV team/);
    const stored = await storedClaim(app, claimId);
    assert.equal(stored.status, 'submitted');
    assert.deepEqual(stored.totals, { expensesPence: 890, paymentsPence: 0 });
    assert.equal(stored.policyVersion, app.services.claims.policy().version);
    assert.ok(stored.declarations?.partnerConfirmedAt && stored.declarations.hostConfirmedAt);
    assert.deepEqual(
      stored.history.map((entry) => entry.status),
      ['draft', 'submitted'],
    );
    const target = app.services.claims.policy().payment.targetDaysToPay;
    assert.equal(
      stored.payBy,
      new Date(Date.parse(stored.submittedAt!) + target * 86_400_000).toISOString().slice(0, 10),
      'the target time to pay is set from submission',
    );

    const posted = await approvalCardPosted(app, claimId);
    const [approval] = cardsSent([posted]);
    const text = cardText(approval);
    assert.match(text, /Expense claim: Ada Abbott/);
    assert.match(text, /Waiting for IEV approval/);
    assert.match(text, /Target: paid by/);
    assert.match(text, /12 miles × 45p = £5\.40/);
    assert.match(text, /Needs a receipt/);
    assert.doesNotMatch(JSON.stringify(approval), /example\.org|01632/, 'no contact details in a channel');
    assert.equal(approval!.refresh?.action.verb, CLAIM_VERBS.refresh.verb);
    assert.deepEqual(validateCard(approval), []);
    assert.equal(posted.conversationId, IEV_CHANNEL);
    const recorded = await eventually(
      async () => (await storedClaim(app, claimId)).approvalCard,
      'the approval card to be recorded on the claim',
    );
    assert.equal(recorded.activityId, posted.activityId);
  });

  it('keeps the answers and shows the problem next to the input when an item is not valid', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Ada', 'Reading group');
    const card = await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'parking',
      date: today(),
      description: 'Car park',
      amount: 'three pounds',
    });
    assert.match(cardText(card), /Enter an amount in pounds and pence/);
    assert.match(JSON.stringify(card), /"value":"Car park"/);
    assert.equal((await storedClaim(app, claimId)).items.length, 0);
  });

  it('adds an item once when Teams retries the same press', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Ada', 'Interview panel');
    const activity = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'retried-invoke-1',
      value: {
        action: {
          type: 'Action.Execute',
          verb: CLAIM_VERBS.addItem.verb,
          data: {
            verb: CLAIM_VERBS.addItem.verb,
            claimId,
            kind: 'mileage',
            date: today(),
            vehicle: 'car',
            from: 'A',
            to: 'B',
            miles: '3',
            passengers: '0',
          },
        },
      },
    };
    await host.post(activity);
    await host.post(activity);
    assert.equal((await storedClaim(app, claimId)).items.length, 1);
  });

  it('refuses a claim for someone who is not on the register', async () => {
    const host = app.personalChat(HOST);
    const card = await pressFor(host, CLAIM_VERBS.create.verb, { partnerId: 'partner-made-up', workTitle: 'Anything' });
    assert.match(cardText(card), /Choose a partner from the register/);
  });

  it('offers names from the register only to colleagues who run involvement work', async () => {
    const viewer = { id: '00000000-0000-0000-0000-00000000a0f2', name: 'Val Viewer (test)' };
    await app.services.directoryStore.savePerson({ userId: viewer.id, displayName: viewer.name, roles: ['viewer'] });
    const card = await pressFor(app.personalChat(viewer), CLAIM_VERBS.findPartner.verb, { partnerSearch: 'Ada' });
    assert.doesNotMatch(JSON.stringify(card), /Ada Abbott/);
    assert.match(cardText(card), /Only Trust colleagues who run involvement work can choose partners/);
  });

  it('shows an IEV member approve buttons on refresh, and others the status only', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Ada', 'Refresh views');
    await addMileage(host, claimId, '5');
    await submit(host, claimId);
    const approver = await app.channel(IEV).refresh(CLAIM_VERBS.refresh.verb, { claimId });
    assert.ok(approver.card && JSON.stringify(approver.card).includes(CLAIM_VERBS.approve.verb));
    const hostView = await app.channel(HOST).refresh(CLAIM_VERBS.refresh.verb, { claimId });
    assert.ok(hostView.card);
    assert.doesNotMatch(JSON.stringify(hostView.card), /claim\.approve|claim\.reject/);
    assert.match(cardText(hostView.card), /Waiting for IEV approval/);
  });

  it('lists the IEV approvers on the approval card, so Teams shows them their buttons without asking', async () => {
    const fromDirectory = { id: '00000000-0000-0000-0000-00000000a006', name: 'Dee Directory-IEV (test)' };
    await app.services.directoryStore.savePerson({
      userId: fromDirectory.id,
      displayName: fromDirectory.name,
      roles: ['iev', 'host'],
    });
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Ada', 'Approvers listed');
    await addMileage(host, claimId, '5');
    await submit(host, claimId);
    const [posted] = cardsSent([await approvalCardPosted(app, claimId)]);
    const expected = [IEV.id, SECOND_IEV.id, fromDirectory.id].sort().map((id) => `8:orgid:${id}`);
    assert.deepEqual((posted as { refresh?: { userIds?: string[] } }).refresh?.userIds, expected);

    const approver = await app.channel(IEV).refresh(CLAIM_VERBS.refresh.verb, { claimId });
    assert.deepEqual(
      (approver.card as { refresh?: { userIds?: string[] } }).refresh?.userIds,
      expected,
      'the approver\u2019s own view keeps the list',
    );
  });

  it('keeps a submitted claim as it was checked when the policy changes afterwards', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Ada', 'Policy change');
    await addMileage(host, claimId, '12');
    await submit(host, claimId);
    const original = app.services.claims.policy();
    const newer = parsePolicy({
      ...structuredClone(original),
      version: '2026-27.1',
      mileage: {
        ...original.mileage,
        vehicles: {
          ...original.mileage.vehicles,
          car: {
            ...original.mileage.vehicles.car,
            bands: [{ upToMilesInTaxYear: 10000, pencePerMile: 55 }, { pencePerMile: 25 }],
          },
        },
      },
    });
    app.services.claims.usePolicy(newer);
    try {
      const submitted = await storedClaim(app, claimId);
      assert.equal(submitted.policyVersion, original.version);
      assert.equal(submitted.items[0]!.amountPence, 540);
      const approved = await pressFor(app.channel(IEV), CLAIM_VERBS.approve.verb, { claimId });
      assert.match(cardText(approved), /12 miles × 45p = £5\.40/);
      assert.equal((await storedClaim(app, claimId)).totals.expensesPence, 540);
      // The host is told through the outbox, a moment later: wait for it, so it cannot land in a later test's turn.
      await app.connector.waitFor(
        (call) =>
          call.kind === 'send' &&
          call.conversationId === personalChatId(HOST) &&
          JSON.stringify(call.activity).includes(claimId),
      );

      const { claimId: later } = await startClaim(host, 'Ada', 'After the change');
      const card = await addMileage(host, later, '12');
      assert.match(cardText(card), /12 miles × 55p = £6\.60/);
      assert.equal((await storedClaim(app, later)).policyVersion, '2026-27.1');
    } finally {
      app.services.claims.usePolicy(original);
    }
  });

  it('prompts for a partner’s payment choice, with benefits advice, before paying for their time', async () => {
    const partner = await addPartner(app, 'Omar Okafor', { paymentPreference: { choice: 'not-chosen' } });
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Omar', 'Co-design day');
    const card = await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'involvement-time',
      date: today(),
      levelId: 'lead',
      hours: '3',
    });
    assert.match(cardText(card), /Omar Okafor has not said whether they want involvement payments/);
    assert.match(cardText(card), /can affect benefits \(expenses do not\)/);
    assert.ok(JSON.stringify(card).includes(`"verb":"${CLAIM_VERBS.paymentChoice.verb}"`));

    const noChoice = await pressFor(host, CLAIM_VERBS.paymentChoice.verb, { claimId });
    assert.match(cardText(noChoice), /Choose one of the options/);

    const chosen = await pressFor(host, CLAIM_VERBS.paymentChoice.verb, { claimId, paymentChoice: 'expenses-only' });
    assert.match(cardText(chosen), /choice is recorded on the register/);
    assert.match(cardText(chosen), /chosen not to receive payments/);
    const stored = await app.services.partners.get(partner.id);
    assert.equal(stored.paymentPreference.choice, 'expenses-only');
    assert.equal(stored.paymentPreference.chosenAt?.slice(0, 10), today());
    assert.equal((await storedClaim(app, claimId)).totals.paymentsPence, 0);
  });

  it('removes an item, and lists the host’s claims with where each one is', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Ada', 'Removal check');
    await addMileage(host, claimId, '7');
    const withTwo = await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'subsistence',
      date: today(),
      description: 'Lunch',
      amount: '4.20',
    });
    const itemId = (await storedClaim(app, claimId)).items[1]!.id;
    assert.match(cardText(withTwo), /Remove an item/);
    const removed = await pressFor(host, CLAIM_VERBS.removeItem.verb, { claimId, itemId });
    assert.match(cardText(removed), /Item removed/);
    assert.doesNotMatch(cardText(removed), /Food and drink, /);
    assert.equal((await storedClaim(app, claimId)).totals.expensesPence, 7 * 45);

    // The outcome of an earlier test's claim may reach this chat through the outbox during this turn: pick the list.
    const list = cardsSent(await host.say('my claims')).find((sent) => /Your expense claims/.test(cardText(sent)));
    assert.ok(list, 'the bot answers "my claims" with the list');
    const text = cardText(list);
    assert.match(text, /Your expense claims/);
    assert.match(text, /Ada Abbott\*\*: Removal check/);
    assert.match(text, /Draft \(not sent yet\) · £3\.15/);
    assert.deepEqual(validateCard(list), []);
    const other = app.personalChat(OTHER);
    const [forOther] = cardsSent(
      (await other.say('my claims')).filter((call) => call.conversationId === other.conversation.id),
    );
    assert.match(cardText(forOther), /You have not started any claims yet/);
  });
});
