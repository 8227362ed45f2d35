import assert from 'node:assert/strict';
import { ids, seen, session } from './figures.js';
import { withConsentChange } from '../../domain/register/consent.js';
import {
  impactReport,
  type ImpactFacts,
  type ImpactReport,
  type PartnerFacts,
  type SessionFacts,
  type WorkFacts,
} from '../../domain/impact/impact-report.js';
import { quartersOf } from '../../domain/impact/period.js';
import { isShown, type Count } from '../../domain/impact/suppression.js';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { IEV } from '../helpers/users.js';

const IEV_ACTOR = { id: IEV.id, displayName: IEV.name, roles: ['iev' as const] };

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const OPTIONS = { threshold: 5, targetDaysToPay: 14 };
const paid = (id: string, workId: string, paidAt: string, days: number, expensesPence = 1000) => ({
  id,
  workId,
  submittedAt: new Date(Date.parse(paidAt) - days * 86_400_000).toISOString(),
  paidAt,
  expensesPence,
  paymentsPence: 0,
});

/**
 * A hand-worked example. Mental health (w1, w2) and Older people (w3):
 * w1 (Jan): m1–m8 for 2 h; w2 (Apr): m1–m3 and n1–n4 for 1 h; w3 (Feb): o1–o6 for 1.5 h and o1–o6 again (May) for 1 h.
 * Before the period: m1–m5 took part in w0 (2025). So in the period: 8 + 4 + 6 = 18 people, 5 returning (m1–m5), 13 new.
 * Partner hours: 8×2 + 7×1 + 6×1.5 + 6×1 = 38.
 */
const work: WorkFacts[] = [
  { id: 'w0', title: 'Old work', serviceArea: 'Adult mental health', feedbackRecorded: true },
  {
    id: 'w1',
    title: 'Crisis line redesign',
    serviceArea: 'Adult mental health',
    groupsToReach: ['age', 'race', 'carers'],
    feedbackRecorded: true,
    outcomeRecorded: true,
    hostRating: 'very-good',
  },
  {
    id: 'w2',
    title: 'Ward food',
    serviceArea: 'Adult mental health',
    feedbackRecorded: false,
    outcomeRecorded: true,
    hostRating: 'good',
  },
  {
    id: 'w3',
    title: 'Falls clinic',
    serviceArea: 'Older people',
    groupsToReach: ['disability'],
    feedbackRecorded: true,
    outcomeRecorded: true,
    hostRating: 'very-good',
  },
];
const sessions: SessionFacts[] = [
  session('w0', '2025-05-01', ids('m', 5)),
  session('w1', '2026-01-15', ids('m', 8), 120),
  session('w2', '2026-04-15', [...ids('m', 3), ...ids('n', 4)]),
  session('w3', '2026-02-10', ids('o', 6), 90),
  session('w3', '2026-05-10', ids('o', 6)),
];
const everyone = [...ids('m', 8), ...ids('n', 4), ...ids('o', 6)];
const partners: PartnerFacts[] = everyone.map((id, index) => ({
  id,
  // 13 agreed; n2–n4, o5 and o6 did not. Ages: the o's are 65+, the m's 35-49, the n's 18-24.
  equality: ['n2', 'n3', 'n4', 'o5', 'o6'].includes(id)
    ? undefined
    : {
        ageBand: id.startsWith('o') ? '65+' : id.startsWith('m') ? '35-49' : '18-24',
        disability: index % 2 ? 'Yes' : 'No',
      },
}));
const paidClaims = [
  paid('c1', 'w1', '2026-01-20T10:00:00.000Z', 4, 1000),
  paid('c2', 'w1', '2026-01-21T10:00:00.000Z', 10, 2000),
  paid('c3', 'w1', '2026-02-01T10:00:00.000Z', 20, 500),
  paid('c4', 'w2', '2026-04-20T10:00:00.000Z', 6, 1500),
  paid('c5', 'w3', '2026-05-20T10:00:00.000Z', 8, 1000),
  paid('c6', 'w3', '2026-05-21T10:00:00.000Z', 12, 1000),
];
const FACTS: ImpactFacts = { sessions, partners, work, paidClaims };

