import type { Logger } from '../server/logger.js';
import type { Services } from '../server/services.js';
import { DEMO_PEOPLE } from './demo-people.js';
import { DEMO_PARTNER_COUNT, seedFictionalPartners } from './demo-partners.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoClaims } from './demo-claims.js';
import { seedDemoOrganisations } from './demo-organisations.js';
import { seedDemoOpportunities } from './demo-opportunities.js';

/**
 * A realistic, clearly fictional register for local mode, seeded once (a marker records it), so the
 * tab and bot show something real on first start. Never runs in production.
 */
export async function seedDemoData(services: Services, logger: Logger): Promise<void> {
  // Seeders use stable ids, so a start interrupted mid-seed simply completes the seed next time;
  // the marker is written last.
  // The directory came after the first demo data: a local database seeded before it gets it once too.
  if (!(await services.directoryStore.isMarked('demo-organisations-seeded'))) {
    await seedDemoOrganisations(services);
    await services.directoryStore.markOnce('demo-organisations-seeded');
  }
  if (await services.directoryStore.isMarked('demo-data-seeded')) return;
  await seedFictionalPartners(services.database.containers, DEMO_PARTNER_COUNT);
  for (const person of DEMO_PEOPLE) {
    await services.directoryStore.savePerson({
      userId: person.id,
      displayName: person.displayName,
      roles: person.roles,
    });
  }
  // After the partners: demo sessions name partners from the register.
  await seedDemoPlans(services);
  await seedDemoClaims(services);
  await seedDemoOpportunities(services);
  await services.directoryStore.markOnce('demo-data-seeded');
  logger.info({ people: DEMO_PEOPLE.length }, 'demo data seeded');
}
