import { NotFoundError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import type { ClaimDocument, ReceiptRef } from './claim.js';
import type { ClaimPorts, StoredFile } from './ports.js';

const NOT_YOURS = 'That claim could not be found, or it is not yours to see.';

/** A claim as its host or an IEV approver may see it. Everyone else is refused. */
export async function viewClaim(
  ports: Pick<ClaimPorts, 'claims'>,
  actor: Actor,
  claimId: string,
): Promise<Versioned<ClaimDocument>> {
  const claim = await ports.claims.findClaim(claimId);
  if (!claim || !(claim.hostId === actor.id || isIevMember(actor))) throw new NotFoundError(NOT_YOURS);
  return claim;
}

/**
 * The approval card's status view: for everyone in the IEV channel (where the card is posted), the
 * claim's host and IEV members. A claim id typed into a forged button anywhere else shows nothing.
 */
export async function claimStatusFor(
  ports: Pick<ClaimPorts, 'claims'>,
  actor: Actor,
  claimId: string,
  where: { readonly inIevChannel: boolean },
): Promise<ClaimDocument> {
  const claim = await ports.claims.findClaim(claimId);
  if (!claim || !(where.inIevChannel || claim.hostId === actor.id || isIevMember(actor)))
    throw new NotFoundError(NOT_YOURS);
  return claim;
}

/** The claims this colleague submitted or started, newest first. */
export function myClaims(ports: Pick<ClaimPorts, 'claims'>, actor: Actor): Promise<ClaimDocument[]> {
  return ports.claims.recentForHost(actor.id);
}

/** The host's most recent claim they can still change (a draft, or one returned to them). */
export function latestEditableClaim(
  ports: Pick<ClaimPorts, 'claims'>,
  actor: Actor,
): Promise<ClaimDocument | undefined> {
  return ports.claims.latestEditableFor(actor.id);
}

/** One receipt's file, for those who may see the claim (its host and IEV approvers). */
export async function readReceiptFile(
  ports: Pick<ClaimPorts, 'claims' | 'receipts'>,
  actor: Actor,
  claimId: string,
  receiptId: string,
): Promise<{ receipt: ReceiptRef; file: StoredFile }> {
  const claim = await viewClaim(ports, actor, claimId);
  const receipt = claim.receipts.find((candidate) => candidate.id === receiptId);
  if (!receipt || !ports.receipts) throw new NotFoundError('That receipt could not be found on this claim.');
  return { receipt, file: await ports.receipts.get(receipt.blobName) };
}
