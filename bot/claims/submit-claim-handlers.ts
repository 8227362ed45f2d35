import { claimSubmitCard } from './claim-submit-card.js';
import { ValidationError } from '../../domain/errors.js';
import { keptValues } from '../cards/inputs.js';
import { CLAIM_INPUT_LIMITS, problemsOf } from './claim-inputs.js';
import { operationIdOf, showClaim, type ClaimHandler } from './claims-context.js';

/** Sending a claim to the IEV team: the declarations, the answer to a query, and taking a claim back to correct. */

const SENT = 'Sent to the IEV team. I\u2019ll message you here when they have decided.';
const SENT_BEFORE_CHANNEL =
  'Saved and submitted. The IEV team has not set up their channel in Teams yet, so I will post it there as soon as they do. I\u2019ll message you here when they have decided.';

export const showSubmitForm: ClaimHandler<'submitForm'> = async ({ claims }, turn, { claimId }) => ({
  card: claimSubmitCard(await claims.view(turn.actor, claimId)),
});

export const submitClaim: ClaimHandler<'submit'> = async (context, turn, data, inputs) => {
  const { claimId, partnerDeclaration, hostDeclaration, answer } = data;
  try {
    const claim = await context.claims.submit(turn.actor, claimId, {
      operationId: operationIdOf(turn),
      partnerDeclaration,
      hostDeclaration,
      answer,
    });
    const ready = (await context.ievChannelReady?.()) ?? true;
    return showClaim(context, claim, ready ? SENT : SENT_BEFORE_CHANNEL);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return {
      card: claimSubmitCard(await context.claims.view(turn.actor, claimId), {
        problems: problemsOf(error),
        values: keptValues(inputs, CLAIM_INPUT_LIMITS.submit),
      }),
    };
  }
};

export const reopenClaim: ClaimHandler<'reopen'> = async (context, turn, { claimId }) =>
  showClaim(
    context,
    await context.claims.reopen(turn.actor, claimId, operationIdOf(turn)),
    'Reopened. Correct the items (remove one, add it again, send a receipt), then send the claim back.',
  );
