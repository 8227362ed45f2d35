import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { BOT_APP_ID, BotFrameworkKeys, botToken } from '../helpers/bot-tokens.js';
import { cardText } from '../helpers/cards.js';
import { cardsSent, textsSent, type ChatClient } from '../helpers/chat.js';
import { sharedEntra, TEST_TENANT_ID } from '../helpers/entra.js';
import { HOST } from '../helpers/users.js';
import { fileServer, otherHost, sharedFile, teamsAttachmentHost } from './file-server.js';
import { addPartner, pressFor, startClaim, storedClaim, today } from './claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

/** What Teams sends when someone pastes a photo into the message box: the image, and the message as HTML. */
function pastedPhoto(contentUrl: string) {
  return {
    type: 'message',
    text: '',
    attachments: [
      { contentType: 'image/png', contentUrl },
      {
        contentType: 'text/html',
        content: `<p><img src="${contentUrl.replace('/views/original', '/views/imgo')}"></p>`,
      },
    ],
  };
}

describe('claims: a photo pasted into the chat is fetched from Teams with the bot\u2019s own token', () => {
  const photo = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('car park ticket'),
  ]);
  let keys: BotFrameworkKeys;
  let app: TestApp;
  let teams: Awaited<ReturnType<typeof teamsAttachmentHost>>;
  let elsewhere: Awaited<ReturnType<typeof otherHost>>;
  let sharePoint: Awaited<ReturnType<typeof fileServer>> & { authorizations: Array<string | undefined> };
  let host: ChatClient;

  before(async () => {
    const entra = await sharedEntra();
    keys = await BotFrameworkKeys.start();
    elsewhere = await otherHost();
    teams = await teamsAttachmentHost(
      { 'photo-1': photo, 'photo-2': photo },
      async (authorization) => (await entra.verify(authorization, BOT_APP_ID)) !== undefined,
      { 'photo-moved': elsewhere.url('/views/original') },
    );
    const authorizations: Array<string | undefined> = [];
    sharePoint = Object.assign(await fileServer({ 'ticket.png': photo }, authorizations), { authorizations });
    // The bot as it runs in Azure: a user-assigned managed identity, its token from Entra through App Service.
    app = await startTestApp({
      env: { MicrosoftAppId: BOT_APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TEST_TENANT_ID },
      start: { botOpenIdMetadataUrl: keys.metadataUrl },
    });
    host = app.personalChat(HOST).withHeaders(async (activity) => ({
      authorization: `Bearer ${await botToken(keys.key, { serviceUrl: String(activity.serviceUrl) })}`,
    }));
    await addPartner(app, 'Kemi Kowalski');
  });
  after(async () => {
    await app?.stop();
    await teams?.close();
    await elsewhere?.close();
    await sharePoint?.close();
    await keys?.stop();
  });

  it('keeps the pasted photo as the receipt of the item that needs it, and the claim card shows it', async () => {
    const { claimId } = await startClaim(host, 'Kemi');
    const before = await pressFor(host, CLAIM_VERBS.addItem.verb, {
      claimId,
      kind: 'parking',
      date: today(),
      description: 'Hospital car park',
      amount: '3.50',
    });
    assert.match(cardText(before), /Needs a receipt/);

    const { status, sent } = await host.post(pastedPhoto(teams.url('photo-1')));
    assert.equal(status, 200);
    const [card] = cardsSent(sent);
    assert.ok(card, `a claim card came back: ${JSON.stringify(textsSent(sent))}`);
    assert.match(cardText(card), /Receipt saved for Parking/);
    assert.match(cardText(card), /Receipt attached \(1\)/);
    assert.doesNotMatch(cardText(card), /Needs a receipt/);

    const [request] = teams.requests;
    assert.ok(request?.accepted, 'Teams accepted the bot\u2019s token');
    const claim = await storedClaim(app, claimId);
    const [stored] = claim.receipts;
    assert.ok(stored, 'the receipt is on the claim');
    assert.equal(stored.itemId, claim.items[0]!.id);
    assert.equal(stored.contentType, 'image/png');
    assert.deepEqual(
      (await app.services.claims.receipts.get(stored.blobName)).bytes,
      photo,
      'the bytes in Blob storage',
    );
  });

  it('never sends the bot\u2019s token to SharePoint, to another host, or along a redirect to another host', async () => {
    const tokensBefore = teams.requests.length;

    // A file shared from OneDrive/SharePoint: its pre-signed URL, fetched without the token.
    const shared = await host.post(sharedFile('ticket.png', sharePoint.url('ticket.png'), 'png'));
    assert.match(cardText(cardsSent(shared.sent)[0]!), /Receipt saved/);
    assert.deepEqual(sharePoint.authorizations, [undefined], 'SharePoint got no Authorization header');

    // A "pasted photo" whose address is not Teams': nothing is fetched from it.
    const forged = await host.post(pastedPhoto(elsewhere.url('/v3/attachments/x/views/original')));
    assert.ok(textsSent(forged.sent).some((text) => /couldn\u2019t fetch that file from Teams/.test(text)));

    // Teams answering with a redirect to another host: not followed.
    const moved = await host.post(pastedPhoto(teams.url('photo-moved')));
    assert.ok(textsSent(moved.sent).some((text) => /couldn\u2019t fetch that file from Teams/.test(text)));
    assert.equal(teams.requests.length, tokensBefore + 1, 'the redirect itself came from Teams');
    assert.deepEqual(elsewhere.requests, [], 'the other host was never asked for anything, with or without a token');
  });
});
