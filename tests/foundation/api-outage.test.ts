import assert from 'node:assert/strict';
import { API } from '../../contract/endpoints.js';
import type { RunningApp } from '../../server/app.js';
import { startAppOnItsOwnDatabase } from '../helpers/outage.js';
import { plainProblem } from '../helpers/problems.js';
import { IEV } from '../helpers/users.js';

/** The areas added lately, named so that a route of theirs missing from the contract fails here. */
const RECENT = [
  '/api/payments',
  '/api/team',
  '/api/support',
  '/api/applications',
  '/api/impact/board-report',
  '/api/organisations',
];

/**
 * Like GET /healthz and every card action (card-actions-outage.test.ts): while the database cannot be reached, every
 * endpoint of the tab's API, and the partner's public consent page, answers a plain 503 problem, never a stack trace.
 */
describe('every API endpoint, called while the database is unreachable, answers a plain 503 problem', function () {
  this.timeout(180_000);
  let app: RunningApp;
  let consentLink: string;

  before(async () => {
    const started = await startAppOnItsOwnDatabase('api-outage', { IEV_MEMBER_IDS: IEV.id });
    app = started.app;
    const issued = await app.services.links.issue({
      purpose: 'consent-renewal',
      partnerId: 'partner-outage',
      subject: 'partner-outage',
      key: 'consent-renewal:partner-outage:1',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    consentLink = issued.token;
    await started.cosmos.stop();
  });
  after(async () => {
    await app?.stop().catch(() => undefined);
  });

  // Except how to sign in (`/api/session`), which reads only the configuration and works without the database.
  const endpoints = Object.entries(API).filter(
    ([name, endpoint]) => endpoint.path.startsWith('/api/') && name !== 'session',
  );

  it('covers the recent areas: payments, team, support, applications, board report, organisations', () => {
    for (const prefix of RECENT)
      assert.ok(
        endpoints.some(([, endpoint]) => endpoint.path.startsWith(prefix)),
        `no endpoint under ${prefix} in the contract`,
      );
  });

  it('answers each endpoint as an IEV member would call it with 503, in plain words', async () => {
    for (const [name, endpoint] of endpoints) {
      const path = endpoint.path.replace(/:[A-Za-z]+/g, '00000000-0000-0000-0000-0000000000a1');
      const response = await fetch(`${app.url}${path}`, {
        method: endpoint.method,
        headers: {
          'x-developer-identity': IEV.id,
          ...(endpoint.takesBody ? { 'content-type': 'application/json' } : {}),
        },
        ...(endpoint.takesBody ? { body: '{}' } : {}),
      });
      assert.equal(response.status, 503, `${name} (${endpoint.method} ${path}) answered ${response.status}`);
      const problem = await plainProblem(response, name);
      assert.match(problem.detail, /try again/i, `${name}: says what to do`);
    }
  });

  it('answers the partner\u2019s consent page and its answer with 503, in plain words', async () => {
    const page = await fetch(`${app.url}/consent?link=${encodeURIComponent(consentLink)}`);
    assert.equal(page.status, 503);
    await plainProblem(page, 'GET /consent');
    const answer = await fetch(`${app.url}/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ link: consentLink, choices: { register: 'renew' } }),
    });
    assert.equal(answer.status, 503);
    await plainProblem(answer, 'POST /consent');
  });
});
