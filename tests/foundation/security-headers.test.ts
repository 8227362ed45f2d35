import assert from 'node:assert/strict';
import { startTestApp } from '../helpers/app.js';

describe('the tab\u2019s pages', () => {
  it('may be framed only by Teams and Microsoft 365, not by any other site', async () => {
    const app = await startTestApp();
    try {
      const response = await fetch(`${app.url}/tab/index.html`);
      assert.equal(response.status, 200);
      const policy = response.headers.get('content-security-policy') ?? '';
      assert.match(policy, /^frame-ancestors 'self' https:\/\/teams\.microsoft\.com /);
      assert.doesNotMatch(policy, /\*(\s|$)/, 'no wildcard that lets any site frame the tab');
    } finally {
      await app.stop();
    }
  });
});
