import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { HOST, IEV } from '../helpers/users.js';
import {
  addMileage,
  addPartner,
  approvalCardPosted,
  eventually,
  startClaim,
  storedClaim,
  submit,
} from './claim-steps.js';

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

    // Tried and refused (there is no channel to post to), and still owed afterwards.
    const owed = await eventually(async () => {
      const [message] = (await app.services.outbox.store.forSubject(claimId)).filter(
        (candidate) => candidate.target === 'iev-channel',
      );
      return message && message.attempts >= 1 && message;
    }, 'a first attempt to post the approval card');
    assert.equal(owed.status, 'pending', 'still owed, not given up');

    await app.channel(IEV).say('set up IEV channel');
    const posted = await approvalCardPosted(app, claimId);
    assert.match(JSON.stringify(posted.activity), /Expense claim: Quinn Reid/);
  });
});
