import { fictionalPartner, seedFictionalPartners } from '../demo/demo-partners.js';
import { startTestApp } from '../tests/helpers/app.js';
import { sharedCosmosServer } from '../tests/helpers/cosmos.js';
import { IEV } from '../tests/helpers/users.js';
import type { Benchmark, Count } from './harness.js';

const SMALL = 1_000;
const LARGE = 10_000;
/** Partners per piece of work; each piece of work meets once a quarter. */
const PER_WORK = 10;
const YEAR = 'from=2026-01-01&to=2026-12-31';

/**
 * What "Is it working?" and the board report ask of Cosmos for a year of data, at 1,000 and 10,000
 * partners (a piece of work per 10 partners, four sessions each, a paid claim per 5 partners). Counted
 * in database requests, not milliseconds (the embedded server scans every document). The report reads
 * every session of the year page by page (200 rows a page) and the equality answers of those involved in
 * chunks of 200 ids, so its requests grow with the data: the ratio says by how much.
 */
export const benchmark: Benchmark = {
  name: `"Is it working?" for a year (${SMALL.toLocaleString('en-GB')} and ${LARGE.toLocaleString('en-GB')} partners)`,
  async run() {
    const small = await reportCost(SMALL);
    const large = await reportCost(LARGE);
    return [
      {
        name: 'Cosmos requests for the report',
        baseline: small,
        subject: large,
        meaning: '10.00 would mean requests grow in step with the partners; 1.00 that they do not grow',
      },
    ];
  },
};

async function reportCost(partners: number): Promise<Count> {
  const app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  try {
    const { plans, claims } = app.services.database.containers;
    await seedFictionalPartners(app.services.database.containers, partners);
    for (let work = 0; work < partners / PER_WORK; work += 1) {
      const ids = Array.from({ length: PER_WORK }, (_, index) => fictionalPartner(work * PER_WORK + index).id);
      await plans.items.create({
        id: `bench-work-${work}`,
        type: 'plan',
        schemaVersion: 1,
        hostId: IEV.id,
        hostName: 'Bench host',
        title: `Bench work ${work}`,
        serviceArea: work % 2 ? 'Older people' : 'Adult mental health',
        phase: 'running',
        position: 'summary',
        revision: 1,
        answers: { people: { groups: ['age', 'carers'] } },
        skipped: [],
        sessions: [1, 4, 7, 10].map((month) => ({
          id: `bench-${work}-${month}`,
          date: `2026-${String(month).padStart(2, '0')}-15`,
          durationMinutes: 90,
          format: 'in-person',
          partnerIds: ids,
          howItWent: 'Bench session',
          checkIn: 'yes',
          checkInNotes: '',
          loggedAt: `2026-${String(month).padStart(2, '0')}-15T17:00:00.000Z`,
        })),
        partnerIds: ids,
        createdAt: '2025-12-01T10:00:00.000Z',
        updatedAt: '2026-10-15T10:00:00.000Z',
      });
    }
    for (let index = 0; index < partners / 5; index += 1) {
      await claims.items.create({
        id: `bench-claim-${index}`,
        type: 'claim',
        schemaVersion: 1,
        status: 'paid',
        hostId: IEV.id,
        partnerId: fictionalPartner(index).id,
        work: { title: 'Bench work', planId: `bench-work-${Math.floor(index / 2)}` },
        totals: { expensesPence: 1200, paymentsPence: 0 },
        createdAt: '2026-05-01T09:00:00.000Z',
        submittedAt: '2026-05-01T09:00:00.000Z',
        paidAt: '2026-05-09T09:00:00.000Z',
      });
    }
    const server = await sharedCosmosServer();
    let counting = false;
    let requests = 0;
    server.onRequest((request) => {
      if (counting && request.path.includes(`/dbs/${app.databaseName}/`)) requests += 1;
    });
    const get = async () => {
      const response = await app.api(`/api/impact?${YEAR}`, { as: IEV });
      if (!response.ok) throw new Error(`/api/impact answered ${response.status}`);
      await response.arrayBuffer();
    };
    await get(); // warm-up: container metadata is cached after the first call
    counting = true;
    await get();
    counting = false;
    return { label: `${partners.toLocaleString('en-GB')} partners`, count: requests, unit: 'requests' };
  } finally {
    await app.stop();
  }
}
