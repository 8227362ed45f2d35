import { retryOnConflict, withoutVersion } from '../concurrency.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import { visibleOpportunity } from './opportunity-records.js';
import type { OpportunityPorts } from './ports.js';
import { readOpportunity, type OpportunityDetail } from './read-opportunity.js';

/** The host (or IEV) chooses partners who said they are interested; the plan and their register history record it. */
export async function choosePartners(
  ports: Pick<OpportunityPorts, 'store' | 'partners' | 'plans' | 'clock'>,
  actor: Actor,
  id: string,
  partnerIds: readonly string[],
): Promise<OpportunityDetail> {
  const opportunity = await visibleOpportunity(ports, actor, id);
  if (opportunity.hostId !== actor.id && !isIevMember(actor))
    throw new ForbiddenError('Only the colleague who published this opportunity chooses who takes part.');
  const wanted = [...new Set(partnerIds)].slice(0, 100);
  if (wanted.length === 0)
    throw new ValidationError('Choose at least one person.', [
      { field: 'partnerIds', message: 'Choose at least one person.' },
    ]);
  const now = ports.clock();
  for (const partnerId of wanted) await markChosen(ports, id, partnerId, now);
  await ports.plans.recordChosen(
    opportunity.hostId,
    opportunity.planId,
    wanted.map((partnerId) => ({ partnerId, opportunityId: id })),
    now,
  );
  return readOpportunity(ports, actor, id);
}

/** Marks the partner's invitation chosen (once); only someone who said they are interested can be chosen. */
async function markChosen(
  { store }: Pick<OpportunityPorts, 'store'>,
  opportunityId: string,
  partnerId: string,
  now: Date,
): Promise<void> {
  await retryOnConflict(async () => {
    const invitation = await store.findInvitation(opportunityId, partnerId);
    if (!invitation || invitation.answer !== 'interested')
      throw new ValidationError('You can only choose people who said they are interested.', [
        { field: 'partnerIds', message: 'Choose from the people who said they are interested.' },
      ]);
    if (invitation.selectedAt) return;
    await store.replaceInvitation({ ...withoutVersion(invitation), selectedAt: now.toISOString() }, invitation._etag);
  });
}
