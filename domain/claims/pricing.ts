import {
  payableItems,
  type ClaimDocument,
  type ClaimTotals,
  type ItemInput,
  type PolicyFlag,
  type PricedItem,
} from './claim.js';
import { formatPounds, formatRate, formatTenths, milesToTenths } from './money.js';
import type { ReimbursementPolicy } from './policy.js';
import type { PaymentChoice } from './payment-preference.js';

/**
 * Works out what each item of a claim is worth under a policy, and what breaks the policy.
 * Pure: the same items, policy and context always give the same amounts (integer pence).
 */
export interface PricingContext {
  readonly policy: ReimbursementPolicy;
  /** The day the claim is checked (YYYY-MM-DD); claim age counts back from it. */
  readonly today: string;
  /** Car miles (in tenths) already claimed for this partner on other claims, by tax year ("2025" = 2025/26). */
  readonly priorCarTenthsByTaxYear: Readonly<Record<string, number>>;
  readonly itemsWithReceipts: ReadonlySet<string>;
  readonly paymentChoice: PaymentChoice;
}

export const BENEFITS_ADVICE =
  'Payments for involvement can affect benefits (expenses do not). Before choosing, the partner can get free advice from Citizens Advice or the benefits helpline on gov.uk.';

export function priceItems(
  items: ReadonlyArray<{ id: string; input: ItemInput }>,
  context: PricingContext,
): PricedItem[] {
  const carTenths: Record<string, number> = { ...context.priorCarTenthsByTaxYear };
  let careSoFar = 0;
  const subsistenceByDay: Record<string, number> = {};
  return items.map(({ id, input }) => {
    const priced = priceOne(input, context, { carTenths, careSoFar, subsistenceByDay });
    if (input.kind === 'care') careSoFar += priced.amountPence;
    if (input.kind === 'subsistence')
      subsistenceByDay[input.date] = (subsistenceByDay[input.date] ?? 0) + priced.amountPence;
    const flags = [...priced.flags, ...commonFlags(input, priced.claimedPence, id, context)];
    return { id, input, ...priced, flags };
  });
}

/** The totals that are paid: every item less those not approved (partial approval). */
export function payableTotals(claim: Pick<ClaimDocument, 'decision' | 'items'>): ClaimTotals {
  return totalsOf(payableItems(claim));
}

export function totalsOf(items: readonly PricedItem[]): ClaimTotals {
  let expensesPence = 0;
  let paymentsPence = 0;
  for (const item of items) {
    if (item.category === 'payment') paymentsPence += item.amountPence;
    else expensesPence += item.amountPence;
  }
  return { expensesPence, paymentsPence };
}

/** "2025" for any date from 6 April 2025 to 5 April 2026 (with the policy's start day). */
export function taxYearOf(date: string, taxYearStarts: string): string {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= taxYearStarts ? String(year) : String(year - 1);
}

interface Running {
  readonly carTenths: Record<string, number>;
  readonly careSoFar: number;
  readonly subsistenceByDay: Readonly<Record<string, number>>;
}

type Priced = Omit<PricedItem, 'id' | 'input'>;

function priceOne(input: ItemInput, context: PricingContext, running: Running): Priced {
  const { policy } = context;
  switch (input.kind) {
    case 'mileage':
      return priceMileage(input, policy, running.carTenths);
    case 'fare':
      return plainExpense(
        input.amountPence,
        `${capitalise(input.mode)} fare (standard class): ${formatPounds(input.amountPence)}`,
      );
    case 'parking':
      return plainExpense(input.amountPence, `Parking: ${formatPounds(input.amountPence)}`);
    case 'taxi': {
      const priced = plainExpense(input.amountPence, `Taxi: ${formatPounds(input.amountPence)}`);
      if (!policy.taxi.priorAgreementRequired || input.priorAgreement) return priced;
      return {
        ...priced,
        flags: [
          {
            code: 'taxi-without-agreement',
            message:
              'Taxis are only paid when agreed in advance. Say who agreed it, or the IEV team may refuse this item.',
          },
        ],
      };
    }
    case 'care':
      return capped(
        input.amountPence,
        policy.care.capPencePerClaim - running.careSoFar,
        `${careLabel(input.careType)}: ${formatPounds(input.amountPence)}`,
        `Care costs are capped at ${formatPounds(policy.care.capPencePerClaim)} per claim`,
      );
    case 'subsistence':
      return capped(
        input.amountPence,
        policy.subsistence.capPencePerDay - (running.subsistenceByDay[input.date] ?? 0),
        `Food and drink: ${formatPounds(input.amountPence)}`,
        `Food and drink is capped at ${formatPounds(policy.subsistence.capPencePerDay)} a day`,
      );
    case 'involvement-time':
      return priceTime(input, context);
  }
}

