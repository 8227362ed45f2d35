import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import { startScheduleApp, TestClock } from '../schedule/schedule-steps.js';
import { submittedClaim } from './claim-steps.js';

describe('claims: "past the pay-by target" goes by the app\u2019s clock, on the list and on the claim', () => {
  const clock = new TestClock();
  let app: TestApp;
  before(async () => {
    app = await startScheduleApp(clock);
  });
  after(async () => app?.stop());

  it('marks a claim late once the clock passes its pay-by day, whatever the wall clock says', async () => {
    const { claimId } = await submittedClaim(app, app.personalChat(HOST), 'Pat Price');
    const pastPayBy = async () => {
      const claim = (await (await app.api(`/api/claims/${claimId}`, { as: IEV })).json()) as { pastPayBy: boolean };
      const list = (await (await app.api('/api/claims?pastPayBy=true', { as: IEV })).json()) as {
        items: Array<{ id: string; pastPayBy: boolean }>;
      };
      return { claim: claim.pastPayBy, listed: list.items.some((item) => item.id === claimId && item.pastPayBy) };
    };
    assert.deepEqual(await pastPayBy(), { claim: false, listed: false });
    clock.advanceDays(20); // the policy's target is 14 days
    assert.deepEqual(await pastPayBy(), { claim: true, listed: true });
  });
});
