import { ConflictError, ForbiddenError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import { openOpportunity } from './invite-partners.js';
import type { Opportunity } from './opportunity.js';
import { findOpportunity } from './opportunity-records.js';
import type { OpportunityPorts } from './ports.js';

/** IEV approves: the opportunity opens and the invitations go. Approving again changes nothing. */
export async function approveOpportunity(
  ports: Pick<OpportunityPorts, 'store' | 'matches' | 'links' | 'messaging' | 'logger' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<Versioned<Opportunity>> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team approves opportunities.');
  const opportunity = await findOpportunity(ports, id);
  if (opportunity.state === 'open') return opportunity;
  if (opportunity.state !== 'awaiting-approval')
    throw new ConflictError(
      `This opportunity is ${opportunity.state === 'closed' ? 'closed' : 'not waiting for approval'}.`,
    );
  return openOpportunity(ports, opportunity, actor, ports.clock());
}
