import type { Actor } from '../people/actor.js';
import type { ClaimDocument } from './claim.js';
import { editAsHost } from './edit-claim.js';
import { repriceClaim, type RepricePorts } from './reprice-claim.js';

/** The host removes an item; a receipt attached to it stays on the claim, attached to no item. */
export async function removeClaimItem(
  ports: RepricePorts,
  actor: Actor,
  claimId: string,
  itemId: string,
): Promise<ClaimDocument> {
  return editAsHost(ports, actor, claimId, async (claim) => {
    if (!claim.items.some((item) => item.id === itemId)) return undefined;
    return repriceClaim(ports, {
      ...claim,
      items: claim.items.filter((item) => item.id !== itemId),
      receipts: claim.receipts.map((receipt) =>
        receipt.itemId === itemId ? { ...receipt, itemId: undefined } : receipt,
      ),
    });
  });
}
