import { seedFictionalPartners } from '../demo/demo-partners.js';
import { startTestApp, type TestApp } from '../tests/helpers/app.js';
import { sharedCosmosServer } from '../tests/helpers/cosmos.js';
import { HOST, IEV } from '../tests/helpers/users.js';
import { planFor, publish } from '../tests/opportunities/opportunity-steps.js';
import { measure, type Benchmark, type Count, type Measurement } from './harness.js';

const SMALL = 1_000;
const LARGE = 10_000;

/**
 * What matching an opportunity to the register costs at 1,000 and at 10,000 partners (the host's "how many fit
 * and why": GET /api/opportunities/:id/matching). Cosmos filters (active, agreed to be contacted, sharing the
 * service area or lived experience) and returns only the fields scoring needs, a thousand candidates a page, so
 * the requests grow with the partners who could fit, not with the register, and each request carries a thousand
 * matches. Counted in database requests and requests per match; times are shown for context only (the embedded
 * server scans every document, so its times say nothing about Cosmos).
 */
export const benchmark: Benchmark = {
  name: `Opportunity matching (${SMALL.toLocaleString('en-GB')} and ${LARGE.toLocaleString('en-GB')} partners)`,
  async run() {
    const app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    try {
      await seedFictionalPartners(app.services.database.containers, SMALL);
      const published = await publish(app, await planFor(app), { livedExperience: ['Carer'] }, HOST);
      // Published with the approval setting off, so it is open; matching reads the register as it is now.
      const id = published.body.opportunity.id;
      const small = await cost(app, id, `${SMALL.toLocaleString('en-GB')} partners`);
      await seedFictionalPartners(app.services.database.containers, LARGE - SMALL, SMALL);
      const large = await cost(app, id, `${LARGE.toLocaleString('en-GB')} partners`);
      return [
        {
          name: 'time to match (context only: the embedded server scans everything)',
          baseline: small.time,
          subject: large.time,
          meaning: 'how matching grows from 1,000 to 10,000 partners on this machine',
        },
        {
          name: 'Cosmos requests per match',
          baseline: small.requests,
          subject: large.requests,
          meaning: 'grows with the partners who could fit (a page per thousand), not with the register',
        },
        {
          name: 'Cosmos requests per matching partner',
          baseline: small.perMatch,
          subject: large.perMatch,
          meaning: 'at most 1 means no request is spent on partners who cannot fit',
        },
      ];
    } finally {
      await app.stop();
    }
  },
};

async function cost(
  app: TestApp,
  id: string,
  label: string,
): Promise<{ time: Measurement; requests: Count; perMatch: Count }> {
  const server = await sharedCosmosServer();
  let counting = false;
  let requests = 0;
  server.onRequest((request) => {
    if (counting && request.path.includes(`/dbs/${app.databaseName}/`)) requests += 1;
  });
  const match = async () => {
    const response = await app.api(`/api/opportunities/${id}/matching`, { as: HOST });
    if (!response.ok) throw new Error(`matching answered ${response.status}`);
    return (await response.json()) as { total: number };
  };
  await match();
  counting = true;
  const { total } = await match();
  counting = false;
  const time = await measure(`matching, ${label}`, 10, match);
  return {
    time,
    requests: { label: `${label} (${total.toLocaleString('en-GB')} fit)`, count: requests, unit: 'requests per match' },
    perMatch: {
      label: `${label} (${total.toLocaleString('en-GB')} fit)`,
      count: Number((requests / Math.max(total, 1)).toFixed(4)),
      unit: 'requests per partner who fits',
    },
  };
}
