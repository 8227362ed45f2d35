import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';

describe('claims: demo data', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { SEED_DEMO_DATA: 'true' } });
  });
  after(async () => app?.stop());

  it('seeds claims in every state the IEV team works with, readable through the API', async () => {
    const response = await app.api('/api/claims', { as: IEV });
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as {
      items: Array<{ id: string; status: string; secondsToPay?: number }>;
    };
    assert.deepEqual([...new Set(items.map((claim) => claim.status))].sort(), [
      'approved',
      'paid',
      'queried',
      'rejected',
      'submitted',
    ]);
    assert.ok(items.find((claim) => claim.status === 'paid')!.secondsToPay! > 0);
    const draft = await app.services.claims.store.findClaim('demo-claim-1');
    assert.equal(draft?.status, 'draft');
  });
});
