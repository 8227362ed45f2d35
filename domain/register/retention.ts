import type { Partner } from './partner.js';

/**
 * When a partner's register entry should be looked at again (UK GDPR storage limitation: keep
 * personal data no longer than needed). The Trust sets the number of years (RETENTION_REVIEW_YEARS,
 * default 3; reasoning in docs/register-tab.md). A review is a prompt for the IEV team to check in
 * with the partner or erase the entry; nothing is erased automatically.
 */
export interface RetentionPolicy {
  readonly yearsWithoutInvolvement: number;
}

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { yearsWithoutInvolvement: 3 };

/** Why an entry is due for review, in words IEV can act on. */
export type RetentionReason = 'left-the-register' | 'not-involved-recently' | 'never-involved';

export const RETENTION_REASON_TEXT: Readonly<Record<RetentionReason, string>> = {
  'left-the-register': 'Has left the register',
  'not-involved-recently': 'Not involved for a long time',
  'never-involved': 'Registered long ago and never involved',
};

export type RetentionFacts = Pick<Partner, 'status' | 'registeredAt' | 'lastInvolvedAt' | 'erasure'>;

/** The reason a partner is due for review on `now`, or undefined when their entry can stay as it is. */
export function retentionReviewReason(
  partner: RetentionFacts,
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION_POLICY,
): RetentionReason | undefined {
  // Once erased there is nothing personal left to review.
  if (partner.erasure) return undefined;
  if (partner.status === 'left') return 'left-the-register';
  const cutoff = retentionCutoff(now, policy);
  if (partner.lastInvolvedAt) return partner.lastInvolvedAt < cutoff ? 'not-involved-recently' : undefined;
  return partner.registeredAt < cutoff ? 'never-involved' : undefined;
}

/** The ISO instant before which involvement (or, for those never involved, registration) counts as too long ago. */
export function retentionCutoff(now: Date, policy: RetentionPolicy = DEFAULT_RETENTION_POLICY): string {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - policy.yearsWithoutInvolvement);
  return cutoff.toISOString();
}
