import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import { registerPartner } from '../planning/planning-steps.js';

describe('review: a damaged "next page" token is the caller\u2019s mistake, not a server error', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  });
  after(async () => app?.stop());

  const damaged = encodeURIComponent(JSON.stringify([{ token: 'x', range: { min: '', max: 'FF' } }]));
  for (const path of [
    `/api/partners?continuation=${damaged}`,
    `/api/work?continuation=%7B%22a%22%3A1%7D`,
    `/api/claims?continuation=${damaged}`,
  ]) {
    it(`GET ${decodeURIComponent(path)}`, async () => {
      const response = await app.api(path, { as: IEV });
      assert.equal(response.status, 400);
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
      const problem = (await response.json()) as { detail: string; errors?: Array<{ field: string }> };
      assert.match(problem.detail, /start the list again/i);
      assert.deepEqual(
        problem.errors?.map((error) => error.field),
        ['continuation'],
      );
    });
  }

  it('still pages with a real token', async () => {
    await registerPartner(app.services, 'partner-review-a', 'Abel Review');
    await registerPartner(app.services, 'partner-review-b', 'Bea Review');
    const first = (await (await app.api('/api/partners?pageSize=1', { as: HOST })).json()) as { continuation?: string };
    assert.ok(first.continuation, 'two partners make two pages');
    const next = await app.api(`/api/partners?pageSize=1&continuation=${encodeURIComponent(first.continuation)}`, {
      as: HOST,
    });
    assert.equal(next.status, 200);
    assert.deepEqual(
      ((await next.json()) as { items: Array<{ displayName: string }> }).items.map((item) => item.displayName),
      ['Bea Review'],
    );
  });
});
