import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';

describe('opportunities: demo data', function () {
  this.timeout(120_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { SEED_DEMO_DATA: 'true' } });
  });
  after(async () => app?.stop());

  const listed = async () =>
    (
      await app.getJson<{ items: Array<{ id: string; title: string; state: string; kind: string }> }>(
        '/api/opportunities',
        IEV,
      )
    ).body.items;

  it('publishes two open opportunities from the demo plans once, each matched to the demo register', async () => {
    const items = await listed();
    assert.deepEqual(items.map((item) => [item.kind, item.state]).sort(), [
      ['interview-panel', 'open'],
      ['involvement', 'open'],
    ]);
    const hanas = await app.getJson<{ items: Array<{ id: string }> }>('/api/opportunities', HOST);
    assert.equal(hanas.body.items.length, 1, 'Hana sees her own');
    for (const item of items) {
      const matching = await app.getJson<{ total: number }>(`/api/opportunities/${item.id}/matching`, IEV);
      assert.ok(matching.body.total > 0, `someone fits ${item.title}`);
    }
    await app.restart();
    assert.equal((await listed()).length, 2, 'a restart publishes nothing twice');
  });
});
