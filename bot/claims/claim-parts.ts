import { rejectedItemsOf, type ClaimDocument, type PricedItem } from '../../domain/claims/claim.js';
import { payableTotals } from '../../domain/claims/pricing.js';
import { formatDate, ITEM_KIND_LABELS } from '../../domain/claims/claim-words.js';
import { formatPounds } from '../../domain/claims/money.js';
import { container, facts, paragraph, type CardElement } from '../cards/adaptive-card.js';

/** Pieces shared by the claim card (host) and the approval card (IEV channel). */

export function itemTitle(item: PricedItem): string {
  const input = item.input;
  const what =
    input.kind === 'mileage'
      ? `${input.from} to ${input.to}`
      : 'description' in input
        ? input.description
        : input.kind === 'care'
          ? input.careType.replace('-', ' ')
          : '';
  return `${ITEM_KIND_LABELS[input.kind]}, ${formatDate(input.date)}${what ? `: ${what}` : ''}`;
}

/** One item: what it is, how the amount was worked out, and anything the policy flags. */
export function itemBlock(item: PricedItem, receipts: number, notApproved?: string): CardElement {
  return container([
    paragraph(`**${itemTitle(item)}**`),
    paragraph(item.explanation),
    ...(receipts > 0 ? [paragraph(`Receipt attached (${receipts})`, { subtle: true })] : []),
    ...item.flags.map((flag) => paragraph(`\u26a0 ${flag.message}`, { color: 'Attention' })),
    ...(notApproved !== undefined ? [paragraph(`**Not approved:** ${notApproved}`)] : []),
  ]);
}

export function itemBlocks(claim: ClaimDocument): CardElement[] {
  const rejected = new Map(rejectedItemsOf(claim).map((rejection) => [rejection.itemId, rejection.reason]));
  return claim.items.map((item) =>
    itemBlock(item, claim.receipts.filter((receipt) => receipt.itemId === item.id).length, rejected.get(item.id)),
  );
}

export function totalsFacts(claim: ClaimDocument): CardElement {
  const payable = payableTotals(claim);
  const partly = rejectedItemsOf(claim).length > 0;
  return facts([
    ['Expenses', formatPounds(claim.totals.expensesPence)],
    ['Involvement payments (taxable, via payroll)', formatPounds(claim.totals.paymentsPence)],
    ['Total', formatPounds(claim.totals.expensesPence + claim.totals.paymentsPence)],
    ...(partly
      ? ([['Approved (what is paid)', formatPounds(payable.expensesPence + payable.paymentsPence)]] as Array<
          [string, string]
        >)
      : []),
  ]);
}

export function flagCount(claim: ClaimDocument): number {
  return claim.items.reduce((sum, item) => sum + item.flags.length, 0);
}

// Said the same way on cards and in the tab's answers.
export { formatDate, formatDateTime, statusLine } from '../../domain/claims/claim-words.js';
