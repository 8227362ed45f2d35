import type { ClaimDocument, ClaimStatus, HistoryEntry, ItemInput } from '../domain/claims/claim.js';
import { priceItems, totalsOf } from '../domain/claims/pricing.js';
import type { Services } from '../server/services.js';
import type { Containers } from '../storage/cosmos.js';
import { createEach } from './create-each.js';
import { fictionalPartner } from './demo-partners.js';
import { DEMO_PEOPLE } from './demo-people.js';

const DAY_MS = 86_400_000;

interface DemoExample {
  readonly partnerIndex: number;
  readonly work: string;
  readonly items: ItemInput[];
  readonly history: HistoryEntry[];
}

type DemoPerson = { readonly id: string; readonly displayName: string };

/** Days ago as a time and as a date, from one "now", so every example reads as recent whenever it is seeded. */
function demoCalendar(now: number) {
  const day = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  const date = (daysAgo: number) => day(daysAgo).slice(0, 10);
  const by = (person: DemoPerson, status: ClaimStatus, daysAgo: number, note?: string): HistoryEntry => ({
    status,
    at: day(daysAgo),
    byId: person.id,
    byName: person.displayName,
    note,
    operationId: `demo:${status}:${daysAgo}`,
  });
  const drive = (daysAgo: number, miles: number): ItemInput => ({
    kind: 'mileage',
    date: date(daysAgo),
    vehicle: 'car',
    from: 'Mansfield',
    to: 'Highbury Hospital',
    miles,
    passengers: 0,
  });
  return { day, date, by, drive };
}

/** One claim in each state worth seeing: a draft, waiting, queried, approved, rejected, waiting longer, and paid. */
function demoExamples(calendar: ReturnType<typeof demoCalendar>, host: DemoPerson, iev: DemoPerson): DemoExample[] {
  const { date, by, drive } = calendar;
  return [
    {
      partnerIndex: 0,
      work: 'Ward 3 discharge redesign: workshop',
      items: [drive(3, 14), { kind: 'involvement-time', date: date(3), levelId: 'contribute', hours: 2 }],
      history: [by(host, 'draft', 3)],
    },
    {
      partnerIndex: 4,
      work: 'Recovery college course design',
      items: [drive(6, 22), { kind: 'parking', date: date(6), description: 'Hospital car park', amountPence: 350 }],
      history: [by(host, 'draft', 6), by(host, 'submitted', 5)],
    },
    {
      partnerIndex: 1,
      work: 'Interview panel: community nurse',
      items: [
        { kind: 'fare', date: date(9), mode: 'bus', description: 'Day rider', amountPence: 520 },
        { kind: 'subsistence', date: date(9), description: 'Lunch', amountPence: 1250 },
      ],
      history: [
        by(host, 'draft', 9),
        by(host, 'submitted', 8),
        by(iev, 'queried', 7, 'Was lunch provided at the panel?'),
      ],
    },
    {
      partnerIndex: 5,
      work: 'Reading group: appointment letters',
      items: [drive(12, 8)],
      history: [by(host, 'draft', 12), by(host, 'submitted', 11), by(iev, 'approved', 10)],
    },
    {
      partnerIndex: 2,
      work: 'Carers\u2019 forum',
      items: [{ kind: 'taxi', date: date(15), description: 'Home to the hub', amountPence: 1800 }],
      history: [
        by(host, 'draft', 15),
        by(host, 'submitted', 14),
        by(iev, 'rejected', 13, 'Taxi was not agreed in advance; please claim the bus fare instead.'),
      ],
    },
    {
      partnerIndex: 6,
      work: 'Patient leaflet review',
      items: [drive(21, 16)],
      history: [by(host, 'draft', 21), by(host, 'submitted', 20)],
    },
    {
      partnerIndex: 8,
      work: 'Quality improvement: falls prevention',
      items: [drive(30, 18), { kind: 'involvement-time', date: date(30), levelId: 'attend', hours: 3 }],
      history: [
        by(host, 'draft', 30),
        by(host, 'submitted', 29),
        by(iev, 'approved', 27),
        by(iev, 'exported', 25, 'Payment batch demo-batch-1'),
        by(iev, 'paid', 20, 'Payment batch demo-batch-1'),
      ],
    },
  ];
}

