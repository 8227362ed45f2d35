import { ForbiddenError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import { addDays } from '../schedule/periods.js';
import type { Opportunity } from './opportunity.js';
import { moveOpportunity, SYSTEM, visibleOpportunity, type Mover } from './opportunity-records.js';
import type { OpportunityPorts } from './ports.js';
import { day } from './publish-form.js';

type ClosePorts = Pick<OpportunityPorts, 'store' | 'closed'>;

/** Closes an open opportunity now (the host, IEV, or the closing date): no more answers are taken. */
export async function closeOpportunity(
  ports: ClosePorts & Pick<OpportunityPorts, 'clock'>,
  actor: Actor,
  id: string,
): Promise<Versioned<Opportunity>> {
  const opportunity = await visibleOpportunity(ports, actor, id);
  if (opportunity.hostId !== actor.id && !isIevMember(actor))
    throw new ForbiddenError('Only the colleague who published this opportunity can close it.');
  return closeAndTellHost(ports, opportunity, actor, ports.clock());
}

/**
 * Closes every opportunity whose closing date has passed (answers are taken all through the closing date), also
 * one still waiting for approval: inviting people after the date they were to answer by would help nobody.
 */
export async function closeDue(ports: ClosePorts, now: Date): Promise<number> {
  const due = await ports.store.closingBy(day(addDays(now, -1)), ['open', 'awaiting-approval']);
  for (const opportunity of due) await closeAndTellHost(ports, opportunity, SYSTEM, now);
  return due.length;
}

async function closeAndTellHost(
  ports: ClosePorts,
  opportunity: Versioned<Opportunity>,
  actor: Mover,
  now: Date,
): Promise<Versioned<Opportunity>> {
  if (opportunity.state === 'closed') return opportunity;
  const closed = await moveOpportunity(ports, opportunity, 'closed', actor, now);
  const interested = (await ports.store.invitationsOf(opportunity.id)).filter(
    (item) => item.answer === 'interested',
  ).length;
  await ports.closed?.(closed, interested, now);
  return closed;
}
