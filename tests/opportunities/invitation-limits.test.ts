import assert from 'node:assert/strict';
import { INVITATION_LIMITS } from '../../api/invitation-routes.js';
import type { TestApp } from '../helpers/app.js';
import { startPartnersApp } from '../partners/partner-steps.js';

/** The public answer page takes requests from the open internet: each is limited before anything is read. */
describe('opportunities: the public invitation page refuses abuse before reading anything', () => {
  let app: TestApp;
  before(async () => {
    app = await startPartnersApp();
  });
  after(async () => app?.stop());

  const answer = (body: string) =>
    fetch(`${app.url}/invitation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers a made-up, over-long or missing token with the same plain page, naming nobody', async () => {
    for (const query of ['?t=made-up', `?t=${'a'.repeat(INVITATION_LIMITS.maxTokenLength + 1)}`, '']) {
      const page = await fetch(`${app.url}/invitation${query}`);
      assert.equal(page.status, 404);
      const html = await page.text();
      assert.match(html, /This link cannot be used/);
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    }
    const forged = await answer(JSON.stringify({ t: 'a'.repeat(40), answer: 'interested' }));
    assert.equal(forged.status, 410);
  });

  it('refuses a body over 1 KB and an unknown answer', async () => {
    assert.equal((await answer(JSON.stringify({ t: 'x', answer: 'stop', pad: 'p'.repeat(2_000) }))).status, 413);
    assert.equal((await answer(JSON.stringify({ t: 'x', answer: 'delete-everything' }))).status, 400);
  });

  it('limits answers per client address (429 with Retry-After), and the app keeps answering', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < INVITATION_LIMITS.answersPerWindow + 5; index += 1)
      statuses.push((await answer(JSON.stringify({ t: `token-${index}`, answer: 'stop' }))).status);
    assert.ok(statuses.includes(429), `some answers were limited: ${statuses.join(',')}`);
    const limited = await answer(JSON.stringify({ t: 'x', answer: 'stop' }));
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal((await fetch(`${app.url}/healthz`)).status, 200);
  });
});
