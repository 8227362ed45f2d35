import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { actionsOf, cardText, findAction, validateCard } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV, SECOND_HOST, type TestUser } from '../helpers/users.js';
import { ClaimService } from '../../domain/claims/claim-service.js';
import { fileServer, sharedFile, type FileServer } from './file-server.js';
import {
  addMileage,
  addPartner,
  pressFor,
  startClaim,
  startClaimsApp,
  storedClaim,
  submit,
  today,
} from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('claims: a host discards a draft claim they no longer want', () => {
  let app: TestApp;
  let files: FileServer;
  const ticket = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('multi-storey ticket £4.00'),
  ]);

  const erase = (partnerId: string, as: TestUser) =>
    app.api(`/api/partners/${partnerId}/erase`, {
      as,
      method: 'POST',
      body: JSON.stringify({ reason: 'The partner asked us to erase their data.' }),
    });

  before(async () => {
    app = await startClaimsApp();
    files = await fileServer({ 'ticket.png': ticket });
  });
  after(async () => {
    await files?.close();
    await app?.stop();
  });

  it('asks first, then deletes the draft and its receipts, after which the partner can be erased', async () => {
    const partner = await addPartner(app, 'Dora Draftley');
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Dora');
    await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'parking',
      date: today(),
      description: 'Multi-storey',
      amount: '4.00',
    });
    const [withReceipt] = cardsSent((await host.post(sharedFile('ticket.png', files.url('ticket.png'), 'png'))).sent);
    assert.match(cardText(withReceipt), /Receipt saved/);
    const [receipt] = (await storedClaim(app, claimId)).receipts;
    assert.ok(receipt);
    assert.deepEqual((await app.services.claims.receipts.get(receipt.blobName)).bytes, ticket);

    const refusedErasure = await erase(partner.id, IEV);
    assert.equal(refusedErasure.status, 409, 'an abandoned draft blocks erasure');
    assert.match(
      ((await refusedErasure.json()) as { detail: string }).detail,
      /can be discarded by the host who started it/,
    );

    const draft = await pressFor(host, CLAIM_VERBS.show.verb, { claimId });
    assert.equal((findAction(draft, CLAIM_VERBS.discard.verb) as { style?: string } | undefined)?.style, 'destructive');

    const confirm = await pressFor(host, CLAIM_VERBS.discard.verb, { claimId });
    assert.match(cardText(confirm), /Discard this draft claim for Dora Draftley\? This cannot be undone\./);
    assert.ok(findAction(confirm, CLAIM_VERBS.discardConfirmed.verb), 'a Discard button');
    assert.match(cardText(confirm), /Keep it/);
    assert.equal((await storedClaim(app, claimId)).status, 'draft', 'asking changes nothing');

    const discarded = await pressFor(host, CLAIM_VERBS.discardConfirmed.verb, { claimId });
    assert.match(cardText(discarded), /Draft discarded/);
    assert.match(cardText(discarded), /The draft claim for Dora Draftley and its receipts have been deleted/);
    assert.equal(await app.services.claims.store.findClaim(claimId), undefined, 'the claim is gone from Cosmos');
    await assert.rejects(
      app.services.claims.receipts.get(receipt.blobName),
      (error: { statusCode?: number }) => error.statusCode === 404,
      'the receipt is gone from Blob storage',
    );

    const again = await pressFor(host, CLAIM_VERBS.discardConfirmed.verb, { claimId });
    assert.match(cardText(again), /already been discarded/, 'pressing twice is harmless');

    const erased = await erase(partner.id, IEV);
    assert.equal(erased.status, 200, 'erasure works once the draft has gone');
    assert.equal((await app.services.partners.get(partner.id)).status, 'left');
  });

  it('refuses another host pressing a forged button, and changes nothing', async () => {
    await addPartner(app, 'Felix Forgewell');
    const { claimId } = await startClaim(app.personalChat(HOST), 'Felix');
    const other = app.personalChat(SECOND_HOST);
    for (const verb of [CLAIM_VERBS.discard.verb, CLAIM_VERBS.discardConfirmed.verb]) {
      const refused = await pressFor(other, verb, { claimId });
      assert.match(cardText(refused), /Only the colleague who started this claim can discard it/);
      assert.doesNotMatch(cardText(refused), /Felix/, 'nothing about someone else\u2019s claim is shown');
    }
    assert.equal((await storedClaim(app, claimId)).status, 'draft');
  });

  it('cannot discard a claim once it has been sent, and offers no button to', async () => {
    await addPartner(app, 'Sunil Sentalready');
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Sunil');
    await addMileage(host, claimId, '8');
    const sent = await submit(host, claimId);
    assert.equal(findAction(sent, CLAIM_VERBS.discard.verb), undefined);
    const refused = await pressFor(host, CLAIM_VERBS.discardConfirmed.verb, { claimId });
    assert.match(cardText(refused), /sent to the IEV team, so it can no longer be discarded/);
    assert.equal((await storedClaim(app, claimId)).status, 'submitted');
  });

  it('still discards the draft when a receipt file cannot be removed, and reports the file by id only', async () => {
    await addPartner(app, 'Lucas Leased');
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Lucas');
    await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'parking',
      date: today(),
      description: 'Car park',
      amount: '2.00',
    });
    await host.post(sharedFile('ticket.png', files.url('ticket.png'), 'png'));
    const [receipt] = (await storedClaim(app, claimId)).receipts;
    assert.ok(receipt);
    // A lease held by someone else makes Blob storage refuse the delete: a real failure, not a stand-in.
    const blob = (await app.services.claims.receipts['client']()).getBlockBlobClient(receipt.blobName);
    const lease = blob.getBlobLeaseClient();
    await lease.acquireLease(-1);
    const warnings: unknown[] = [];
    const { store } = app.services.claims;
    const service = new ClaimService({
      claims: store,
      partners: app.services.partners,
      outbox: app.services.outbox.store,
      policy: () => app.services.claims.policy(),
      receiptCleanup: { receipts: app.services.claims.receipts, warn: (ids) => warnings.push(ids) },
    });
    const result = await service.discardDraft(
      { id: HOST.id, displayName: HOST.name, roles: ['host'] },
      claimId,
      'op-leased',
    );
    assert.deepEqual(result, { discarded: true, partnerName: 'Lucas Leased' });
    assert.equal(await store.findClaim(claimId), undefined, 'the record goes even though a file stays');
    assert.deepEqual(warnings, [{ claimId, receiptId: receipt.id, operationId: 'op-leased' }]);
    await lease.releaseLease();
    await app.services.claims.receipts.delete(receipt.blobName);
  });

  it('lets exactly one of "submit" and "discard" win when both are pressed at the same moment', async () => {
    await addPartner(app, 'Rhea Racewell');
    const host = app.personalChat(HOST);
    for (let round = 0; round < 5; round += 1) {
      const { claimId } = await startClaim(host, 'Rhea', `Race ${round}`);
      await addMileage(host, claimId, '4');
      const [submitted, discard] = await Promise.all([
        host.press(CLAIM_VERBS.submit.verb, { claimId, partnerDeclaration: 'true', hostDeclaration: 'true' }),
        host.press(CLAIM_VERBS.discardConfirmed.verb, { claimId }),
      ]);
      const stored = await app.services.claims.store.findClaim(claimId);
      if (stored) {
        assert.equal(stored.status, 'submitted', 'kept only as sent, never half-discarded');
        assert.match(cardText(discard.card), /can no longer be discarded/);
      } else {
        assert.match(cardText(discard.card), /Draft discarded/);
        assert.doesNotMatch(
          cardText(submitted.card),
          /Something went wrong|Sent to the IEV team/,
          'the host is not told a discarded claim was sent',
        );
      }
    }
  });

  it('offers the button on drafts in "my claims"', async () => {
    await addPartner(app, 'Lena Listed');
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Lena', 'Listed draft');
    const [list] = cardsSent(await host.say('my claims'));
    assert.match(cardText(list), /Lena Listed\*\*: Listed draft/);
    const offeredFor = actionsOf(list).flatMap((action) =>
      action.verb === CLAIM_VERBS.discard.verb ? [String(action.data?.claimId)] : [],
    );
    const drafts = (await app.services.claims.store.recentForHost(HOST.id))
      .filter((claim) => claim.status === 'draft')
      .map((claim) => claim.id);
    assert.ok(offeredFor.includes(claimId));
    assert.deepEqual(offeredFor.sort(), drafts.sort(), 'every draft has the button, and nothing already sent');
    assert.ok(
      drafts.length < (await app.services.claims.store.recentForHost(HOST.id)).length,
      'the list also holds a sent claim',
    );
    assert.deepEqual(validateCard(list), []);
  });
});
