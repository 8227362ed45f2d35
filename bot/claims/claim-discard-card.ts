import type { ClaimDocument } from '../../domain/claims/claim.js';
import { card, heading, paragraph, type AdaptiveCard, type ExecuteAction } from '../cards/adaptive-card.js';
import { CLAIM_VERBS } from './claim-verbs.js';

/** The button on a draft: it only asks; nothing is deleted until the host confirms. */
export function discardDraftButton(claimId: string): ExecuteAction {
  return CLAIM_VERBS.discard.action('Discard this draft', { claimId }, { style: 'destructive' });
}

/** "Are you sure?": deleting a draft cannot be undone, so the host confirms it or keeps the claim. */
export function claimDiscardCard(claim: Pick<ClaimDocument, 'id' | 'partnerName'>): AdaptiveCard {
  const question = `Discard this draft claim for ${claim.partnerName}? This cannot be undone.`;
  return card(
    [
      heading('Discard this draft?', 'Medium'),
      paragraph(question),
      paragraph('Any receipts attached to it will be deleted too.', { subtle: true }),
    ],
    [
      CLAIM_VERBS.discardConfirmed.action('Discard', { claimId: claim.id }, { style: 'destructive' }),
      CLAIM_VERBS.show.action('Keep it', { claimId: claim.id }),
    ],
    { fallbackText: question },
  );
}

/** After discarding (or a second press, once it has already gone). */
export function claimDiscardedCard(partnerName?: string): AdaptiveCard {
  const message = partnerName
    ? `The draft claim for ${partnerName} and its receipts have been deleted.`
    : 'This draft has already been discarded.';
  return card(
    [heading('Draft discarded', 'Medium'), paragraph(message)],
    [CLAIM_VERBS.start.action('Claim expenses'), CLAIM_VERBS.list.action('My claims')],
    {
      fallbackText: `Draft discarded. ${message}`,
    },
  );
}
