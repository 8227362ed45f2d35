import assert from 'node:assert/strict';
import { ids, seen, session } from './figures.js';
import {
  impactReport,
  type CutFigures,
  type ImpactFacts,
  type PartnerEvaluationFacts,
} from '../../domain/impact/impact-report.js';

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const OPTIONS = { threshold: 5, targetDaysToPay: 14 };

const answered = (workId: string, day: string, answers: Record<string, string>): PartnerEvaluationFacts => ({
  workId,
  day,
  answers,
});

/** Hand-worked: Crisis line (Mental health) 9 answers, Day centre (Older people) 2, one more before the period. */
function facts(evaluations: readonly PartnerEvaluationFacts[]): ImpactFacts {
  return {
    sessions: [session('w1', '2026-02-01', ids('m', 9)), session('w2', '2026-03-01', ids('o', 6))],
    partners: [...ids('m', 9), ...ids('o', 6)].map((id) => ({ id })),
    work: [
      { id: 'w1', title: 'Crisis line', serviceArea: 'Mental health', feedbackRecorded: true },
      { id: 'w2', title: 'Day centre', serviceArea: 'Older people', feedbackRecorded: false },
    ],
    paidClaims: [],
    partnerEvaluations: evaluations,
  };
}

const crisisLine = [
  ...Array.from({ length: 6 }, () => answered('w1', '2026-03-02', { overall: 'good', listened: 'yes' })),
  ...Array.from({ length: 3 }, () => answered('w1', '2026-03-03', { overall: 'very-good' })),
];
const dayCentre = [
  answered('w2', '2026-03-04', { overall: 'poor', listened: 'no' }),
  answered('w2', '2026-03-04', { listened: 'partly' }),
];
const beforeThePeriod = answered('w1', '2025-12-31', { overall: 'poor' });

const question = (figures: CutFigures, key: string): Array<[string, string]> =>
  figures.evaluations.partners.questions
    .find((candidate) => candidate.key === key)!
    .answers.map((answer) => [answer.value, seen(answer.count)]);

describe('"Is it working?": partners\u2019 own view, counted through the one suppression rule', () => {
  const report = impactReport(facts([...crisisLine, ...dayCentre, beforeThePeriod]), PERIOD, OPTIONS);
  const area = (name: string) => report.byServiceArea.find((cut) => cut.serviceArea === name)!;

  it('counts the answers given in the period, question by question, with the blank ones as not answered', () => {
    assert.equal(seen(report.evaluations.partners.answered), '11');
    assert.deepEqual(question(report, 'overall'), [
      ['very-good', '<5'],
      ['good', '6'],
      ['mixed', '0'],
      ['poor', '<5'],
      ['not-answered', '<5'],
    ]);
    // Yes 6, partly 1, no 1, not answered 3: three small cells, so nothing needs hiding beside them.
    assert.deepEqual(question(report, 'listened'), [
      ['yes', '6'],
      ['partly', '<5'],
      ['no', '<5'],
      ['not-answered', '<5'],
    ]);
    assert.equal(report.evaluations.partners.note, undefined);
  });

  it('never gives an area\u2019s count away by subtraction from the Trust\u2019s', () => {
    // Older people answered 2 (small); Mental health's 9 beside the Trust's 11 would tell it, so it is hidden.
    assert.equal(seen(area('Older people').evaluations.partners.answered), '<5');
    assert.deepEqual(area('Older people').evaluations.partners.questions, []);
    assert.equal(seen(area('Mental health').evaluations.partners.answered), 'hidden');
    assert.deepEqual(area('Mental health').evaluations.partners.questions, []);
    assert.match(area('Mental health').evaluations.partners.note ?? '', /not shown/);
  });

  it('says when nobody answered, and shows nothing when too few did', () => {
    const none = impactReport(facts([]), PERIOD, OPTIONS).evaluations.partners;
    assert.equal(seen(none.answered), '0');
    assert.match(none.note ?? '', /not collected yet/);
    const few = impactReport(facts(dayCentre), PERIOD, OPTIONS).evaluations.partners;
    assert.equal(seen(few.answered), '<5');
    assert.deepEqual(few.questions, []);
    assert.match(few.note ?? '', /Fewer than 5 partners answered/);
  });
});
