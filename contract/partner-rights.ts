import { z } from 'zod';
import { continuationSchema } from './common.js';
import type { PartnerStatus } from './register.js';

/** A partner's rights over their data (IEV only): a copy of it, erasure on request, and the retention review. */

export const erasureRequestSchema = z.object({
  reason: z
    .string('Say why the partner\u2019s data is being erased, for example \u201cthe partner asked us to\u201d.')
    .trim()
    .min(3, 'Say why the partner\u2019s data is being erased, for example \u201cthe partner asked us to\u201d.')
    .max(500, 'Keep the reason under 500 characters.'),
});
export type ErasureRequest = z.input<typeof erasureRequestSchema>;

export interface ErasureResult {
  readonly erasure: { readonly at: string; readonly byId: string; readonly byName: string; readonly reason: string };
  /** True when someone else's erasure got there first: theirs is the one that stands. */
  readonly alreadyErased: boolean;
}

/** A stored record, copied as it is for the partner to keep. */
export type StoredRecord = { readonly [field: string]: unknown };

/** A subject access export: everything the Involvement Hub holds about one partner. Downloaded as a JSON file. */
export interface PartnerDataExport {
  readonly about: string;
  readonly exportedAt: string;
  readonly exportedBy: string;
  readonly registerEntry: StoredRecord;
  readonly involvement: ReadonlyArray<{
    readonly planId: string;
    readonly title: string | undefined;
    readonly phase: string | undefined;
    readonly hostName: string | undefined;
    readonly serviceArea: string | undefined;
    readonly sessionsAttended: ReadonlyArray<{
      readonly date: string | undefined;
      readonly format: string | undefined;
      readonly minutes: number | undefined;
    }>;
  }>;
  readonly claims: readonly StoredRecord[];
  readonly auditTrail: ReadonlyArray<{
    readonly at: string;
    readonly by: string;
    readonly action: string;
    readonly fields: readonly string[];
  }>;
}

export const retentionReviewQuerySchema = z.object({ continuation: continuationSchema.optional() });

export interface RetentionReviewItem {
  readonly id: string;
  readonly displayName: string;
  readonly status: PartnerStatus;
  readonly registeredAt: string;
  readonly lastInvolvedAt?: string | undefined;
  readonly reason: 'left-the-register' | 'not-involved-recently' | 'never-involved';
  readonly reasonText: string;
}

export const consentRenewalsQuerySchema = z.object({ continuation: continuationSchema.optional() });

/** A partner with consents given longer ago than the renewal period (CONSENT_RENEWAL_MONTHS). */
export interface ConsentRenewalItem {
  readonly id: string;
  readonly displayName: string;
  readonly purposes: ReadonlyArray<{ readonly purpose: string; readonly text: string; readonly givenAt: string }>;
  /** When IEV asked the partner to renew this round (by their personal link), and where that message stands. */
  readonly asked?: { readonly at: string; readonly status: string } | undefined;
}

/** IEV asked a partner to renew (`already`: someone had asked them this round, and the first request stands). */
export interface ConsentRenewalAsked {
  readonly askedAt: string;
  readonly already: boolean;
}

export interface ConsentRenewalPage {
  readonly items: readonly ConsentRenewalItem[];
  readonly continuation?: string | undefined;
  readonly months: number;
}

export interface RetentionReviewPage {
  readonly items: readonly RetentionReviewItem[];
  readonly continuation?: string | undefined;
  /** The policy's years without involvement after which a partner is due for review. */
  readonly years: number;
}
