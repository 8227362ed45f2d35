import { dayOf } from './claim-day.js';
import type { ClaimDocument } from './claim.js';
import { milesToTenths } from './money.js';
import type { ClaimPorts } from './ports.js';
import { priceItems, taxYearOf, totalsOf } from './pricing.js';

export type RepricePorts = Pick<ClaimPorts, 'claims' | 'partners' | 'policy' | 'clock'>;

/** Checks every item against the current policy, as of today. */
export async function repriceClaim(ports: RepricePorts, claim: ClaimDocument): Promise<ClaimDocument> {
  const policy = ports.policy();
  const partner = await ports.partners.find(claim.partnerId);
  const others = await ports.claims.countingClaimsForPartner(claim.partnerId, claim.id);
  const items = priceItems(claim.items, {
    policy,
    today: dayOf(ports.clock()),
    priorCarTenthsByTaxYear: carTenthsByTaxYear(others, policy.mileage.taxYearStarts),
    itemsWithReceipts: new Set(claim.receipts.flatMap((receipt) => (receipt.itemId ? [receipt.itemId] : []))),
    paymentChoice: partner?.paymentPreference.choice ?? 'not-chosen',
  });
  return { ...claim, items, totals: totalsOf(items), policyVersion: policy.version };
}

function carTenthsByTaxYear(claims: readonly ClaimDocument[], taxYearStarts: string): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const claim of claims) {
    for (const { input } of claim.items) {
      if (input.kind !== 'mileage' || input.vehicle !== 'car') continue;
      const year = taxYearOf(input.date, taxYearStarts);
      totals[year] = (totals[year] ?? 0) + milesToTenths(input.miles);
    }
  }
  return totals;
}
