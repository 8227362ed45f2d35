import { claimItemFormCard } from './claim-item-form-card.js';
import { keptValues } from '../cards/inputs.js';
import { CLAIM_INPUT_LIMITS, parseItem } from './claim-inputs.js';
import { operationIdOf, showClaim, type ClaimHandler } from './claims-context.js';

/** Building a draft claim: its items, and the partner's choice about payment for their time. */

export const showClaimCard: ClaimHandler<'show'> = async (context, turn, { claimId }) =>
  showClaim(context, await context.claims.view(turn.actor, claimId));

export const showItemForm: ClaimHandler<'itemForm'> = async (context, turn, { claimId, kind }) => {
  const claim = await context.claims.view(turn.actor, claimId);
  // Most claims are for something recent: start from today's date.
  return {
    card: claimItemFormCard(claim.id, kind, context.policy(), {
      values: { date: new Date().toISOString().slice(0, 10) },
    }),
  };
};

export const addItem: ClaimHandler<'addItem'> = async (context, turn, { claimId, kind }, inputs) => {
  const parsed = parseItem(kind, inputs);
  if (!parsed.ok)
    return {
      card: claimItemFormCard(claimId, kind, context.policy(), {
        values: keptValues(inputs, CLAIM_INPUT_LIMITS.item),
        problems: parsed.problems,
      }),
    };
  const claim = await context.claims.addItem(turn.actor, claimId, parsed.value, operationIdOf(turn));
  const added = claim.items.at(-1);
  return showClaim(context, claim, added ? `Added. ${added.explanation}` : undefined);
};

export const removeItem: ClaimHandler<'removeItem'> = async (context, turn, { claimId, itemId }) =>
  showClaim(context, await context.claims.removeItem(turn.actor, claimId, itemId), 'Item removed.');

export const recordPaymentChoice: ClaimHandler<'paymentChoice'> = async (context, turn, data) => {
  const { claimId, paymentChoice } = data;
  if (!paymentChoice)
    return showClaim(context, await context.claims.view(turn.actor, claimId), undefined, [
      { field: 'paymentChoice', message: 'Choose one of the options' },
    ]);
  return showClaim(
    context,
    await context.claims.recordPaymentChoice(turn.actor, claimId, paymentChoice),
    'The partner\u2019s choice is recorded on the register, with today\u2019s date.',
  );
};
