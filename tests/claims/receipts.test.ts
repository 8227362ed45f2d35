import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV, OTHER } from '../helpers/users.js';
import { fileServer, type FileServer } from './file-server.js';
import { addPartner, pressFor, startClaim, startClaimsApp, storedClaim, today } from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('claims: receipts are kept in Blob storage and shown only to the host and IEV', () => {
  let app: TestApp;
  let files: FileServer;
  // A tiny valid PNG signature plus bytes: what matters is that the same bytes come back.
  const receipt = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('car park ticket £3.50'),
  ]);

  before(async () => {
    app = await startClaimsApp();
    files = await fileServer({ 'ticket.png': receipt });
    await addPartner(app, 'Kemi Kowalski');
  });
  after(async () => {
    await files?.close();
    await app?.stop();
  });

  it('attaches a file sent in chat to the item that needs it, stores it in Blob storage, and serves it back', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Kemi');
    const before = await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'parking',
      date: today(),
      description: 'Hospital car park',
      amount: '3.50',
    });
    assert.match(cardText(before), /Needs a receipt/);

    const { sent } = await host.post({
      type: 'message',
      text: '',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'ticket.png',
          content: { downloadUrl: files.url('ticket.png'), fileType: 'png' },
        },
      ],
    });
    const [card] = cardsSent(sent);
    assert.match(cardText(card), /Receipt saved for Parking/);
    assert.doesNotMatch(cardText(card), /Needs a receipt/, 'the flag clears once the receipt is attached');

    const claim = await storedClaim(app, claimId);
    const [stored] = claim.receipts;
    assert.ok(stored);
    assert.equal(stored.itemId, claim.items[0]!.id);
    assert.equal(stored.size, receipt.length);
    assert.ok(
      JSON.stringify(claim).length < 10_000 && !JSON.stringify(claim).includes(receipt.toString('base64')),
      'the file is not in the Cosmos document',
    );
    const blob = await app.services.claims.receipts.get(stored.blobName);
    assert.deepEqual(blob.bytes, receipt, 'the bytes are in Blob storage (Azurite)');

    const path = `/api/claims/${claimId}/receipts/${stored.id}`;
    for (const user of [HOST, IEV]) {
      const response = await app.api(path, { as: user });
      assert.equal(response.status, 200, `${user.name} can open the receipt`);
      assert.equal(response.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), receipt);
    }
    const stranger = await app.api(path, { as: OTHER });
    assert.equal(stranger.status, 404, 'anyone else is told it cannot be found');
    assert.equal((await app.api(`/api/claims/${claimId}`, { as: OTHER })).status, 404);

    const detail = (await (await app.api(`/api/claims/${claimId}`, { as: IEV })).json()) as {
      receipts: Array<{ url: string }>;
      history: unknown[];
    };
    assert.equal(detail.receipts[0]!.url, path);
    assert.equal(detail.history.length, 1);
  });

  it('leaves no file in Blob storage when the claim refuses a receipt', async () => {
    await addPartner(app, 'Lars Lund');
    const { claimId } = await startClaim(app.personalChat(HOST), 'Lars');
    const host = { id: HOST.id, displayName: HOST.name, roles: ['host'] as const };
    const service = app.services.claims.service;
    const upload = (n: number) => ({
      id: `receipt-full-${n}`,
      fileName: `ticket-${n}.png`,
      file: { bytes: receipt, contentType: 'image/png' },
    });
    for (let n = 0; n < 30; n += 1) await service.addReceipt(host, claimId, upload(n));
    await assert.rejects(service.addReceipt(host, claimId, upload(30)), /up to 30 receipts/);
    await assert.rejects(
      app.services.claims.receipts.get(`claims/${claimId}/receipt-full-30`),
      'the refused file was removed',
    );
    assert.ok(await app.services.claims.receipts.get(`claims/${claimId}/receipt-full-29`), 'attached files stay');
    assert.equal((await storedClaim(app, claimId)).receipts.length, 30);
  });

  it('keeps receipts across a restart', async () => {
    const claim = (await app.services.claims.store.latestEditableFor(HOST.id))!;
    await app.restart();
    const response = await app.api(`/api/claims/${claim.id}/receipts/${claim.receipts[0]!.id}`, { as: HOST });
    assert.equal(response.status, 200);
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), receipt);
  });

  it('refuses files that are not photos or PDFs', async () => {
    const host = app.personalChat(HOST);
    const { sent } = await host.post({
      type: 'message',
      text: '',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'macro.xlsm',
          content: { downloadUrl: files.url('ticket.png'), fileType: 'xlsm' },
        },
      ],
    });
    assert.ok(sent.some((call) => /only keep photos and PDFs/.test(call.activity.text ?? '')));
  });
});
