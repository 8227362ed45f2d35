import { claimDiscardCard, claimDiscardedCard } from './claim-discard-card.js';
import { claimListCard } from './claim-list-card.js';
import { claimStartCard } from './claim-start-card.js';
import { ValidationError, type FieldProblem } from '../../domain/errors.js';
import { keptValues } from '../cards/inputs.js';
import type { CardInputs, Turn } from '../feature.js';
import { CLAIM_INPUT_LIMITS, problemsOf } from './claim-inputs.js';
import { operationIdOf, showClaim, type ClaimHandler, type ClaimsContext } from './claims-context.js';

/** Starting a claim: find the partner, say what work it is for; or discard a draft not wanted after all. */

export const showStartCard: ClaimHandler<'start'> = async () => ({ card: claimStartCard() });

export const showMyClaims: ClaimHandler<'list'> = async ({ claims }, turn) => ({
  card: claimListCard(await claims.myClaims(turn.actor)),
});

export const findPartner: ClaimHandler<'findPartner'> = async (context, turn, { partnerSearch: search }) => {
  if (search.length < 2)
    return {
      card: claimStartCard({
        search,
        problems: [{ field: 'partnerSearch', message: 'Type at least two letters of the partner\u2019s name' }],
      }),
    };
  const matches = await context.partners.search(turn.actor, search);
  return { card: claimStartCard({ search, matches, work: await context.claims.workChoices(turn.actor) }) };
};

export const startDraft: ClaimHandler<'create'> = async (context, turn, data, inputs) => {
  const { partnerId, workTitle, planId, sessionId, partnerSearch } = data;
  if (!partnerId)
    return startCardAgain(context, turn, partnerSearch, inputs, [
      { field: 'partnerId', message: 'Choose the partner' },
    ]);
  try {
    // The work (a plan of the host's, a session of it, or "other" with a title) is checked by the domain.
    const claim = await context.claims.startDraft(turn.actor, {
      operationId: operationIdOf(turn),
      partnerId,
      workTitle,
      planId: planId || undefined,
      sessionId: sessionId || undefined,
    });
    return showClaim(context, claim);
  } catch (error) {
    if (error instanceof ValidationError)
      return startCardAgain(context, turn, partnerSearch, inputs, problemsOf(error));
    throw error;
  }
};

/** The start card as the host left it, the search run again, each problem next to its input. */
async function startCardAgain(
  context: ClaimsContext,
  turn: Turn,
  search: string,
  inputs: CardInputs,
  problems: readonly FieldProblem[],
) {
  return {
    card: claimStartCard({
      search,
      matches: search.length >= 2 ? await context.partners.search(turn.actor, search) : [],
      work: await context.claims.workChoices(turn.actor),
      values: keptValues(inputs, CLAIM_INPUT_LIMITS.start),
      problems,
    }),
  };
}

/** Asking changes nothing; the confirmation is offered only when the discard itself would be allowed. */
export const askToDiscard: ClaimHandler<'discard'> = async ({ claims }, turn, { claimId }) => ({
  card: claimDiscardCard(await claims.draftToDiscard(turn.actor, claimId)),
});

export const discardDraft: ClaimHandler<'discardConfirmed'> = async ({ claims }, turn, { claimId }) => {
  const { partnerName } = await claims.discardDraft(turn.actor, claimId, operationIdOf(turn));
  return { card: claimDiscardedCard(partnerName) };
};
