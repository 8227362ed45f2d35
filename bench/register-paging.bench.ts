import { startTestApp } from '../tests/helpers/app.js';
import { IEV } from '../tests/helpers/users.js';
import { fictionalPartner, seedFictionalPartners } from '../demo/demo-partners.js';
import { measure, type Benchmark } from './harness.js';

const REGISTER_SIZE = 5_000;
const PAGE_SIZE = 25;

/**
 * Does a register page cost the same deep in the register as at its start? Continuation-token paging
 * should keep a late page close to the first one (an OFFSET would grow with the position). Baseline:
 * one partner page (a point read plus two small queries).
 */
export const benchmark: Benchmark = {
  name: `register paging (${REGISTER_SIZE.toLocaleString('en-GB')} partners, ${PAGE_SIZE} a page)`,
  async run() {
    const app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    try {
      await seedFictionalPartners(app.services.database.containers, REGISTER_SIZE);
      const page = async (query: string) => {
        const response = await app.api(`/api/partners?${query}`, { as: IEV });
        if (!response.ok) throw new Error(`register page failed: ${response.status}`);
        return (await response.json()) as { continuation?: string };
      };
      // Walk to the 100th page once to get its continuation token.
      let token: string | undefined;
      for (let index = 0; index < 99; index += 1)
        token = (
          await page(
            new URLSearchParams({ pageSize: String(PAGE_SIZE), ...(token ? { continuation: token } : {}) }).toString(),
          )
        ).continuation;
      const deep = new URLSearchParams({ pageSize: String(PAGE_SIZE), continuation: token! }).toString();

      const baseline = await measure('one partner page (GET /api/partners/:id)', 40, (index) =>
        app
          .api(`/api/partners/${fictionalPartner(Math.abs(index) % REGISTER_SIZE).id}`, { as: IEV })
          .then((response) => response.arrayBuffer()),
      );
      const first = await measure('first register page', 40, () => page(`pageSize=${PAGE_SIZE}`));
      const hundredth = await measure('100th register page (continuation token)', 40, () => page(deep));
      const searched = await measure('first page of a search ("recovery") with a filter', 40, () =>
        page(`pageSize=${PAGE_SIZE}&q=recovery&contactable=true`),
      );
      return [
        { name: 'first register page', baseline, subject: first, meaning: 'a list page relative to one partner page' },
        {
          name: 'deep page',
          baseline: first,
          subject: hundredth,
          meaning: 'close to 1 means paging cost does not grow with position',
        },
        { name: 'search page', baseline: first, subject: searched, meaning: 'search and filters run in the database' },
      ];
    } finally {
      await app.stop();
    }
  },
};
