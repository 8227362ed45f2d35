import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST } from '../helpers/users.js';
import {
  AUDIENCE,
  CLIENT_ID,
  OTHER_TENANT,
  SSO_ENV,
  TENANT,
  accessToken,
  keySet,
  signingKey,
  type SigningKey,
} from './test-tokens.js';

const token = (key: SigningKey, claims = {}, options: { expiresIn?: string | number; audience?: string } = {}) =>
  accessToken(key, HOST, claims, options);

describe('Tab sign-in: the API verifies Teams SSO tokens itself', () => {
  let app: TestApp;
  let trusted: SigningKey;
  let stranger: SigningKey;

  before(async () => {
    trusted = await signingKey('trusted-key');
    stranger = await signingKey('stranger-key');
    app = await startTestApp({ env: SSO_ENV, start: { authKeys: keySet(trusted) } });
  });

  after(() => app?.stop());

  const call = (authorization?: string, extra: Record<string, string> = {}) =>
    fetch(`${app.url}/api/partners`, { headers: { ...(authorization ? { authorization } : {}), ...extra } });

  it('accepts a valid token and knows who the caller is', async () => {
    const response = await fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${await token(trusted)}` } });
    assert.equal(response.status, 200);
    const me = (await response.json()) as { id: string; roles: string[] };
    assert.equal(me.id, HOST.id);
    assert.deepEqual(me.roles, ['host']);
  });

  const refused: Array<[string, () => Promise<string | undefined>]> = [
    ['no token', async () => undefined],
    ['a token that is not a bearer token', async () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    [
      'an expired token',
      async () => `Bearer ${await token(trusted, {}, { expiresIn: Math.floor(Date.now() / 1000) - 600 })}`,
    ],
    ['a token signed by the wrong key', async () => `Bearer ${await token({ ...stranger, kid: trusted.kid })}`],
    [
      'a token for the wrong audience',
      async () => `Bearer ${await token(trusted, {}, { audience: 'api://elsewhere.example.org/another-app' })}`,
    ],
    ['a token from the wrong tenant', async () => `Bearer ${await token(trusted, { tid: OTHER_TENANT })}`],
    [
      'a token whose issuer names another tenant',
      async () =>
        `Bearer ${await new SignJWT({ tid: TENANT, oid: HOST.id }).setProtectedHeader({ alg: 'RS256', kid: trusted.kid }).setIssuer(`https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`).setAudience(AUDIENCE).setExpirationTime('1h').sign(trusted.privateKey)}`,
    ],
    [
      'an unsigned token (alg "none")',
      async () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `Bearer ${encode({ alg: 'none', typ: 'JWT' })}.${encode({ tid: TENANT, oid: HOST.id, aud: AUDIENCE, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
      },
    ],
  ];

  for (const [what, authorization] of refused) {
    it(`refuses ${what} with 401 and a plain message`, async () => {
      const response = await call(await authorization());
      assert.equal(response.status, 401);
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
      const problem = (await response.json()) as { title: string; detail: string };
      assert.equal(problem.title, 'Not signed in');
      assert.ok(problem.detail.length > 10);
      assert.doesNotMatch(JSON.stringify(problem), /stack|jose|JWS|at \w+ \(/i);
    });
  }

  it('ignores the developer identity header once SSO is configured', async () => {
    const response = await call(undefined, { 'x-developer-identity': HOST.id });
    assert.equal(response.status, 401);
  });

  it('tells the page to use Teams sign-in', async () => {
    const session = (await (await fetch(`${app.url}/api/session`)).json()) as { signIn: string; clientId: string };
    assert.deepEqual(session, { signIn: 'teams-sso', clientId: CLIENT_ID });
  });
});

describe('Tab sign-in in local mode without SSO', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app?.stop());

  it('offers the fictional developer identities and refuses an unknown one', async () => {
    const session = (await (await fetch(`${app.url}/api/session`)).json()) as {
      signIn: string;
      people: Array<{ displayName: string }>;
    };
    assert.equal(session.signIn, 'developer');
    assert.deepEqual(
      session.people.map((person) => person.displayName),
      ['Hana Host (demo)', 'Ivy IEV (demo)', 'Oscar Other-team (demo)'],
    );
    const unknown = await fetch(`${app.url}/api/me`, { headers: { 'x-developer-identity': 'someone-else' } });
    assert.equal(unknown.status, 401);
  });
});
