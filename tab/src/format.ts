const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/London',
});

export function formatDate(iso: string | undefined, fallback = 'Not yet'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? fallback : DATE.format(date);
}

export function formatPounds(pence: number | undefined): string {
  return pence === undefined ? 'Amount not known' : `\u00a3${(pence / 100).toFixed(2)}`;
}

export const STATUS_LABEL = { active: 'Active', paused: 'Paused', left: 'Left the register' } as const;

export const PAYMENT_LABEL: Record<string, string> = {
  'accept-payment': 'Involvement payment and expenses',
  'expenses-only': 'Expenses only',
  decline: 'No payment or expenses',
  'not-chosen': 'Not chosen yet',
};

/** A claim's state as the IEV team and hosts read it (the same words as the approval card). */
export const CLAIM_STATUS_LABEL: Record<string, string> = {
  draft: 'Draft (not sent yet)',
  submitted: 'Waiting for a decision',
  queried: 'Question for the host',
  resubmitted: 'Answered, waiting for a decision',
  approved: 'Approved',
  rejected: 'Rejected',
  reopened: 'Reopened by the host to correct',
  exported: 'Sent for payment',
  paid: 'Paid',
};