const areaOf = (report: ImpactReport, area: string) => report.byServiceArea.find((cut) => cut.serviceArea === area)!;
const peopleSeen = (people: ImpactReport['people']) => [
  seen(people.involved),
  seen(people.newFaces),
  seen(people.returning),
];

describe('"Is it working?" by cut: hand-computed example', () => {
  const report = impactReport(FACTS, PERIOD, OPTIONS);

  it('Trust-wide: people, new and returning faces, hours, loops closed, money and days to pay', () => {
    assert.deepEqual(peopleSeen(report.people), ['18', '13', '5']);
    assert.equal(report.hours.sessions, 4);
    assert.equal(report.hours.partnerHours, 38);
    assert.deepEqual(report.work, { withSessions: 3, closedLoop: 2 });
    assert.equal(seen(report.money.claimsPaid), '6');
    assert.equal(report.money.expensesPence, 7000);
    // Days to pay 4, 6, 8, 10, 12, 20: median 9, five of six within 14 days.
    assert.equal(report.money.medianDaysToPay, 9);
    assert.equal(report.money.paidWithinTargetPercent, 83);
    assert.deepEqual([seen(report.reach.agreed), seen(report.reach.notAgreed)], ['13', '5']);
    const age = report.reach.categories.find((category) => category.key === 'ageBand')!;
    // Of the 13 who agreed: n1 is 18-24, m1–m8 35-49, o1–o4 65+. Two small cells: nothing more to hide.
    assert.deepEqual(
      age.groups.filter((group) => group.answer !== 'Another answer').map((group) => [group.answer, seen(group.count)]),
      [
        ['18-24', '<5'],
        ['25-34', '0'],
        ['35-49', '8'],
        ['50-64', '0'],
        ['65+', '<5'],
        ['Not answered or prefer not to say', '0'],
      ],
    );
  });

  it("summarises hosts' ratings of how well involving people worked, and says partners' own are not collected yet", () => {
    // 3 pieces of work rated (2 "very well", 1 "well"): every count is small, so each is "fewer than 5".
    assert.equal(seen(report.evaluations.hosts.rated), '<5');
    assert.deepEqual(
      report.evaluations.hosts.ratings.map((row) => [row.label, seen(row.count)]),
      [
        ['Very well', '<5'],
        ['Well', '<5'],
        ['Mixed', '0'],
        ['Not well', '0'],
      ],
    );
    assert.match(report.evaluations.partners.note ?? '', /not collected yet/);
  });

  it('by service area: each area is a cut of the Trust-wide figures', () => {
    const mental = areaOf(report, 'Adult mental health');
    // 12 people (m1–m8, n1–n4), 7 new, 5 returning; the rest of the Trust is the 6 o's, all new.
    assert.deepEqual(peopleSeen(mental.people), ['12', '7', '5']);
    assert.equal(mental.hours.partnerHours, 23);
    assert.deepEqual(mental.work, { withSessions: 2, closedLoop: 1 });
    assert.equal(seen(mental.money.claimsPaid), '<5');
    assert.equal(mental.money.expensesPence, undefined);
    const older = areaOf(report, 'Older people');
    assert.deepEqual(peopleSeen(older.people), ['6', '6', '0']);
    assert.equal(older.hours.partnerHours, 15);
    assert.deepEqual(
      report.byServiceArea.map((cut) => cut.serviceArea),
      ['Adult mental health', 'Older people'],
    );
  });

  it('per piece of work: the groups it set out to reach and how its partners answered those questions', () => {
    const crisis = report.byWork.find((cut) => cut.id === 'w1')!;
    assert.deepEqual(crisis.groupsToReach, ['age', 'race', 'carers']);
    // 8 people, 3 new: the 5 returning are hidden too, or 8 − 5 would give the 3.
    assert.deepEqual(peopleSeen(crisis.people), ['8', '<5', 'hidden']);
    assert.deepEqual(
      crisis.reached.map((category) => category.key),
      ['ageBand', 'ethnicGroup', 'carer'],
    );
    const age = Object.fromEntries(crisis.reached[0]!.groups.map((group) => [group.answer, seen(group.count)]));
    // 8 aged 35-49 of the Trust's 8 aged 35-49: nothing is small and nothing is left to subtract.
    assert.equal(age['35-49'], '8');
    assert.equal(age['65+'], '0');
    assert.deepEqual(
      report.byWork.map((cut) => cut.title),
      ['Crisis line redesign', 'Falls clinic', 'Ward food'],
    );
  });

  it('quarter by quarter, so a board sees whether reach is improving', () => {
    assert.deepEqual(
      report.quarters.map((quarter) => quarter.period),
      [
        { from: '2026-01-01', to: '2026-03-31' },
        { from: '2026-04-01', to: '2026-06-30' },
      ],
    );
    const [first, second] = report.quarters;
    // Q1: m1–m8 and o1–o6 = 14; shown, the period's 18 would tell that 4 people came only in Q2, so it is hidden.
    assert.deepEqual(peopleSeen(first!.people), ['hidden', 'hidden', 'hidden']);
    // Q2: m1–m3, n1–n4, o1–o6 = 13, of whom 4 new (n1–n4) and 9 back since Q1 or before (hidden with them).
    assert.deepEqual(peopleSeen(second!.people), ['13', '<5', 'hidden']);
    assert.deepEqual([first!.hours.partnerHours, second!.hours.partnerHours], [undefined, 13]);
    assert.deepEqual([seen(first!.money.claimsPaid), seen(second!.money.claimsPaid)], ['<5', '<5']);
  });

  it('splits a period into calendar quarters, clipped to the period', () => {
    assert.deepEqual(quartersOf({ from: '2025-11-15', to: '2026-04-02' }), [
      { from: '2025-11-15', to: '2025-12-31' },
      { from: '2026-01-01', to: '2026-03-31' },
      { from: '2026-04-01', to: '2026-04-02' },
    ]);
  });
});

