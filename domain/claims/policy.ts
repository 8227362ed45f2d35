import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * The reimbursement policy is data (policy/reimbursement-policy.json), validated here once at
 * start-up. Amounts are integer pence: money is never a float.
 */
const pence = z.number().int().min(0).max(1_000_000);
const source = z.string().min(10, 'every policy value needs its source');

const mileageBand = z.object({
  /** The band applies while the partner's miles so far in the tax year are below this; the last band has none. */
  upToMilesInTaxYear: z.number().int().positive().optional(),
  pencePerMile: pence,
});

const vehicle = z
  .object({ label: z.string().min(1), bands: z.array(mileageBand).min(1), passengerPencePerMile: pence })
  .refine(
    (value) =>
      value.bands.slice(0, -1).every((band) => band.upToMilesInTaxYear !== undefined) &&
      value.bands.at(-1)!.upToMilesInTaxYear === undefined,
    {
      message: 'every mileage band but the last needs upToMilesInTaxYear; the last must have none',
    },
  );

export const VEHICLES = ['car', 'motorcycle', 'bicycle'] as const;

export const policySchema = z.object({
  $comment: z.string().optional(),
  version: z.string().min(1).max(40),
  effectiveFrom: z.iso.date(),
  mileage: z.object({
    source,
    /** MM-DD; the UK tax year starts on 6 April. */
    taxYearStarts: z.string().regex(/^\d{2}-\d{2}$/),
    vehicles: z.object({ car: vehicle, motorcycle: vehicle, bicycle: vehicle }),
  }),
  publicTransport: z.object({ source, receiptRequired: z.boolean(), class: z.literal('standard') }),
  taxi: z.object({ source, priorAgreementRequired: z.boolean(), receiptRequired: z.boolean() }),
  parking: z.object({ source, receiptRequired: z.boolean() }),
  care: z.object({ source, receiptRequired: z.boolean(), capPencePerClaim: pence }),
  subsistence: z.object({ source, capPencePerDay: pence }),
  receipts: z.object({ source, thresholdPence: pence }),
  claimAge: z.object({ source, maxDays: z.number().int().positive().max(3660) }),
  payment: z.object({ source, targetDaysToPay: z.number().int().positive().max(365) }),
  involvementPayments: z.object({
    source,
    examples: z.boolean(),
    paidThrough: z.literal('payroll'),
    taxable: z.literal(true),
    levels: z
      .array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), pencePerHour: pence }))
      .min(1),
  }),
});

export type ReimbursementPolicy = z.infer<typeof policySchema>;

// policy/ is at the repository root, two folders up from domain/claims/ in the sources and three from
// dist/domain/claims/ once built (npm run start:prod, App Service).
const SOURCE_ROOT = join(import.meta.dirname, '..', '..');
export const DEFAULT_POLICY_FILE = join(
  basename(SOURCE_ROOT) === 'dist' ? dirname(SOURCE_ROOT) : SOURCE_ROOT,
  'policy',
  'reimbursement-policy.json',
);

export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

/** Parses and checks a policy; the message lists every problem so whoever edited the file can fix it in one go. */
export function parsePolicy(raw: unknown): ReimbursementPolicy {
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    throw new PolicyError(
      `The reimbursement policy is not valid:\n${parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}

export function loadPolicy(file: string = DEFAULT_POLICY_FILE): ReimbursementPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PolicyError(`Could not read the reimbursement policy at ${file}`, { cause: error });
  }
  try {
    return parsePolicy(JSON.parse(text));
  } catch (error) {
    if (error instanceof PolicyError) throw error;
    throw new PolicyError(`The reimbursement policy at ${file} is not valid JSON`, { cause: error });
  }
}
