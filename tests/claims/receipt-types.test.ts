import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from '../helpers/app.js';
import { textsSent } from '../helpers/chat.js';
import { HOST } from '../helpers/users.js';
import { addPartner, pressFor, startClaim, startClaimsApp, storedClaim, today } from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('review: only photo and PDF types are kept as receipts, whatever the attachment declares', () => {
  let app: TestApp;
  let server: Server;
  let url: string;
  before(async () => {
    app = await startClaimsApp();
    await addPartner(app, 'Vera Vector');
    server = createServer((_req, res) =>
      res.end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/receipt.svg`;
  });
  after(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await app?.stop();
  });

  it('refuses an "image" that is an SVG (it can carry script) and stores nothing', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Vera');
    await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'parking',
      date: today(),
      description: 'Hospital car park',
      amount: '3.50',
    });
    const { sent } = await host.post({
      type: 'message',
      text: '',
      attachments: [{ contentType: 'image/svg+xml', name: 'receipt.svg', contentUrl: url }],
    });
    assert.ok(
      textsSent(sent).some((text) => /I can only keep photos and PDFs/.test(text)),
      JSON.stringify(textsSent(sent)),
    );
    assert.deepEqual((await storedClaim(app, claimId)).receipts, []);
  });
});
