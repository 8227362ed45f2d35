import assert from 'node:assert/strict';
import { PUBLIC_PAGE_POLICY } from '../../api/public-policy.js';
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

describe('the public pages partners open without signing in', () => {
  it('send one strict policy: own scripts only, no inline script, no framing, on error pages too', async () => {
    const app = await startTestApp();
    try {
      const paths = [
        '/join',
        '/join/join.js',
        '/join/altcha.js',
        '/join/altcha.css',
        '/join/altcha-pbkdf2.js',
        '/how-was-it?link=made-up',
        '/how-was-it',
        '/how-was-it/form.js',
        '/consent?link=made-up',
        '/consent',
        '/consent/form.js',
        '/invitation?t=made-up',
        '/invitation',
        '/invitation/answer.js',
      ];
      for (const path of paths) {
        const response = await fetch(`${app.url}${path}`);
        await response.arrayBuffer();
        assert.ok(response.status < 500, `${path} answered ${response.status}`);
        const policy = response.headers.get('content-security-policy') ?? '';
        assert.equal(policy, PUBLIC_PAGE_POLICY, `${path} sends the public pages' policy`);
      }
      const directives = new Map(
        PUBLIC_PAGE_POLICY.split(';').map((part) => {
          const [name = '', ...sources] = part.trim().split(/\s+/);
          return [name, sources.join(' ')] as const;
        }),
      );
      assert.equal(directives.get('default-src'), "'none'");
      assert.equal(directives.get('script-src'), "'self'");
      assert.match(directives.get('style-src') ?? '', /^'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
      assert.equal(directives.get('form-action'), "'self'");
      assert.equal(directives.get('base-uri'), "'none'");
      assert.equal(directives.get('frame-ancestors'), "'none'");
      assert.doesNotMatch(PUBLIC_PAGE_POLICY, /unsafe-|\*/);
    } finally {
      await app.stop();
    }
  });
});
