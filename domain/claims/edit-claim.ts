import { retryOnConflict } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import { editableByHost, type ClaimDocument } from './claim.js';
import type { ClaimPorts, ClaimRepository } from './ports.js';

export const NO_LONGER_EDITABLE = 'This claim has been sent to the IEV team, so it can no longer be changed.';

/** The claim a request names, as stored now; a missing one is refused in plain words. */
export async function findClaimOrRefuse(
  claims: Pick<ClaimRepository, 'findClaim'>,
  claimId: string,
): Promise<Versioned<ClaimDocument>> {
  const claim = await claims.findClaim(claimId);
  if (!claim) throw new NotFoundError('That claim could not be found.');
  return claim;
}

/** Only the claim's host changes it, and only while it is theirs to change (a draft, queried or reopened). */
export function assertHostMayChange(actor: Actor, claim: ClaimDocument): void {
  if (claim.hostId !== actor.id) throw new ForbiddenError('Only the colleague who started this claim can change it.');
  if (!editableByHost(claim.status)) throw new ConflictError(NO_LONGER_EDITABLE);
}

/**
 * The host's read–change–replace: reads the claim, checks the host may change it, applies `change` and
 * writes it conditionally on the version read, again on a fresh read after a conflict. `change` answers
 * undefined when there is nothing to do (a retried request), and the claim is returned as read.
 */
export async function editAsHost(
  ports: Pick<ClaimPorts, 'claims'>,
  actor: Actor,
  claimId: string,
  change: (claim: Versioned<ClaimDocument>) => Promise<ClaimDocument | undefined>,
): Promise<ClaimDocument> {
  return retryOnConflict(async () => {
    const claim = await findClaimOrRefuse(ports.claims, claimId);
    assertHostMayChange(actor, claim);
    const next = await change(claim);
    if (!next) return claim;
    return ports.claims.replaceClaim(next, claim._etag);
  });
}
