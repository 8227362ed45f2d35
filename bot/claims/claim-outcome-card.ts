import { rejectedItemsOf, type ClaimDocument, type HistoryEntry } from '../../domain/claims/claim.js';
import { payableTotals } from '../../domain/claims/pricing.js';
import { formatPounds } from '../../domain/claims/money.js';
import { card, heading, openUrl, paragraph, type AdaptiveCard, type CardAction } from '../cards/adaptive-card.js';
import { formatDate, formatDateTime, itemTitle } from './claim-parts.js';
import { CLAIM_VERBS } from './claim-verbs.js';

/** What the host is told in 1:1 chat when the IEV team decides: the outcome and what to do next. */
export function claimOutcomeCard(
  claim: ClaimDocument,
  event: HistoryEntry,
  claimUrl: string,
): AdaptiveCard | undefined {
  const paid = payableTotals(claim);
  const outcome: Outcome = {
    claim,
    event,
    total: formatPounds(paid.expensesPence + paid.paymentsPence),
    who: `${event.byName} at ${formatDateTime(event.at)}`,
    open: openUrl('Open the claim', claimUrl),
  };
  switch (event.status) {
    case 'approved':
      return rejectedItemsOf(claim).length === 0 ? approvedCard(outcome) : partlyApprovedCard(outcome);
    case 'rejected':
      return rejectedCard(outcome);
    case 'queried':
      return queriedCard(outcome);
    case 'paid':
      return paidCard(outcome);
    default:
      return undefined;
  }
}

interface Outcome {
  readonly claim: ClaimDocument;
  readonly event: HistoryEntry;
  /** What is paid: every item less those not approved. */
  readonly total: string;
  /** Who decided, and when. */
  readonly who: string;
  readonly open: CardAction;
}

function approvedCard({ claim, who, total, open }: Outcome): AdaptiveCard {
  return card(
    [
      heading(`Claim approved: ${claim.partnerName}`, 'Medium'),
      paragraph(
        `Approved by ${who}. ${total} will be paid with the next payment run: expenses to the partner\u2019s bank account, any involvement payment through payroll.`,
      ),
      paragraph('Nothing more to do. You could let the partner know it is on its way.'),
    ],
    [open],
    { fallbackText: `Claim for ${claim.partnerName} approved` },
  );
}

function partlyApprovedCard({ claim, who, total, open }: Outcome): AdaptiveCard {
  const rejected = rejectedItemsOf(claim);
  return card(
    [
      heading(`Claim partly approved: ${claim.partnerName}`, 'Medium'),
      paragraph(
        `Approved by ${who}: ${claim.items.length - rejected.length} of ${claim.items.length} items, ${total}, paid with the next payment run.`,
      ),
      paragraph('**Not approved:**'),
      ...rejected.map((rejection) => {
        const item = claim.items.find((candidate) => candidate.id === rejection.itemId);
        return paragraph(`${item ? itemTitle(item) : 'An item'}: ${rejection.reason}`);
      }),
      paragraph(
        'If you can put it right (a receipt, a corrected amount), correct the claim and send it back: the IEV team decides it again. Otherwise the approved part is paid as it is.',
      ),
    ],
    [CLAIM_VERBS.reopen.action('Correct and send back', { claimId: claim.id }), open],
    { fallbackText: `Claim for ${claim.partnerName} partly approved` },
  );
}

function rejectedCard({ claim, event, who, open }: Outcome): AdaptiveCard {
  return card(
    [
      heading(`Claim rejected: ${claim.partnerName}`, 'Medium'),
      paragraph(`Rejected by ${who}.`),
      paragraph(`**Reason:** ${event.note ?? ''}`),
      paragraph(
        'Please explain this to the partner. If something can be put right, correct the claim and send it back: it keeps its history.',
      ),
    ],
    [CLAIM_VERBS.reopen.action('Correct and send back', { claimId: claim.id }), open],
    { fallbackText: `Claim for ${claim.partnerName} rejected` },
  );
}

function queriedCard({ claim, event, open }: Outcome): AdaptiveCard {
  return card(
    [
      heading(`Question about the claim for ${claim.partnerName}`, 'Medium'),
      paragraph(`${event.byName} asked at ${formatDateTime(event.at)}:`),
      paragraph(`**${event.note ?? ''}**`),
      paragraph('Answer the question (and change the items if needed), then send the claim back.'),
    ],
    [CLAIM_VERBS.show.action('Answer the question', { claimId: claim.id }, { style: 'positive' }), open],
    { fallbackText: `Question about the claim for ${claim.partnerName}` },
  );
}

function paidCard({ claim, event, who, total, open }: Outcome): AdaptiveCard {
  return card(
    [
      heading(`Claim paid: ${claim.partnerName}`, 'Medium'),
      paragraph(
        `${total} was paid on ${formatDate(claim.paidOn ?? event.at)}: expenses to the partner\u2019s bank account, any involvement payment through payroll. Recorded by ${who}.`,
      ),
      paragraph('You could let the partner know, and thank them again for taking part.'),
    ],
    [open],
    { fallbackText: `Claim for ${claim.partnerName} paid` },
  );
}
