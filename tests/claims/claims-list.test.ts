import assert from 'node:assert/strict';
import { fictionalClaim, seedFictionalClaims } from '../../demo/demo-claims.js';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { sharedCosmosServer } from '../helpers/cosmos.js';
import { HOST, IEV, OTHER } from '../helpers/users.js';

interface Row {
  id: string;
  status: string;
  hostId: string;
  partnerId: string;
  submittedAt: string;
  pastPayBy: boolean;
}
interface ListPage {
  items: Row[];
  continuation: string | null;
}

/** 70 fictional claims, one every hour back from 1 March 2026, cycling through the states; one draft. */
const CLAIMS = 70;

describe('claims: the IEV team\u2019s list of claims', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedFictionalClaims(app.services.database.containers, CLAIMS);
    await app.services.claims.store.createClaim(
      fictionalClaim(CLAIMS, { status: 'draft', submittedAt: undefined, payBy: undefined }),
    );
  });
  after(async () => app?.stop());

  const list = async (query: string, as = IEV) => {
    const response = await app.api(`/api/claims?${query}`, { as });
    return {
      status: response.status,
      body: (await response.json()) as ListPage & {
        detail?: string;
        errors?: Array<{ field: string; message: string }>;
      },
    };
  };

  it('lists the claims waiting for a decision, newest first, page by page with continuation tokens', async () => {
    const seen: Row[] = [];
    let token: string | null = null;
    do {
      const { status, body } = await list(
        `state=waiting&pageSize=4${token ? `&continuation=${encodeURIComponent(token)}` : ''}`,
      );
      assert.equal(status, 200);
      assert.ok(body.items.length <= 4);
      seen.push(...body.items);
      token = body.continuation;
    } while (token);
    const expected = Array.from({ length: CLAIMS }, (_, index) => fictionalClaim(index)).filter(
      (claim) => claim.status === 'submitted' || claim.status === 'resubmitted',
    );
    assert.deepEqual(
      seen.map((row) => row.id),
      expected.map((claim) => claim.id),
      'every waiting claim once, newest submission first',
    );
  });

  it('never lists drafts, in any state filter', async () => {
    const { body } = await list('pageSize=100');
    assert.equal(body.items.length, CLAIMS);
    assert.ok(body.items.every((row) => row.status !== 'draft'));
  });

  it('narrows by state, host, partner and submission dates, on the server', async () => {
    const cases: Array<[string, (claim: ReturnType<typeof fictionalClaim>) => boolean]> = [
      ['state=paid', (claim) => claim.status === 'paid'],
      ['state=rejected', (claim) => claim.status === 'rejected'],
      [`hostId=${HOST.id}`, (claim) => claim.hostId === HOST.id],
      [`partnerId=${fictionalPartner(3).id}`, (claim) => claim.partnerId === fictionalPartner(3).id],
      ['from=2026-02-28&to=2026-02-28', (claim) => claim.submittedAt!.startsWith('2026-02-28')],
      [
        `state=approved&hostId=${HOST.id}&from=2026-02-27`,
        (claim) => claim.status === 'approved' && claim.hostId === HOST.id && claim.submittedAt! >= '2026-02-27',
      ],
    ];
    const all = Array.from({ length: CLAIMS }, (_, index) => fictionalClaim(index));
    for (const [query, keep] of cases) {
      const { status, body } = await list(`${query}&pageSize=100`);
      assert.equal(status, 200, query);
      assert.deepEqual(
        body.items.map((row) => row.id),
        all.filter(keep).map((claim) => claim.id),
        query,
      );
    }
  });

  it('marks and filters unpaid claims past the pay-by target', async () => {
    // Every fictional claim is due by mid-March 2026, long past: all unpaid ones are late, paid and rejected ones are not.
    const { body } = await list('pastPayBy=true&pageSize=100');
    const all = Array.from({ length: CLAIMS }, (_, index) => fictionalClaim(index));
    assert.deepEqual(
      body.items.map((row) => row.id),
      all.filter((claim) => !['paid', 'rejected'].includes(claim.status)).map((claim) => claim.id),
    );
    assert.ok(body.items.every((row) => row.pastPayBy));
    const paid = await list('state=paid&pageSize=100');
    assert.ok(
      paid.body.items.every((row) => !row.pastPayBy),
      'a paid claim is never late',
    );
  });

  it('says how many claims are waiting for a decision', async () => {
    const waiting = Array.from({ length: CLAIMS }, (_, index) => fictionalClaim(index)).filter(
      (claim) => claim.status === 'submitted' || claim.status === 'resubmitted',
    ).length;
    assert.deepEqual(await app.getJson('/api/claims/waiting', IEV), { status: 200, body: { waiting } });
  });

  it('refuses hosts and other teams, in plain words', async () => {
    for (const user of [HOST, OTHER]) {
      for (const path of ['/api/claims', '/api/claims/waiting']) {
        const response = await app.api(path, { as: user });
        assert.equal(response.status, 403, `${path} as ${user.name}`);
        const problem = (await response.json()) as { detail: string };
        assert.match(problem.detail, /Only the IEV team can see every expense claim/);
      }
    }
  });

  it('explains a bad filter next to the field', async () => {
    const cases: Array<[string, string]> = [
      ['state=pending', 'state'],
      ['from=yesterday', 'from'],
      ['from=2026-03-02&to=2026-03-01', 'to'],
      ['pageSize=1000', 'pageSize'],
      ['hostId=%3Cscript%3E', 'hostId'],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await list(query);
      assert.equal(status, 400, query);
      assert.deepEqual(
        body.errors?.map((error) => error.field),
        [field],
        query,
      );
    }
  });

  it('costs the same database requests for a first page whatever the number of claims', async () => {
    const server = await sharedCosmosServer();
    let counting = false;
    let requests = 0;
    server.onRequest((request) => {
      if (counting && request.path.includes(`/dbs/${app.databaseName}/`)) requests += 1;
    });
    // Only the page's own requests: the outbox and the scheduler poll the database in the background.
    const firstPageCost = async () => {
      await app.services.stopBackgroundWork();
      try {
        requests = 0;
        counting = true;
        await list('pageSize=25');
        await app.getJson('/api/claims/waiting', IEV);
        counting = false;
        return requests;
      } finally {
        app.services.startBackgroundWork();
      }
    };
    const before = await firstPageCost();
    await seedFictionalClaims(app.services.database.containers, CLAIMS + 300);
    const after = await firstPageCost();
    assert.ok(before > 0);
    assert.equal(after, before, `${before} requests with ${CLAIMS} claims, ${after} with ${CLAIMS + 300}`);
  });
});
