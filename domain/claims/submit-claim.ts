import { retryOnConflict } from '../concurrency.js';
import { ConflictError, ForbiddenError, ValidationError, type FieldProblem } from '../errors.js';
import type { Actor } from '../people/actor.js';
import { alreadyRecorded, editableByHost, type ClaimDocument, type ClaimStatus } from './claim.js';
import { dayOf } from './claim-day.js';
import { announceAndReplace, type AnnouncePorts } from './claim-announcements.js';
import { findClaimOrRefuse } from './edit-claim.js';
import { repriceClaim, type RepricePorts } from './reprice-claim.js';

export type SubmitClaimPorts = RepricePorts & AnnouncePorts;

export interface SubmitRequest {
  operationId: string;
  partnerDeclaration: boolean;
  hostDeclaration: boolean;
  /** The host's answer to the IEV team's question, when the claim was queried. */
  answer?: string | undefined;
}

/**
 * Sends the claim to the IEV team (or back to them, answered, after a query). The host confirms the
 * partner's declaration and their own. Re-checks every item against the current policy and records its version.
 */
export async function submitClaim(
  ports: SubmitClaimPorts,
  actor: Actor,
  claimId: string,
  request: SubmitRequest,
): Promise<ClaimDocument> {
  return retryOnConflict(async () => {
    const claim = await findClaimOrRefuse(ports.claims, claimId);
    if (claim.hostId !== actor.id) throw new ForbiddenError('Only the colleague who started this claim can submit it.');
    if (alreadyRecorded(claim, request.operationId)) return claim;
    if (!editableByHost(claim.status)) throw new ConflictError(`This claim has already been sent (${claim.status}).`);
    const problems = submissionProblems(claim, request);
    if (problems.length > 0) throw new ValidationError('Please check your answers.', problems);
    const at = ports.clock();
    const repriced = await repriceClaim(ports, claim);
    const next = submitted(repriced, actor, request, at, ports.policy().payment.targetDaysToPay);
    return announceAndReplace(ports, claim, next, ['iev-channel']);
  });
}

function submissionProblems(claim: ClaimDocument, request: SubmitRequest): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!request.partnerDeclaration)
    problems.push({ field: 'partnerDeclaration', message: 'The partner must confirm they had these costs' });
  if (!request.hostDeclaration) problems.push({ field: 'hostDeclaration', message: 'Confirm the claim is legitimate' });
  if (claim.status === 'queried' && !request.answer?.trim())
    problems.push({ field: 'answer', message: 'Answer the IEV team\u2019s question' });
  if ((request.answer?.length ?? 0) > 1000)
    problems.push({ field: 'answer', message: 'Keep this under 1,000 characters' });
  if (claim.items.length === 0) problems.push({ field: 'items', message: 'Add at least one item before submitting' });
  return problems;
}

/** The claim as sent: declared, given its pay-by target on first sending, and with the sending in its history. */
function submitted(
  claim: ClaimDocument,
  actor: Actor,
  request: SubmitRequest,
  at: Date,
  targetDaysToPay: number,
): ClaimDocument {
  const status: ClaimStatus = claim.status === 'draft' ? 'submitted' : 'resubmitted';
  const now = at.toISOString();
  return {
    ...claim,
    status,
    declarations: { partnerConfirmedAt: now, hostConfirmedAt: now },
    submittedAt: claim.submittedAt ?? now,
    payBy: claim.payBy ?? dayOf(new Date(at.getTime() + targetDaysToPay * 86_400_000)),
    openQuery: undefined,
    // A reopened claim is decided afresh, every item again; the earlier decision stays in the history.
    decision: undefined,
    history: [
      ...claim.history,
      {
        status,
        at: now,
        byId: actor.id,
        byName: actor.displayName,
        note: request.answer?.trim() || undefined,
        operationId: request.operationId,
      },
    ],
  };
}
