import assert from 'node:assert/strict';
import { loadPolicy, parsePolicy, type ReimbursementPolicy } from '../../domain/claims/policy.js';
import { priceItems, taxYearOf, totalsOf, type PricingContext } from '../../domain/claims/pricing.js';
import type { FlagCode, ItemInput } from '../../domain/claims/claim.js';
import { parsePounds } from '../../domain/claims/money.js';

const policy = loadPolicy();
const TODAY = '2025-06-10';

function context(overrides: Partial<PricingContext> = {}): PricingContext {
  return {
    policy,
    today: TODAY,
    priorCarTenthsByTaxYear: {},
    itemsWithReceipts: new Set(['with-receipt']),
    paymentChoice: 'accept-payment',
    ...overrides,
  };
}

const car = (miles: number, extra: Partial<Extract<ItemInput, { kind: 'mileage' }>> = {}): ItemInput => ({
  kind: 'mileage',
  date: TODAY,
  vehicle: 'car',
  from: 'Mansfield',
  to: 'Nottingham',
  miles,
  passengers: 0,
  ...extra,
});

interface Row {
  readonly name: string;
  readonly input: ItemInput;
  readonly context?: Partial<PricingContext>;
  readonly receipt?: boolean;
  readonly amountPence: number;
  readonly explanation?: string;
  readonly flags?: readonly FlagCode[];
}

const ROWS: readonly Row[] = [
  { name: 'car miles at the first-band rate', input: car(12), amountPence: 540, explanation: '12 miles × 45p = £5.40' },
  {
    name: 'tenths of a mile, rounded to the penny',
    input: car(12.5),
    amountPence: 563,
    explanation: '12.5 miles × 45p = £5.63',
  },
  {
    name: 'a journey crossing 10,000 miles in the tax year is split between the bands',
    input: car(12),
    context: { priorCarTenthsByTaxYear: { '2025': 99_950 } },
    amountPence: 5 * 45 + 7 * 25,
    explanation:
      '5 miles × 45p = £2.25; 7 miles × 25p = £1.75; total £4.00 (the rate drops after 10,000 miles in the tax year)',
  },
  {
    name: 'miles after 10,000 in the tax year are at 25p',
    input: car(10),
    context: { priorCarTenthsByTaxYear: { '2025': 100_000 } },
    amountPence: 250,
    explanation: '10 miles × 25p = £2.50',
  },
  {
    name: 'miles in the previous tax year do not count towards the band',
    input: car(10),
    context: { priorCarTenthsByTaxYear: { '2024': 100_000 } },
    amountPence: 450,
  },
  {
    name: 'passengers add 5p a mile each',
    input: car(10, { passengers: 2 }),
    amountPence: 450 + 100,
    explanation: '10 miles × 45p = £4.50; 2 passengers × 10 miles × 5p = £1.00; total £5.50',
  },
  {
    name: 'motorcycle at 24p',
    input: car(10, { vehicle: 'motorcycle' }),
    amountPence: 240,
    explanation: '10 miles × 24p = £2.40',
  },
  {
    name: 'bicycle at 20p, and bicycle passengers earn nothing',
    input: car(10, { vehicle: 'bicycle', passengers: 1 }),
    amountPence: 200,
  },
  {
    name: 'a bus fare with its receipt',
    input: { kind: 'fare', date: TODAY, mode: 'bus', description: 'Return', amountPence: 450 },
    receipt: true,
    amountPence: 450,
    flags: [],
  },
  {
    name: 'a fare without a receipt is flagged',
    input: { kind: 'fare', date: TODAY, mode: 'train', description: 'Return', amountPence: 450 },
    amountPence: 450,
    flags: ['missing-receipt'],
  },
  {
    name: 'parking without a receipt is flagged',
    input: { kind: 'parking', date: TODAY, description: 'Hospital car park', amountPence: 300 },
    amountPence: 300,
    flags: ['missing-receipt'],
  },
  {
    name: 'food under the receipt threshold needs no receipt',
    input: { kind: 'subsistence', date: TODAY, description: 'Lunch', amountPence: 650 },
    amountPence: 650,
    flags: [],
  },
  {
    name: 'food over the daily cap is reduced to the cap',
    input: { kind: 'subsistence', date: TODAY, description: 'Dinner', amountPence: 1500 },
    receipt: true,
    amountPence: 1000,
    flags: ['over-cap'],
  },
  {
    name: 'anything at the receipt threshold needs a receipt',
    input: { kind: 'subsistence', date: TODAY, description: 'Lunch', amountPence: 1000 },
    amountPence: 1000,
    flags: ['missing-receipt'],
  },
  {
    name: 'care costs over the per-claim cap are reduced to the cap',
    input: { kind: 'care', date: TODAY, careType: 'childcare', amountPence: 7500 },
    receipt: true,
    amountPence: 6000,
    flags: ['over-cap'],
  },
  {
    name: 'a taxi without prior agreement is flagged',
    input: { kind: 'taxi', date: TODAY, description: 'To the hub', amountPence: 800 },
    receipt: true,
    amountPence: 800,
    flags: ['taxi-without-agreement'],
  },
  {
    name: 'a taxi agreed in advance is not flagged',
    input: {
      kind: 'taxi',
      date: TODAY,
      description: 'To the hub',
      amountPence: 800,
      priorAgreement: 'Agreed by Ivy, access needs',
    },
    receipt: true,
    amountPence: 800,
    flags: [],
  },
  { name: 'a journey 92 days ago is still in time', input: car(1, { date: '2025-03-10' }), amountPence: 45, flags: [] },
  {
    name: 'a journey 93 days ago is too old',
    input: car(1, { date: '2025-03-09' }),
    amountPence: 45,
    flags: ['too-old'],
  },
  {
    name: 'a date in the future is flagged',
    input: car(1, { date: '2025-06-11' }),
    amountPence: 45,
    flags: ['future-date'],
  },
  {
    name: 'involvement time at its level rate',
    input: { kind: 'involvement-time', date: TODAY, levelId: 'contribute', hours: 1.5 },
    amountPence: 3000,
    explanation: '1.5 hours × £20.00 an hour = £30.00 (taxable payment through payroll)',
    flags: [],
  },
  {
    name: 'involvement time for a partner who has not chosen prompts for a choice',
    input: { kind: 'involvement-time', date: TODAY, levelId: 'attend', hours: 2 },
    context: { paymentChoice: 'not-chosen' },
    amountPence: 3000,
    flags: ['payment-preference-not-chosen'],
  },
  {
    name: 'involvement time for a partner who wants expenses only is not paid',
    input: { kind: 'involvement-time', date: TODAY, levelId: 'attend', hours: 2 },
    context: { paymentChoice: 'expenses-only' },
    amountPence: 0,
    flags: ['payment-declined'],
  },
];

