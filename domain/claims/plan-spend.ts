import type { ClaimDocument } from './claim.js';
import type { ClaimPorts } from './ports.js';
import { payableTotals } from './pricing.js';

/** A plan's expenses and payments: claimed (sent, not rejected) and paid, in pence. */
export interface PlanSpend {
  readonly claims: number;
  readonly claimedPence: number;
  readonly paidPence: number;
}

/**
 * What a plan's claims come to, for its summary: claimed (sent and not rejected; approved amounts once
 * decided) and paid. The plan is one its host has already opened.
 */
export async function spendOnPlan(
  ports: Pick<ClaimPorts, 'claims'>,
  plan: { readonly id: string; readonly hostId: string },
): Promise<PlanSpend> {
  const claims = await ports.claims.forPlan(plan.hostId, plan.id);
  return {
    claims: claims.length,
    claimedPence: payableSum(claims.filter((claim) => claim.status !== 'rejected')),
    paidPence: payableSum(claims.filter((claim) => claim.status === 'paid')),
  };
}

function payableSum(claims: readonly ClaimDocument[]): number {
  return claims.reduce((total, claim) => {
    const payable = payableTotals(claim);
    return total + payable.expensesPence + payable.paymentsPence;
  }, 0);
}