/** The stored claim an example's history leads to: every field its last state would have. */
function demoClaim(
  example: DemoExample,
  index: number,
  host: DemoPerson,
  policy: ReturnType<Services['claims']['policy']>,
): ClaimDocument {
  const partner = fictionalPartner(example.partnerIndex);
  const items = priceItems(
    example.items.map((input, position) => ({ id: `demo-item-${index}-${position}`, input })),
    {
      policy,
      today: example.history.at(-1)!.at.slice(0, 10),
      priorCarTenthsByTaxYear: {},
      itemsWithReceipts: new Set(),
      paymentChoice: partner.paymentPreference.choice,
    },
  );
  const entry = (status: ClaimStatus) => example.history.find((candidate) => candidate.status === status);
  const last = example.history.at(-1)!;
  const submitted = entry('submitted');
  const decided = entry('approved') ?? entry('rejected');
  const paid = entry('paid');
  return {
    id: `demo-claim-${index + 1}`,
    type: 'claim',
    schemaVersion: 1,
    status: last.status,
    hostId: host.id,
    hostName: host.displayName,
    partnerId: partner.id,
    partnerName: partner.displayName,
    work: { title: example.work },
    items,
    receipts: [],
    totals: totalsOf(items),
    policyVersion: policy.version,
    createdAt: example.history[0]!.at,
    ...(submitted
      ? {
          submittedAt: submitted.at,
          payBy: payByOf(submitted.at, policy.payment.targetDaysToPay),
          declarations: { partnerConfirmedAt: submitted.at, hostConfirmedAt: submitted.at },
        }
      : {}),
    ...(decided
      ? {
          decision: {
            outcome: decided.status as 'approved' | 'rejected',
            byId: decided.byId,
            byName: decided.byName,
            at: decided.at,
            reason: decided.note,
          },
        }
      : {}),
    ...(last.status === 'queried' ? { openQuery: { question: last.note!, byName: last.byName, at: last.at } } : {}),
    ...(paid && submitted
      ? {
          exportBatchId: 'demo-batch-1',
          exportedAt: entry('exported')!.at,
          paidAt: paid.at,
          secondsToPay: Math.round((Date.parse(paid.at) - Date.parse(submitted.at)) / 1000),
        }
      : {}),
    history: example.history,
  };
}

/**
 * Fictional expense claims in every interesting state (draft, waiting, queried, approved, rejected,
 * paid), so the tab and the IEV export have something real to show. Stable ids: seeding twice is harmless.
 */
export async function seedDemoClaims(services: Services): Promise<void> {
  const host = DEMO_PEOPLE[0]!;
  const iev = DEMO_PEOPLE[1]!;
  const calendar = demoCalendar(Date.now());
  const policy = services.claims.policy();
  const paidClaims: ClaimDocument[] = [];
  for (const [index, example] of demoExamples(calendar, host, iev).entries()) {
    const claim = demoClaim(example, index, host, policy);
    await services.claims.store.createClaim(claim);
    if (claim.status === 'paid') paidClaims.push(claim);
  }
  await services.claims.store.createBatch({
    id: 'demo-batch-1',
    type: 'payment-batch',
    schemaVersion: 1,
    status: 'paid',
    claimIds: paidClaims.map((claim) => claim.id),
    createdAt: calendar.day(25),
    createdById: iev.id,
    createdByName: iev.displayName,
    totals: totalsOf(paidClaims.flatMap((claim) => claim.items)),
    paidAt: calendar.day(20),
    paidByName: iev.displayName,
  });
}

function payByOf(submittedAt: string, targetDays: number): string {
  return new Date(Date.parse(submittedAt) + targetDays * DAY_MS).toISOString().slice(0, 10);
}

const SECOND_FICTIONAL_HOST = {
  id: '00000000-0000-0000-0000-00000000a004',
  displayName: 'Sam Second-host (fictional)',
};
const FICTIONAL_STATUSES: readonly ClaimStatus[] = [
  'submitted',
  'queried',
  'resubmitted',
  'approved',
  'rejected',
  'exported',
  'paid',
];

/**
 * A fictional submitted claim for tests and benchmarks: the n-th is submitted n hours before
 * 1 March 2026, for one of a few hosts and partners, in a state that cycles through the list's states.
 */
export function fictionalClaim(index: number, overrides: Partial<ClaimDocument> = {}): ClaimDocument {
  const submittedAt = new Date(Date.parse('2026-03-01T12:00:00.000Z') - index * 3_600_000).toISOString();
  const host = index % 2 === 0 ? DEMO_PEOPLE[0]! : SECOND_FICTIONAL_HOST;
  const partner = fictionalPartner(index % 7);
  return {
    id: `claim-fictional-${String(index).padStart(6, '0')}`,
    type: 'claim',
    schemaVersion: 1,
    status: FICTIONAL_STATUSES[index % FICTIONAL_STATUSES.length]!,
    hostId: host.id,
    hostName: host.displayName,
    partnerId: partner.id,
    partnerName: partner.displayName,
    work: { title: 'Fictional involvement work' },
    items: [
      {
        id: `item-${index}`,
        input: { kind: 'parking', date: submittedAt.slice(0, 10), description: 'Car park', amountPence: 400 },
        category: 'expense',
        claimedPence: 400,
        amountPence: 400,
        explanation: 'Parking £4.00',
        flags: [],
      },
    ],
    receipts: [],
    totals: { expensesPence: 400, paymentsPence: 0 },
    policyVersion: 'fictional',
    createdAt: submittedAt,
    submittedAt,
    payBy: payByOf(submittedAt, 14),
    declarations: { partnerConfirmedAt: submittedAt, hostConfirmedAt: submittedAt },
    history: [
      {
        status: 'submitted',
        at: submittedAt,
        byId: host.id,
        byName: host.displayName,
        operationId: `fictional-${index}`,
      },
    ],
    ...overrides,
  };
}

/** Stores `count` fictional claims (one already there is left as it is). */
export async function seedFictionalClaims(
  containers: Containers,
  count: number,
  make: (index: number) => ClaimDocument = fictionalClaim,
): Promise<void> {
  await createEach(containers.claims, count, make);
}
