import { ConflictError, ForbiddenError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import { awaitingDecision, reopenable, type ClaimDocument } from './claim.js';

/** Only IEV approvers decide, and never on a claim they submitted or are the subject of. */
export function assertMayDecide(actor: Actor, claim: ClaimDocument): void {
  if (!isIevMember(actor)) throw new ForbiddenError('Only IEV approvers can approve, reject or query claims.');
  if (actor.id === claim.hostId || actor.id === claim.partnerId)
    throw new ForbiddenError(
      'You cannot decide a claim you submitted or that is about you. Another IEV approver needs to decide it.',
    );
}

export function mayDecide(actor: Actor, claim: ClaimDocument): boolean {
  return (
    isIevMember(actor) && actor.id !== claim.hostId && actor.id !== claim.partnerId && awaitingDecision(claim.status)
  );
}

/** Only the claim's host takes it back, and only while it is reopenable (see `reopenClaim`). */
export function mayReopen(actor: Actor, claim: ClaimDocument): boolean {
  return actor.id === claim.hostId && reopenable(claim);
}

/** Only the claim's host, and only while it is a draft: a queried claim has been seen by the IEV team and is answered, not discarded. */
export function assertMayDiscard(actor: Actor, claim: ClaimDocument): void {
  if (claim.hostId !== actor.id) throw new ForbiddenError('Only the colleague who started this claim can discard it.');
  if (claim.status !== 'draft')
    throw new ConflictError('This claim has been sent to the IEV team, so it can no longer be discarded.');
}

/** Every claim (who was paid what, for whom) is the IEV team's to see; a host sees their own in their chat. */
export function assertMayListClaims(actor: Actor): void {
  if (!isIevMember(actor))
    throw new ForbiddenError(
      'Only the IEV team can see every expense claim. Your own claims are under “my claims” in your chat with the Involvement Hub bot.',
    );
}

/** Only IEV members export claims for payment and record them paid. */
export function assertMayPay(actor: Actor): void {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can export or pay claims.');
}
