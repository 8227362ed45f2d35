import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';

interface Problem {
  status: number;
  title: string;
  detail: string;
}

describe('review: errors raised before a route runs are problem+json in plain words too', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  });
  after(async () => app?.stop());

  const problemOf = async (response: Response): Promise<Problem> => {
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    return (await response.json()) as Problem;
  };

  it('a body that is not JSON', async () => {
    const response = await app.api('/api/partners', {
      as: IEV,
      method: 'POST',
      body: '{"displayName": "Zed Secret-Name", bad',
    });
    assert.equal(response.status, 400);
    const problem = await problemOf(response);
    assert.equal(problem.status, 400);
    assert.match(problem.detail, /could not be read/);
    assert.doesNotMatch(
      JSON.stringify(problem),
      /Zed|Secret-Name|position/,
      'the reply does not echo the body or parser internals',
    );
  });

  it('an address that does not exist', async () => {
    const response = await app.api('/api/no-such-thing', { as: IEV });
    assert.equal(response.status, 404);
    assert.equal((await problemOf(response)).title, 'Not found');
  });

  it('a body over the size limit', async () => {
    const response = await app.api('/api/partners', {
      as: IEV,
      method: 'POST',
      body: JSON.stringify({ displayName: 'x'.repeat(1_100_000) }),
    });
    assert.equal(response.status, 413);
    assert.match((await problemOf(response)).detail, /too large/i);
  });

  it('leaves the problems routes send unchanged', async () => {
    const response = await app.api('/api/partners/none', { as: IEV });
    assert.equal(response.status, 404);
    assert.match((await problemOf(response)).detail, /could not find that Involvement Partner/);
  });
});
