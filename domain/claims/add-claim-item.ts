import { ValidationError } from '../errors.js';
import type { Actor } from '../people/actor.js';
import type { ClaimDocument, ItemInput } from './claim.js';
import { editAsHost } from './edit-claim.js';
import { repriceClaim, type RepricePorts } from './reprice-claim.js';
import { stableId } from './stable-id.js';

/** The host adds an item to their claim; priced at once. The item's id comes from the operation id, so a retry adds it once. */
export async function addClaimItem(
  ports: RepricePorts,
  actor: Actor,
  claimId: string,
  input: ItemInput,
  operationId: string,
): Promise<ClaimDocument> {
  const itemId = stableId('item', operationId);
  return editAsHost(ports, actor, claimId, async (claim) => {
    if (claim.items.some((item) => item.id === itemId)) return undefined;
    if (claim.items.length >= 30)
      throw new ValidationError('A claim can have up to 30 items. Submit this one and start another.');
    return repriceClaim(ports, {
      ...claim,
      items: [
        ...claim.items,
        { id: itemId, input, category: 'expense', claimedPence: 0, amountPence: 0, explanation: '', flags: [] },
      ],
    });
  });
}