function priceMileage(
  input: Extract<ItemInput, { kind: 'mileage' }>,
  policy: ReimbursementPolicy,
  carTenths: Record<string, number>,
): Priced {
  const vehicle = policy.mileage.vehicles[input.vehicle];
  const tenths = milesToTenths(input.miles);
  const taxYear = taxYearOf(input.date, policy.mileage.taxYearStarts);
  const before = input.vehicle === 'car' ? (carTenths[taxYear] ?? 0) : 0;
  const parts: string[] = [];
  let pence = 0;
  let remaining = tenths;
  let position = before;
  let bandsUsed = 0;
  for (const band of vehicle.bands) {
    if (remaining === 0) break;
    const bandEnd = band.upToMilesInTaxYear === undefined ? Number.POSITIVE_INFINITY : band.upToMilesInTaxYear * 10;
    const inBand = Math.min(remaining, Math.max(0, bandEnd - position));
    if (inBand === 0) continue;
    const bandPence = Math.round((inBand * band.pencePerMile) / 10);
    parts.push(`${formatTenths(inBand)} miles × ${formatRate(band.pencePerMile)} = ${formatPounds(bandPence)}`);
    pence += bandPence;
    bandsUsed += 1;
    remaining -= inBand;
    position += inBand;
  }
  if (input.vehicle === 'car') carTenths[taxYear] = before + tenths;
  const passengerRate = vehicle.passengerPencePerMile;
  if (input.passengers > 0 && passengerRate > 0) {
    const passengerPence = Math.round((input.passengers * tenths * passengerRate) / 10);
    parts.push(
      `${input.passengers} passenger${input.passengers === 1 ? '' : 's'} × ${formatTenths(tenths)} miles × ${formatRate(passengerRate)} = ${formatPounds(passengerPence)}`,
    );
    pence += passengerPence;
  }
  const firstLimit = vehicle.bands[0]!.upToMilesInTaxYear;
  const note =
    bandsUsed > 1 && firstLimit
      ? ` (the rate drops after ${firstLimit.toLocaleString('en-GB')} miles in the tax year)`
      : '';
  const explanation =
    parts.length > 1
      ? `${parts.join('; ')}; total ${formatPounds(pence)}${note}`
      : `${parts[0] ?? `0 miles = ${formatPounds(0)}`}${note}`;
  return { category: 'expense', claimedPence: pence, amountPence: pence, explanation, flags: [] };
}

function priceTime(input: Extract<ItemInput, { kind: 'involvement-time' }>, context: PricingContext): Priced {
  const level = context.policy.involvementPayments.levels.find((candidate) => candidate.id === input.levelId);
  const quarters = Math.round(input.hours * 4);
  const rate = level?.pencePerHour ?? 0;
  const pence = Math.round((quarters * rate) / 4);
  const hours = (quarters / 4).toLocaleString('en-GB');
  const explanation = `${hours} hour${quarters === 4 ? '' : 's'} × ${formatPounds(rate)} an hour = ${formatPounds(pence)} (taxable payment through payroll)`;
  const flags: PolicyFlag[] = [];
  let amountPence = pence;
  if (!level) {
    amountPence = 0;
    flags.push({ code: 'over-cap', message: 'This kind of involvement has no payment rate in the current policy.' });
  } else if (context.paymentChoice === 'not-chosen') {
    flags.push({
      code: 'payment-preference-not-chosen',
      message: `The partner has not said whether they want to be paid. ${BENEFITS_ADVICE}`,
    });
  } else if (context.paymentChoice !== 'accept-payment') {
    amountPence = 0;
    flags.push({
      code: 'payment-declined',
      message: 'The partner has chosen not to receive payments, so this time is recorded but not paid.',
    });
  }
  return { category: 'payment', claimedPence: pence, amountPence, explanation, flags };
}

function plainExpense(pence: number, explanation: string): Priced {
  return { category: 'expense', claimedPence: pence, amountPence: pence, explanation, flags: [] };
}

function capped(claimed: number, room: number, explanation: string, capRule: string): Priced {
  const allowed = Math.max(0, Math.min(claimed, room));
  if (allowed === claimed) return plainExpense(claimed, explanation);
  return {
    category: 'expense',
    claimedPence: claimed,
    amountPence: allowed,
    explanation: `${explanation}, ${formatPounds(allowed)} allowed`,
    flags: [
      { code: 'over-cap', message: `${capRule}: ${formatPounds(claimed)} claimed, ${formatPounds(allowed)} allowed.` },
    ],
  };
}

/** Receipts, claim age and dates apply to every kind of item. */
function commonFlags(input: ItemInput, claimedPence: number, itemId: string, context: PricingContext): PolicyFlag[] {
  const flags: PolicyFlag[] = [];
  if (needsReceipt(input, claimedPence, context.policy) && !context.itemsWithReceipts.has(itemId)) {
    flags.push({ code: 'missing-receipt', message: 'Needs a receipt: send a photo or file of it to me in this chat.' });
  }
  const age = daysBetween(input.date, context.today);
  if (age > context.policy.claimAge.maxDays) {
    flags.push({
      code: 'too-old',
      message: `This was ${age} days ago. Claims older than ${context.policy.claimAge.maxDays} days need the IEV team\u2019s agreement.`,
    });
  }
  if (age < 0)
    flags.push({
      code: 'future-date',
      message: 'This date is in the future. Claim for things that have already happened.',
    });
  return flags;
}

export function needsReceipt(input: ItemInput, claimedPence: number, policy: ReimbursementPolicy): boolean {
  if (input.kind === 'mileage' || input.kind === 'involvement-time') return false;
  const byKind =
    (input.kind === 'fare' && policy.publicTransport.receiptRequired) ||
    (input.kind === 'taxi' && policy.taxi.receiptRequired) ||
    (input.kind === 'parking' && policy.parking.receiptRequired) ||
    (input.kind === 'care' && policy.care.receiptRequired);
  return byKind || claimedPence >= policy.receipts.thresholdPence;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function careLabel(type: 'carer' | 'childcare' | 'support-worker'): string {
  return { carer: 'Carer costs', childcare: 'Childcare', 'support-worker': 'Support worker' }[type];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
