import type { ClaimDocument, ClaimStatus } from './claim.js';

/**
 * The IEV team's list of claims: the states they work with, the filters they narrow it by, and what each
 * row shows. Drafts are the host's own business and never listed here.
 */
export const CLAIM_LIST_STATES = ['waiting', 'queried', 'approved', 'exported', 'paid', 'rejected'] as const;
export type ClaimListState = (typeof CLAIM_LIST_STATES)[number];

export const STATUSES_BY_LIST_STATE: Readonly<Record<ClaimListState, readonly ClaimStatus[]>> = {
  waiting: ['submitted', 'resubmitted'],
  queried: ['queried', 'reopened'],
  approved: ['approved'],
  exported: ['exported'],
  paid: ['paid'],
  rejected: ['rejected'],
};

export const LISTED_STATUSES: readonly ClaimStatus[] = CLAIM_LIST_STATES.flatMap(
  (state) => STATUSES_BY_LIST_STATE[state],
);

/** Claims the Trust still owes money on: their pay-by target still matters. */
export const UNPAID_STATUSES: readonly ClaimStatus[] = [
  'submitted',
  'queried',
  'reopened',
  'resubmitted',
  'approved',
  'exported',
];

export interface ClaimListFilters {
  readonly state?: ClaimListState | undefined;
  readonly hostId?: string | undefined;
  readonly partnerId?: string | undefined;
  /** First submitted on or after this day (YYYY-MM-DD). */
  readonly submittedFrom?: string | undefined;
  /** First submitted on or before this day (YYYY-MM-DD). */
  readonly submittedTo?: string | undefined;
  /** Only unpaid claims whose pay-by target has passed. */
  readonly pastPayBy?: boolean | undefined;
}

/** What the store is asked for: the filters, resolved against today, one page at a time. */
export interface ClaimListQuery {
  readonly statuses: readonly ClaimStatus[];
  readonly hostId?: string | undefined;
  readonly partnerId?: string | undefined;
  readonly submittedFrom?: string | undefined;
  /** Exclusive: the day after the last day asked for. */
  readonly submittedBefore?: string | undefined;
  /** Only unpaid claims whose pay-by day is before this day. */
  readonly payByBefore?: string | undefined;
  readonly pageSize: number;
  readonly continuation?: string | undefined;
}

export function listQueryFor(
  filters: ClaimListFilters,
  today: string,
  page: { pageSize: number; continuation?: string | undefined },
): ClaimListQuery {
  const statuses = filters.state ? STATUSES_BY_LIST_STATE[filters.state] : LISTED_STATUSES;
  return {
    statuses: filters.pastPayBy ? statuses.filter((status) => UNPAID_STATUSES.includes(status)) : statuses,
    hostId: filters.hostId,
    partnerId: filters.partnerId,
    submittedFrom: filters.submittedFrom,
    submittedBefore: filters.submittedTo ? dayAfter(filters.submittedTo) : undefined,
    payByBefore: filters.pastPayBy ? today : undefined,
    pageSize: page.pageSize,
    continuation: page.continuation,
  };
}

/** Unpaid and past the Trust's pay-by target (a day counted in UTC, as `payBy` is). */
export function isPastPayBy(claim: Pick<ClaimDocument, 'status' | 'payBy'>, today: string): boolean {
  return claim.payBy !== undefined && claim.payBy < today && UNPAID_STATUSES.includes(claim.status);
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
