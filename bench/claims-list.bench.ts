import { seedFictionalClaims } from '../demo/demo-claims.js';
import { startTestApp, type TestApp } from '../tests/helpers/app.js';
import { sharedCosmosServer } from '../tests/helpers/cosmos.js';
import { IEV } from '../tests/helpers/users.js';
import type { Benchmark, Count } from './harness.js';

const SMALL = 100;
const LARGE = 5_000;

/**
 * What the IEV team's Claims view asks of Cosmos for its first page (the list and the number waiting
 * in the navigation), at 100 and at 5,000 claims. Counted in database requests and documents returned,
 * not milliseconds: the embedded server scans every document, so its times say nothing about Cosmos.
 * Filters are in the query and the page is cut by a continuation token, so neither count may grow.
 */
export const benchmark: Benchmark = {
  name: `Claims list, first page (${SMALL} and ${LARGE.toLocaleString('en-GB')} claims)`,
  async run() {
    const small = await firstPageCost(SMALL);
    const large = await firstPageCost(LARGE);
    return [
      {
        name: 'Cosmos requests',
        baseline: small.requests,
        subject: large.requests,
        meaning: '1.00 means the first page costs the same requests however many claims there are',
      },
      {
        name: 'filtered first page (past pay-by, one host)',
        baseline: small.filtered,
        subject: large.filtered,
        meaning: 'filters run in the database, not by reading more pages',
      },
    ];
  },
};

async function firstPageCost(claims: number): Promise<{ requests: Count; filtered: Count }> {
  const app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  try {
    await seedFictionalClaims(app.services.database.containers, claims);
    const server = await sharedCosmosServer();
    let counting = false;
    let requests = 0;
    server.onRequest((request) => {
      if (counting && request.path.includes(`/dbs/${app.databaseName}/`)) requests += 1;
    });
    const cost = async (paths: string[]) => {
      await Promise.all(paths.map((path) => get(app, path))); // warm-up: container metadata is cached after the first call
      requests = 0;
      counting = true;
      for (const path of paths) await get(app, path);
      counting = false;
      return requests;
    };
    const label = `${claims.toLocaleString('en-GB')} claims`;
    return {
      requests: {
        label,
        count: await cost(['/api/claims?pageSize=25', '/api/claims/waiting']),
        unit: 'requests (list page + number waiting)',
      },
      filtered: {
        label,
        count: await cost(['/api/claims?pageSize=25&pastPayBy=true&hostId=00000000-0000-0000-0000-00000000a001']),
        unit: 'requests',
      },
    };
  } finally {
    await app.stop();
  }
}

async function get(app: TestApp, path: string): Promise<void> {
  const response = await app.api(path, { as: IEV });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  await response.arrayBuffer();
}
