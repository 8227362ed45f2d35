import type { ClaimDocument, ItemKind } from './claim.js';
import { STATUS_LABELS } from './claim.js';

/** How a claim's state and times are said to people, the same on a card and in the tab. */

/** What kind of cost an item is, in a word or two: on the claim and approval cards and the tab's claim page. */
export const ITEM_KIND_LABELS: Readonly<Record<ItemKind, string>> = {
  mileage: 'Mileage',
  fare: 'Public transport',
  taxi: 'Taxi',
  parking: 'Parking',
  care: 'Care costs',
  subsistence: 'Food and drink',
  'involvement-time': 'Involvement time',
};

/** "Approved by Ivy IEV at 14:05 on 3 June 2025", from the claim's own record. */
export function statusLine(claim: ClaimDocument): string {
  const last = claim.history.at(-1);
  const label = STATUS_LABELS[claim.status];
  if (!last || claim.status === 'draft') return label;
  const verb = {
    submitted: 'Submitted',
    resubmitted: 'Resubmitted',
    approved: 'Approved',
    rejected: 'Rejected',
    reopened: 'Reopened',
    queried: 'Queried',
    exported: 'Exported for payment',
    paid: 'Marked paid',
    draft: 'Started',
  }[last.status];
  return `${verb} by ${last.byName} at ${formatDateTime(last.at)}`;
}

export function formatDate(date: string): string {
  return new Date(`${date.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
}

export function formatDateTime(at: string): string {
  const when = new Date(at);
  const time = when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  return `${time} on ${formatDate(when.toISOString())}`;
}
