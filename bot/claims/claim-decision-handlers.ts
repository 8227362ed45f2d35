import { approvalCard } from './approval-card.js';
import { statusLine } from './claim-parts.js';
import { mayDecide, type Decision } from '../../domain/claims/claim-service.js';
import type { ItemRejection } from '../../domain/claims/claim.js';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import { keptValues } from '../cards/inputs.js';
import type { ActionResult, CardInputs, Turn } from '../feature.js';
import { CLAIM_INPUT_LIMITS, problemsOf } from './claim-inputs.js';
import { claimStatusFor, operationIdOf, type ClaimHandler, type ClaimsContext } from './claims-context.js';

/** The approval card in the IEV channel: approvers decide, everyone else sees the status. */

export const refreshApprovalCard: ClaimHandler<'refresh'> = async (context, turn, { claimId }) => {
  const claim = await claimStatusFor(context, turn, claimId);
  return {
    card: approvalCard(
      claim,
      mayDecide(turn.actor, claim) ? { kind: 'approver' } : { kind: 'status' },
      context.claimUrl(claim.id),
      await context.approverIds(),
    ),
  };
};

export const approveClaim: ClaimHandler<'approve'> = (context, turn, { claimId }, inputs) =>
  decide(context, turn, claimId, inputs, { outcome: 'approve' });

export const approvePartOfClaim: ClaimHandler<'approvePart'> = (context, turn, { claimId }, inputs) =>
  decide(context, turn, claimId, inputs, { outcome: 'approve', rejectedItems: reasonsByItem(inputs) });

export const rejectClaim: ClaimHandler<'reject'> = (context, turn, { claimId, reason }, inputs) =>
  decide(context, turn, claimId, inputs, { outcome: 'reject', reason });

export const queryClaim: ClaimHandler<'query'> = (context, turn, { claimId, question }, inputs) =>
  decide(context, turn, claimId, inputs, { outcome: 'query', question });

async function decide(
  context: ClaimsContext,
  turn: Turn,
  claimId: string,
  inputs: CardInputs,
  decision: Decision,
): Promise<ActionResult> {
  const url = context.claimUrl(claimId);
  const approvers = await context.approverIds();
  try {
    const { claim, applied } = await context.claims.decide(turn.actor, claimId, decision, operationIdOf(turn));
    // The card in the channel is updated for everyone by the claim's outbox (its one owner, delivered during the press).
    if (applied) return { card: approvalCard(claim, { kind: 'status' }, url, approvers) };
    return {
      card: approvalCard(claim, { kind: 'status', notice: `Already decided. ${statusLine(claim)}.` }, url, approvers),
    };
  } catch (error) {
    // Refused: the presser sees why, on the card as it really is; nothing was changed.
    if (error instanceof ForbiddenError)
      return {
        card: approvalCard(
          await claimStatusFor(context, turn, claimId),
          { kind: 'status', notice: error.userMessage },
          url,
          approvers,
        ),
      };
    if (error instanceof ValidationError) {
      const view = { kind: 'approver' as const, problems: problemsOf(error), values: keptDecision(inputs, decision) };
      return { card: approvalCard(await claimStatusFor(context, turn, claimId), view, url, approvers) };
    }
    throw error;
  }
}

/** The approver's answers, kept: the item reasons of "Approve some items" too, one input per item of this claim. */
function keptDecision(inputs: CardInputs, decision: Decision) {
  return keptValues(inputs, {
    ...CLAIM_INPUT_LIMITS.approver,
    ...Object.fromEntries(
      (decision.outcome === 'approve' ? (decision.rejectedItems ?? []) : []).map((item) => [
        `reason-${item.itemId}`,
        500,
      ]),
    ),
  });
}

/** The "Approve some items" inputs: `reason-<itemId>` with text means that item is not approved, for that reason. */
function reasonsByItem(inputs: CardInputs): ItemRejection[] {
  return Object.entries(inputs).flatMap(([key, value]) =>
    key.startsWith('reason-') && typeof value === 'string' && value.trim()
      ? [{ itemId: key.slice('reason-'.length), reason: value.slice(0, 600) }]
      : [],
  );
}
