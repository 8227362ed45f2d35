import { claimCard } from './claim-card.js';
import type { ClaimService } from '../../domain/claims/claim-service.js';
import type { ReimbursementPolicy } from '../../domain/claims/policy.js';
import type { PartnerPicker } from '../../domain/register/partner-picker.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { ActionHandler, ActionResult, Turn } from '../feature.js';
import { isInChannel } from '../conversation-address.js';
import type { CLAIM_VERBS } from './claim-verbs.js';

/** What the claim handlers need: the claims feature's options, as the composition root passes them. */
export interface ClaimsContext {
  readonly claims: ClaimService;
  /** Finding the partner a claim is for (the register's rule of who may search it). */
  readonly partners: PartnerPicker;
  readonly policy: () => ReimbursementPolicy;
  readonly claimUrl: (claimId: string) => string;
  /** Whether an IEV channel has been set up, so the host can be told honestly where the claim went. */
  readonly ievChannelReady?: () => Promise<boolean>;
  /** The IEV channel's conversation id, if set up: approval cards show their status to everyone there, and only there. */
  readonly ievChannelId: () => Promise<string | undefined>;
  /** The IEV approvers' ids, listed on approval cards so Teams refreshes their view by itself. */
  readonly approverIds: () => Promise<readonly string[]>;
  /** Local mode only: receipts may be fetched from loopback (the Agents Playground and tests serve files there). */
  readonly allowLoopbackFiles?: boolean;
}

/** The handler of one claim card verb. */
export type ClaimHandler<K extends keyof typeof CLAIM_VERBS> = ActionHandler<(typeof CLAIM_VERBS)[K], ClaimsContext>;

/** The claim card in 1:1 chat, with a notice or problems above it. */
export function showClaim(
  context: ClaimsContext,
  claim: Parameters<typeof claimCard>[0],
  notice?: string,
  problems?: readonly FieldProblem[],
): ActionResult {
  return {
    card: claimCard(claim, {
      claimUrl: context.claimUrl(claim.id),
      ...(notice ? { notice } : {}),
      ...(problems ? { problems } : {}),
    }),
  };
}

/** The press's own id, so Teams retrying the same press changes the claim once. */
export function operationIdOf(turn: Turn): string {
  return turn.context.activity.id ?? `${turn.actor.id}:${Date.now()}`;
}

/** The claim as the presser may see it where they pressed (its status only, in the IEV channel). */
export async function claimStatusFor(context: ClaimsContext, turn: Turn, claimId: string) {
  return context.claims.statusFor(turn.actor, claimId, {
    inIevChannel: isInChannel(turn.context.activity, await context.ievChannelId()),
  });
}
