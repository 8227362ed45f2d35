import { retryOnConflict } from '../concurrency.js';
import { ConflictError, ForbiddenError } from '../errors.js';
import type { Actor } from '../people/actor.js';
import { alreadyRecorded, editableByHost, reopenable, type ClaimDocument, type ClaimStatus } from './claim.js';
import { announceAndReplace, type AnnouncePorts } from './claim-announcements.js';
import { findClaimOrRefuse } from './edit-claim.js';

/**
 * The host takes back a rejected claim, or one approved except some items, to correct it and send it
 * back as the same claim: its history is kept, and the IEV team decides it again (as after a query).
 */
export async function reopenClaim(
  ports: AnnouncePorts,
  actor: Actor,
  claimId: string,
  operationId: string,
): Promise<ClaimDocument> {
  return retryOnConflict(async () => {
    const claim = await findClaimOrRefuse(ports.claims, claimId);
    if (claim.hostId !== actor.id)
      throw new ForbiddenError('Only the colleague who started this claim can correct and resubmit it.');
    if (alreadyRecorded(claim, operationId) || editableByHost(claim.status)) return claim;
    if (!reopenable(claim)) throw new ConflictError(whyNotReopenable(claim.status));
    const at = ports.clock().toISOString();
    const next: ClaimDocument = {
      ...claim,
      status: 'reopened',
      history: [...claim.history, { status: 'reopened', at, byId: actor.id, byName: actor.displayName, operationId }],
    };
    return announceAndReplace(ports, claim, next, ['iev-channel']);
  });
}

function whyNotReopenable(status: ClaimStatus): string {
  if (status === 'exported' || status === 'paid')
    return 'This claim has been sent for payment, so it cannot be reopened now. For anything not approved, start a new claim.';
  if (status === 'approved') return 'Every item of this claim was approved, so there is nothing to correct.';
  return 'This claim is with the IEV team, so it cannot be reopened now.';
}
