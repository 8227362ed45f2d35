import type { ClaimDocument } from '../../domain/claims/claim.js';
import { STATUS_LABELS } from '../../domain/claims/claim.js';
import { formatPounds } from '../../domain/claims/money.js';
import { card, container, heading, paragraph, type AdaptiveCard, type CardElement } from '../cards/adaptive-card.js';
import { discardDraftButton } from './claim-discard-card.js';
import { CLAIM_VERBS } from './claim-verbs.js';

/** "my claims": the host's recent claims, each with where it is and a button to open it. */
export function claimListCard(claims: readonly ClaimDocument[]): AdaptiveCard {
  const rows: CardElement[] = claims.map((claim) =>
    container([
      paragraph(`**${claim.partnerName}**: ${claim.work.title}`),
      paragraph(
        `${STATUS_LABELS[claim.status]} \u00b7 ${formatPounds(claim.totals.expensesPence + claim.totals.paymentsPence)}`,
        { subtle: true },
      ),
      {
        type: 'ActionSet',
        actions: [
          CLAIM_VERBS.show.action(claim.status === 'queried' ? 'Answer the question' : 'Open', { claimId: claim.id }),
          ...(claim.status === 'draft' ? [discardDraftButton(claim.id)] : []),
        ],
      },
    ]),
  );
  return card(
    [
      heading('Your expense claims', 'Medium'),
      ...(rows.length > 0 ? rows : [paragraph('You have not started any claims yet.')]),
    ],
    [CLAIM_VERBS.start.action('Claim expenses', {}, { style: 'positive' })],
    { fallbackText: `You have ${claims.length} expense claim${claims.length === 1 ? '' : 's'}.` },
  );
}
