import { retryOnConflict } from '../concurrency.js';
import { NotFoundError } from '../errors.js';
import type { Actor } from '../people/actor.js';
import type { ClaimDocument } from './claim.js';
import { assertMayDiscard } from './claim-permissions.js';
import type { ClaimPorts } from './ports.js';

/** The outcome of discarding a draft: `discarded: false` when it had already gone (a second press, a retry). */
export interface DiscardResult {
  readonly discarded: boolean;
  readonly partnerName?: string | undefined;
}

/**
 * Checks the host may discard this draft, without changing anything: the confirmation card is only
 * offered when the discard itself would be allowed.
 */
export async function draftToDiscard(
  ports: Pick<ClaimPorts, 'claims'>,
  actor: Actor,
  claimId: string,
): Promise<ClaimDocument> {
  const claim = await ports.claims.findClaim(claimId);
  if (!claim) throw new NotFoundError('That draft could not be found. It may already have been discarded.');
  assertMayDiscard(actor, claim);
  return claim;
}

/**
 * Deletes a draft the host no longer wants, then its receipt files. The delete is conditional on the
 * version read, so a change made at the same moment (a submission) is re-read and decided again. The
 * files go only after the record, so a failure part-way never leaves a claim pointing at missing receipts.
 */
export async function discardDraft(
  ports: Pick<ClaimPorts, 'claims' | 'receiptCleanup'>,
  actor: Actor,
  claimId: string,
  operationId: string,
): Promise<DiscardResult> {
  const discarded = await retryOnConflict(async () => {
    const claim = await ports.claims.findClaim(claimId);
    if (!claim) return undefined;
    assertMayDiscard(actor, claim);
    await ports.claims.deleteClaim(claim.id, claim._etag);
    return claim;
  });
  if (!discarded) return { discarded: false };
  await removeReceiptFiles(ports, discarded, operationId);
  return { discarded: true, partnerName: discarded.partnerName };
}

/** Best effort: the claim is already gone, so a file that cannot be removed now is reported by id, not retried here. */
async function removeReceiptFiles(
  ports: Pick<ClaimPorts, 'receiptCleanup'>,
  claim: ClaimDocument,
  operationId: string,
): Promise<void> {
  const cleanup = ports.receiptCleanup;
  if (!cleanup) return;
  for (const receipt of claim.receipts) {
    try {
      await cleanup.receipts.delete(receipt.blobName);
    } catch {
      cleanup.warn(
        { claimId: claim.id, receiptId: receipt.id, operationId },
        'receipt file of a discarded draft could not be removed',
      );
    }
  }
}
