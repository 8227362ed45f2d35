import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { HOST, IEV } from '../helpers/users.js';
import { addMileage, addPartner, approvalCardPosted, startClaim, storedClaim, submit } from './claim-steps.js';

describe('claims: a claim submitted before the IEV team has set up its channel', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await addPartner(app, 'Quinn Reid');
  });
  after(async () => app?.stop());

  it('tells the host honestly, keeps the claim owed, and posts it once the channel exists', async () => {
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Quinn');
    await addMileage(host, claimId, '6');
    const sent = await submit(host, claimId);
    assert.match(cardText(sent), /has not set up their channel in Teams yet/);
    assert.equal((await storedClaim(app, claimId)).status, 'submitted');

    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [owed] = (await app.services.outbox.store.forSubject(claimId)).filter(
      (message) => message.target === 'iev-channel',
    );
    assert.equal(owed?.status, 'pending', 'still owed, not given up');

    await app.channel(IEV).say('set up IEV channel');
    const posted = await approvalCardPosted(app, claimId);
    assert.match(JSON.stringify(posted.activity), /Expense claim: Quinn Reid/);
  });
});
