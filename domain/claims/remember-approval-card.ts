import { retryOnConflict } from '../concurrency.js';
import type { ClaimPorts } from './ports.js';

/** Records where the approval card was posted, so later changes update it in place. */
export async function rememberApprovalCard(
  ports: Pick<ClaimPorts, 'claims'>,
  claimId: string,
  where: { activityId: string; conversationId: string },
): Promise<void> {
  await retryOnConflict(async () => {
    const claim = await ports.claims.findClaim(claimId);
    if (claim) await ports.claims.replaceClaim({ ...claim, approvalCard: where }, claim._etag);
  });
}
