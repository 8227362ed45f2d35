import { retryOnConflict, withoutVersion } from '../concurrency.js';
import { addDays } from '../schedule/periods.js';
import { oweInvitation } from './invite-partners.js';
import { findOpportunity } from './opportunity-records.js';
import type { OpportunityPorts } from './ports.js';
import { day } from './publish-form.js';

/** Partners who have not answered are reminded this many days before the closing date. */
const REMIND_DAYS_BEFORE = 2;

/**
 * Partners who have not answered are reminded once, two days before the closing date (the same invitation and
 * link again). Safe to repeat: each reminder is owed under its own event, and the opportunity records it reminded.
 */
export async function remindDue(
  ports: Pick<OpportunityPorts, 'store' | 'links' | 'messaging'>,
  now: Date,
): Promise<number> {
  const soon = await ports.store.closingBy(day(addDays(now, REMIND_DAYS_BEFORE)), ['open']);
  let reminded = 0;
  for (const opportunity of soon.filter((item) => !item.remindedAt && item.closesOn >= day(now))) {
    const waiting = (await ports.store.invitationsOf(opportunity.id)).filter((item) => !item.answer);
    for (const invitation of waiting) {
      await oweInvitation(ports, opportunity, invitation, 'reminder', now);
      reminded += 1;
    }
    await retryOnConflict(async (tryNumber) => {
      const latest = tryNumber === 1 ? opportunity : await findOpportunity(ports, opportunity.id);
      if (latest.remindedAt) return;
      await ports.store.replace({ ...withoutVersion(latest), remindedAt: now.toISOString() }, latest._etag);
    });
  }
  return reminded;
}
