import type { Logger } from '../server/logger.js';
import type { Services } from '../server/services.js';
import { DEMO_PEOPLE } from './demo-people.js';
import { DEMO_PARTNER_COUNT, seedFictionalPartners } from './demo-partners.js';

/**
 * A realistic, clearly fictional register for local mode, seeded once (a marker records it), so the
 * tab and bot show something real on first start. Never runs in production.
 */
export async function seedDemoData(services: Services, logger: Logger): Promise<void> {
  if (!(await services.directoryStore.markOnce('demo-data-seeded'))) return;
  await seedFictionalPartners(services.database.containers, DEMO_PARTNER_COUNT);
  for (const person of DEMO_PEOPLE) {
    await services.directoryStore.savePerson({ userId: person.id, displayName: person.displayName, roles: person.roles });
  }
  logger.info({ people: DEMO_PEOPLE.length }, 'demo data seeded');
}