describe('reimbursement policy: what each item is worth', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const id = row.receipt ? 'with-receipt' : 'item-1';
      const [priced] = priceItems([{ id, input: row.input }], context(row.context));
      assert.equal(priced!.amountPence, row.amountPence);
      if (row.explanation) assert.equal(priced!.explanation, row.explanation);
      if (row.flags)
        assert.deepEqual(
          priced!.flags.map((flag) => flag.code),
          row.flags,
        );
    });
  }

  it('carries the 10,000-mile band across items of the same claim', () => {
    const priced = priceItems(
      [
        { id: 'a', input: car(9_995) },
        { id: 'b', input: car(10) },
      ],
      context(),
    );
    assert.equal(priced[0]!.amountPence, 9_995 * 45);
    assert.equal(priced[1]!.amountPence, 5 * 45 + 5 * 25);
  });

  it('caps care costs across the whole claim, not per item', () => {
    const care = (amountPence: number): ItemInput => ({ kind: 'care', date: TODAY, careType: 'carer', amountPence });
    const priced = priceItems(
      [
        { id: 'with-receipt', input: care(4000) },
        { id: 'with-receipt', input: care(4000) },
      ],
      context(),
    );
    assert.deepEqual(
      priced.map((item) => item.amountPence),
      [4000, 2000],
    );
  });

  it('keeps expenses and taxable payments apart in the totals', () => {
    const priced = priceItems(
      [
        { id: 'a', input: car(12) },
        { id: 'b', input: { kind: 'involvement-time', date: TODAY, levelId: 'attend', hours: 1 } },
      ],
      context(),
    );
    assert.deepEqual(totalsOf(priced), { expensesPence: 540, paymentsPence: 1500 });
  });
});

describe('reimbursement policy: the file and its rules', () => {
  it('ships HMRC 2025/26 mileage rates and labels involvement payment rates as examples', () => {
    assert.deepEqual(policy.mileage.vehicles.car.bands, [
      { upToMilesInTaxYear: 10000, pencePerMile: 45 },
      { pencePerMile: 25 },
    ]);
    assert.equal(policy.involvementPayments.examples, true);
    assert.ok(policy.involvementPayments.levels.every((level) => level.label.startsWith('Example')));
  });

  it('refuses a policy with a missing source or a floating-point rate, listing every problem', () => {
    const broken = structuredClone(policy) as unknown as {
      parking: { source?: string };
      mileage: { vehicles: { car: { bands: Array<{ pencePerMile: number }> } } };
    };
    delete broken.parking.source;
    broken.mileage.vehicles.car.bands[0]!.pencePerMile = 0.45;
    assert.throws(
      () => parsePolicy(broken),
      (error: Error) => /parking\.source/.test(error.message) && /pencePerMile/.test(error.message),
    );
  });

  it('counts the tax year from 6 April', () => {
    assert.equal(taxYearOf('2025-04-05', '04-06'), '2024');
    assert.equal(taxYearOf('2025-04-06', '04-06'), '2025');
  });

  it('reads amounts of money as people type them', () => {
    assert.deepEqual(['£4.50', '4.5', '12', '1,200.05', 'four', '4.505'].map(parsePounds), [
      450,
      450,
      1200,
      120005,
      undefined,
      undefined,
    ]);
  });

  it('prices the same journey differently under a new policy, so each claim keeps the version it was checked with', () => {
    const newer: ReimbursementPolicy = parsePolicy({
      ...structuredClone(policy),
      version: '2026-27.1',
      mileage: {
        ...policy.mileage,
        vehicles: {
          ...policy.mileage.vehicles,
          car: {
            ...policy.mileage.vehicles.car,
            bands: [{ upToMilesInTaxYear: 10000, pencePerMile: 55 }, { pencePerMile: 25 }],
          },
        },
      },
    });
    const [before] = priceItems([{ id: 'a', input: car(12) }], context());
    const [after] = priceItems([{ id: 'a', input: car(12) }], context({ policy: newer }));
    assert.equal(before!.amountPence, 540);
    assert.equal(after!.amountPence, 660);
  });
});