describe('"Is it working?" suppression against disclosure by difference', () => {
  /** Every published count a reader can subtract: [label, raw value] pairs worked out by the test from the facts. */
  function assertNoDifferencing(whole: ImpactReport['people'], cut: ImpactReport['people'], complement: number[]) {
    const pairs: Array<[Count, Count, number]> = [
      [whole.involved, cut.involved, complement[0]!],
      [whole.newFaces, cut.newFaces, complement[1]!],
      [whole.returning, cut.returning, complement[2]!],
    ];
    for (const [wholeCount, cutCount, rest] of pairs) {
      // Both shown: the difference is the complement, which must not be a small count.
      if (isShown(wholeCount) && isShown(cutCount)) assert.ok(rest === 0 || rest >= 5, `complement ${rest} revealed`);
      // The whole hidden: the cut must not give it back with the complement.
      if (!isShown(wholeCount) && isShown(cutCount)) assert.equal(cutCount.value, 0);
    }
  }

  it('never lets a cut and its complement reveal a small or hidden count, for any split of people between two areas', () => {
    for (let inA = 0; inA <= 9; inA += 1) {
      for (let inB = 0; inB <= 9; inB += 1) {
        for (let returningA = 0; returningA <= Math.min(inA, 3); returningA += 1) {
          const a = ids('a', inA);
          const b = ids('b', inB);
          const facts: ImpactFacts = {
            sessions: [
              ...(returningA > 0 ? [session('old', '2025-01-01', a.slice(0, returningA))] : []),
              session('wa', '2026-01-10', a),
              session('wb', '2026-01-10', b),
            ],
            partners: [],
            work: [
              { id: 'wa', serviceArea: 'A', feedbackRecorded: false },
              { id: 'wb', serviceArea: 'B', feedbackRecorded: false },
            ],
            paidClaims: [],
          };
          const report = impactReport(facts, PERIOD, OPTIONS);
          const cut = report.byServiceArea.find((area) => area.serviceArea === 'A');
          if (!cut) continue;
          // The complement of A is B: inB people, all new.
          assertNoDifferencing(report.people, cut.people, [inB, inB, 0]);
          // Within the cut: never exactly one hidden cell beside a shown total.
          const hidden = [cut.people.newFaces, cut.people.returning].filter((count) => !isShown(count)).length;
          if (isShown(cut.people.involved)) assert.notEqual(hidden, 1, `A ${inA} (${returningA} back), B ${inB}`);
        }
      }
    }
  });

  it('never lets the quarters add up to a hidden count of the period', () => {
    for (let q1 = 0; q1 <= 8; q1 += 1) {
      for (let q2 = 0; q2 <= 8; q2 += 1) {
        const facts: ImpactFacts = {
          sessions: [session('w', '2026-02-01', ids('x', q1)), session('w', '2026-05-01', ids('y', q2))],
          partners: [],
          work: [],
          paidClaims: [],
        };
        const report = impactReport(facts, PERIOD, OPTIONS);
        const parts = report.quarters.map((quarter) => quarter.people.newFaces);
        const shownParts = parts.filter(isShown);
        if (isShown(report.people.newFaces))
          assert.notEqual(
            parts.length - shownParts.length,
            1,
            `quarters ${q1}, ${q2}: one hidden beside a shown whole`,
          );
        else
          assert.ok(
            parts.every((count) => !isShown(count) || count.value === 0),
            `quarters ${q1}, ${q2}`,
          );
        // Each quarter against the period: the other quarter's new faces are its complement.
        report.quarters.forEach((quarter, index) =>
          assertNoDifferencing(report.people, quarter.people, [index === 0 ? q2 : q1, index === 0 ? q2 : q1, 0]),
        );
      }
    }
  });

  /** Service areas side by side: with the Trust's figure shown, never exactly one area's count hidden. */
  function assertNoneAlone(label: string, whole: Count, parts: readonly Count[]) {
    if (!isShown(whole)) return;
    const hidden = parts.filter((count) => !isShown(count)).length;
    assert.notEqual(hidden, 1, `${label}: one hidden beside ${whole.text} (${parts.map(seen).join(', ')})`);
  }

  /** Three service areas, one session each (A's people split between two pieces of work; some of them back from 2025). */
  function threeAreas(a: readonly string[], b: readonly string[], c: readonly string[], back = 0): ImpactReport {
    const half = Math.ceil(a.length / 2);
    return impactReport(
      {
        sessions: [
          ...(back > 0 ? [session('old', '2025-01-01', a.slice(0, back))] : []),
          session('wa', '2026-01-10', a.slice(0, half)),
          ...(a.length > half ? [session('wa2', '2026-01-12', a.slice(half))] : []),
          session('wb', '2026-02-10', b),
          session('wc', '2026-05-10', c),
        ],
        partners: [],
        work: [
          { id: 'wa', serviceArea: 'A', feedbackRecorded: false },
          { id: 'wa2', serviceArea: 'A', feedbackRecorded: false },
          { id: 'wb', serviceArea: 'B', feedbackRecorded: false },
          { id: 'wc', serviceArea: 'C', feedbackRecorded: false },
        ],
        paidClaims: [],
      },
      PERIOD,
      OPTIONS,
    );
  }

  it('hides a second service area when three shown areas would give back a fourth by subtraction from the Trust', () => {
    const report = threeAreas(ids('a', 10), ids('b', 10), ids('c', 3));
    assert.deepEqual(peopleSeen(report.people), ['23', '23', '0']);
    // C's 3 is "fewer than 5"; with A and B both shown, 23 − 10 − 10 would give it back. A (the earlier of two 10s) is hidden.
    assert.deepEqual(
      report.byServiceArea.map((area) => [area.serviceArea, ...peopleSeen(area.people)]),
      [
        ['A', 'hidden', 'hidden', '0'],
        ['B', '10', '10', '0'],
        ['C', '<5', '<5', '0'],
      ],
    );
    // The pieces of work make up the Trust too (A's two of 5 each, B's 10, C's 3).
    assert.deepEqual(
      report.byWork.map((piece) => [piece.id, seen(piece.people.involved)]),
      [
        ['wa', 'hidden'],
        ['wa2', 'hidden'],
        ['wb', '10'],
        ['wc', '<5'],
      ],
    );
  });

  it('never lets service areas shown side by side, or their pieces of work, give back a hidden count (any split of three areas)', () => {
    for (let inA = 0; inA <= 7; inA += 1) {
      for (let inB = 0; inB <= 7; inB += 1) {
        for (let inC = 0; inC <= 7; inC += 1) {
          for (const back of [0, 2]) {
            const report = threeAreas(ids('a', inA), ids('b', inB), ids('c', inC), Math.min(back, inA));
            const split = `A ${inA} (${Math.min(back, inA)} back), B ${inB}, C ${inC}`;
            for (const field of ['involved', 'newFaces', 'returning'] as const) {
              assertNoneAlone(
                `${split}, ${field} by area`,
                report.people[field],
                report.byServiceArea.map((area) => area.people[field]),
              );
              assertNoneAlone(
                `${split}, ${field} by piece of work`,
                report.people[field],
                report.byWork.map((piece) => piece.people[field]),
              );
            }
            for (const area of report.byServiceArea) {
              assertNoneAlone(`${split}, inside ${area.serviceArea}`, area.people.involved, [
                area.people.newFaces,
                area.people.returning,
              ]);
              const pieces = report.byWork.filter((piece) => piece.serviceArea === area.serviceArea);
              for (const field of ['involved', 'newFaces', 'returning'] as const)
                assertNoneAlone(
                  `${split}, ${area.serviceArea}'s ${field} by piece of work`,
                  area.people[field],
                  pieces.map((piece) => piece.people[field]),
                );
            }
          }
        }
      }
    }
  });

  it('hides an area\u2019s breakdown when the rest of the Trust is small', () => {
    const report = impactReport(
      {
        sessions: [session('wa', '2026-01-10', ids('a', 10)), session('wb', '2026-01-10', ids('b', 2))],
        partners: [],
        work: [
          { id: 'wa', serviceArea: 'A', feedbackRecorded: false },
          { id: 'wb', serviceArea: 'B', feedbackRecorded: false },
        ],
        paidClaims: [],
      },
      PERIOD,
      OPTIONS,
    );
    assert.deepEqual(peopleSeen(report.people), ['12', '12', '0']);
    // 12 − 10 = 2: area A's 10 would tell how many were in B.
    assert.deepEqual(peopleSeen(areaOf(report, 'A').people), ['hidden', 'hidden', '0']);
    assert.deepEqual(peopleSeen(areaOf(report, 'B').people), ['<5', '<5', '0']);
  });
});

