import { retryOnConflict } from '../concurrency.js';
import { ConflictError, ForbiddenError } from '../errors.js';
import type { Actor } from '../people/actor.js';
import type { Partner } from '../register/partner.js';
import { editableByHost, type ClaimDocument } from './claim.js';
import { editAsHost, NO_LONGER_EDITABLE } from './edit-claim.js';
import type { PaymentChoice } from './payment-preference.js';
import { viewClaim } from './read-claim.js';
import { repriceClaim, type RepricePorts } from './reprice-claim.js';

/**
 * The host records the partner's choice about payments (asked when a payment is claimed for a partner who
 * has not chosen) on the partner's register record; the claim is then priced again by it.
 */
export async function recordPaymentChoice(
  ports: RepricePorts,
  actor: Actor,
  claimId: string,
  choice: Exclude<PaymentChoice, 'not-chosen'>,
): Promise<ClaimDocument> {
  const claim = await viewClaim(ports, actor, claimId);
  if (claim.hostId !== actor.id)
    throw new ForbiddenError('Only the host of this claim can record the partner\u2019s choice here.');
  // Checked before the register is written: a refused change must leave the partner's record as it was.
  if (!editableByHost(claim.status)) throw new ConflictError(NO_LONGER_EDITABLE);
  await retryOnConflict(async () => {
    const partner = await ports.partners.get(claim.partnerId);
    const updated: Partner = { ...partner, paymentPreference: { choice, chosenAt: ports.clock().toISOString() } };
    await ports.partners.replace(updated, partner._etag);
  });
  return editAsHost(ports, actor, claimId, async (current) => repriceClaim(ports, current));
}