describe('"Is it working?" after a partner withdraws equality consent', () => {
  it('no longer counts their answers: they move from "agreed" to "did not agree"', () => {
    const people = Array.from({ length: 10 }, (_, index) => fictionalPartner(index + 1));
    const facts = (withdrawn: boolean): ImpactFacts => ({
      sessions: [
        session(
          'w',
          '2026-02-01',
          people.map((partner) => partner.id),
        ),
      ],
      partners: people.map((partner, index) => {
        const stored = {
          ...partner,
          consent: { ...partner.consent, equalityMonitoring: { given: true, at: partner.registeredAt } },
          equality: { ageBand: index < 5 ? '65+' : '50-64' },
        };
        const after =
          withdrawn && index === 0
            ? withConsentChange(
                stored,
                { version: 'v', purpose: 'equalityMonitoring', given: false, date: '2026-03-01', how: 'email' },
                IEV_ACTOR,
                new Date('2026-03-01T12:00:00.000Z'),
              ).partner
            : stored;
        return { id: after.id, equality: after.consent.equalityMonitoring.given ? after.equality : undefined };
      }),
      work: [],
      paidClaims: [],
    });
    const before = impactReport(facts(false), PERIOD, OPTIONS);
    assert.deepEqual([seen(before.reach.agreed), seen(before.reach.notAgreed)], ['10', '0']);
    const after = impactReport(facts(true), PERIOD, OPTIONS);
    assert.deepEqual([seen(after.reach.agreed), seen(after.reach.notAgreed)], ['hidden', '<5']);
    assert.deepEqual(after.reach.categories, []);
  });
});
