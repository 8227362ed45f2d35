import assert from 'node:assert/strict';
import { gapsIn } from '../../domain/planning/plan-gaps.js';
import type { Plan, StepAnswers } from '../../domain/planning/plan.js';
import {
  PLAN_STEPS,
  STEP_COUNT,
  STEP_KEYS,
  nextStepKey,
  previousStepKey,
  stepFor,
  stepNumber,
  type StepKey,
} from '../../domain/planning/plan-steps.js';
import { parseStepAnswers, valuesToShow } from '../../domain/planning/step-answers.js';
import { suggestionsFor } from '../../domain/planning/method-suggestions.js';

/** A plan that meets every principle the gap rules check; each row below breaks one thing. */
const COMPLETE: Partial<Record<StepKey, StepAnswers>> = {
  purpose: {
    title: 'Memory clinic waiting area',
    purpose: 'Make the waiting area calmer',
    objectives: 'A new layout agreed with patients',
  },
  people: { groups: ['age', 'disability', 'carers'] },
  methods: { methods: ['go-to-groups', 'conversations'] },
  partners: { partnerOrganisations: 'Age UK, the carers\u2019 hub' },
  timing: { whenWhere: 'Lunch clubs in March', onTheirTerms: 'yes' },
  influence: { canInfluence: 'Layout and colours', cannotInfluence: 'The building' },
  level: { level: 'collaborate' },
  feedback: { feedbackRoute: 'A you said, we did poster and letters' },
  eia: { eiaNeeded: 'yes', eiaStatus: 'in-progress' },
  budget: { budget: 500, expensesOffered: 'yes' },
};

function planWith(answers: Partial<Record<StepKey, StepAnswers>>): Plan {
  return {
    id: 'plan-1',
    type: 'plan',
    schemaVersion: 1,
    hostId: 'host-1',
    hostName: 'Hana',
    title: 'Memory clinic waiting area',
    phase: 'planned',
    position: 'summary',
    revision: 3,
    answers,
    skipped: [],
    sessions: [],
    partnerIds: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const without = (step: StepKey, field: string) => ({
  ...COMPLETE,
  [step]: Object.fromEntries(Object.entries(COMPLETE[step] ?? {}).filter(([key]) => key !== field)),
});
const withAnswer = (step: StepKey, field: string, value: StepAnswers[string]) => ({
  ...COMPLETE,
  [step]: { ...COMPLETE[step], [field]: value },
});

describe('Plan gaps, measured against the involvement principles', () => {
  it('finds nothing missing in a plan that covers every principle', () => {
    assert.deepEqual(gapsIn(planWith(COMPLETE)), []);
  });

  const rows: Array<[string, Partial<Record<StepKey, StepAnswers>>, string, string]> = [
    ['no objectives', without('purpose', 'objectives'), 'no-objectives', 'No objectives yet'],
    ['no groups chosen', without('people', 'groups'), 'no-seldom-heard', 'Seldom-heard groups not considered'],
    ['one method only', withAnswer('methods', 'methods', ['survey']), 'one-method', 'Only one way to take part'],
    [
      'nobody who knows the communities',
      without('partners', 'partnerOrganisations'),
      'no-community-partners',
      'Nobody named who knows these communities',
    ],
    [
      'people must come to us',
      withAnswer('timing', 'onTheirTerms', 'no'),
      'not-on-their-terms',
      'People are expected to come to us',
    ],
    [
      'not said what cannot change',
      without('influence', 'cannotInfluence'),
      'influence-unclear',
      'Not yet clear what people can and cannot influence',
    ],
    ['no level of involvement', without('level', 'level'), 'no-level', 'Level of involvement not chosen'],
    ['no feedback route', without('feedback', 'feedbackRoute'), 'no-feedback-route', 'No feedback route yet'],
    [
      'EIA needed, not started',
      withAnswer('eia', 'eiaStatus', 'not-started'),
      'eia-not-started',
      'EIA needed but not started',
    ],
    [
      'EIA maybe needed, no progress given',
      { ...COMPLETE, eia: { eiaNeeded: 'not-sure' } },
      'eia-not-started',
      'EIA needed but not started',
    ],
    [
      'EIA question not answered',
      { ...COMPLETE, eia: {} },
      'eia-not-considered',
      'Not yet decided whether an Equality Impact Assessment is needed',
    ],
    ['no budget', without('budget', 'budget'), 'no-budget', 'No budget yet'],
    [
      'expenses not offered',
      withAnswer('budget', 'expensesOffered', 'no'),
      'expenses-not-offered',
      'Expenses are not offered',
    ],
  ];
  for (const [name, answers, gapId, message] of rows) {
    it(`flags "${message}" when ${name}`, () => {
      const gaps = gapsIn(planWith(answers));
      assert.deepEqual(
        gaps.map((gap) => gap.id),
        [gapId],
      );
      assert.ok(gaps[0]!.message.startsWith(message), gaps[0]!.message);
    });
  }

  it('does not flag an EIA that is not needed', () => {
    assert.deepEqual(gapsIn(planWith({ ...COMPLETE, eia: { eiaNeeded: 'no' } })), []);
  });

  it('flags every principle on an empty plan, each pointing at the step that fixes it', () => {
    const gaps = gapsIn(planWith({}));
    assert.ok(gaps.length >= 10);
    for (const gap of gaps) assert.ok(STEP_KEYS.includes(gap.step));
  });
});

describe('The planning step table', () => {
  it('has one step per part of the planning guide and the before checklist, in order', () => {
    assert.equal(STEP_COUNT, 14);
    assert.deepEqual(
      PLAN_STEPS.map((step) => step.title),
      [
        'Purpose and objectives',
        'What do we already know?',
        'Who should be involved?',
        'How can you be creative?',
        'Who else do we need to involve?',
        'When and where?',
        'What can people influence?',
        'How much say will people have?',
        'Self-management',
        'Using feedback and reporting back',
        'Commissioning route',
        'Equality Impact Assessment',
        'Budget, expenses and payments',
        'Involvement Partners',
      ],
    );
    assert.equal(stepNumber('methods'), 4);
    assert.equal(nextStepKey('involvementPartners'), undefined);
    assert.equal(previousStepKey('purpose'), undefined);
    assert.equal(nextStepKey(previousStepKey('level')!), 'level');
  });

  it('offers the 9 protected characteristics and the inclusion groups as choices', () => {
    const groups = stepFor('people').fields.find((field) => field.id === 'groups');
    assert.ok(groups?.kind === 'choice' && groups.multiple);
    const titles = groups.choices.map((choice) => choice.title);
    for (const characteristic of [
      'Age',
      'Disability',
      'Gender reassignment',
      'Marriage and civil partnership',
      'Pregnancy and maternity',
      'Race and ethnicity',
      'Religion or belief',
      'Sex',
      'Sexual orientation',
      'Carers',
    ]) {
      assert.ok(titles.includes(characteristic), characteristic);
    }
  });

  it('offers the five levels of involvement', () => {
    const level = stepFor('level').fields[0]!;
    assert.ok(level.kind === 'choice');
    assert.deepEqual(
      level.choices.map((choice) => choice.value),
      ['inform', 'consult', 'involve', 'collaborate', 'devolve'],
    );
  });

  it('keeps every step answerable on a card: guidance, unique input ids that do not clash with action data, no commas in choice values', () => {
    const reserved = new Set(['verb', 'planId', 'step', 'revision', 'mode', 'op']);
    for (const step of PLAN_STEPS) {
      assert.ok(step.guidance.length > 0, step.key);
      const ids = step.fields.map((field) => field.id);
      assert.equal(new Set(ids).size, ids.length, step.key);
      for (const field of step.fields) {
        assert.ok(!reserved.has(field.id), field.id);
        if (field.kind === 'choice')
          for (const choice of field.choices) assert.ok(!choice.value.includes(','), choice.value);
      }
    }
  });

  it('suggests ways to reach the groups chosen, and nothing for none', () => {
    const ideas = suggestionsFor(['carers', 'language']);
    assert.equal(ideas.length, 2);
    assert.match(ideas[0]!, /carers\u2019 hubs/);
    assert.match(ideas[1]!, /interpreters/);
    assert.deepEqual(suggestionsFor([]), []);
  });
});

describe('Checking what a step card sent', () => {
  const purpose = stepFor('purpose');
  const people = stepFor('people');
  const budget = stepFor('budget');
  const rows: Array<[string, ReturnType<typeof stepFor>, Record<string, unknown>, Record<string, string>]> = [
    [
      'a missing required answer',
      purpose,
      { purpose: 'Why' },
      { title: 'Please fill this in. It is needed to make a plan.' },
    ],
    [
      'a number where text belongs',
      purpose,
      { title: 42, purpose: 'Why' },
      { title: 'Please type your answer as text.' },
    ],
    [
      'an object where text belongs',
      purpose,
      { title: 'Name', purpose: { nested: true } },
      { purpose: 'Please type your answer as text.' },
    ],
    [
      'a 50 KB string',
      purpose,
      { title: 'Name', purpose: 'x'.repeat(50_000) },
      { purpose: 'Please keep this to 2,000 characters or fewer.' },
    ],
    [
      'a choice that is not offered',
      people,
      { groups: 'age,made-up' },
      { groups: 'Please choose from the options shown.' },
    ],
    ['a list of numbers as choices', people, { groups: [1, 2] }, { groups: 'Please choose from the options shown.' }],
    ['a negative budget', budget, { budget: '-5' }, { budget: 'Please enter a whole number from 0 to 1,000,000.' }],
    ['words as a budget', budget, { budget: 'lots' }, { budget: 'Please enter a whole number from 0 to 1,000,000.' }],
  ];
  for (const [name, step, submitted, expected] of rows) {
    it(`refuses ${name}, with the message next to that input`, () => {
      const parsed = parseStepAnswers(step, submitted);
      assert.equal(parsed.ok, false);
      assert.deepEqual(
        Object.fromEntries(!parsed.ok ? parsed.problems.map((problem) => [problem.field, problem.message]) : []),
        expected,
      );
    });
  }

  it('accepts what Teams sends: comma-separated choices, numbers as text, and ignores anything else on the card', () => {
    const parsed = parseStepAnswers(people, {
      groups: 'age,carers,age',
      otherGroups: '  Students  ',
      planId: 'forged',
      somethingElse: 'x',
    });
    assert.deepEqual(parsed, { ok: true, answers: { groups: ['age', 'carers'], otherGroups: 'Students' } });
    assert.deepEqual(parseStepAnswers(budget, { budget: '£1,500', expensesOffered: 'yes' }), {
      ok: true,
      answers: { budget: 1500, expensesOffered: 'yes' },
    });
  });

  it('shows the person\u2019s answers again, cut to what the input allows', () => {
    const shown = valuesToShow(purpose, { title: 'Name', purpose: 'y'.repeat(50_000), objectives: 7 });
    assert.equal(shown.title, 'Name');
    assert.equal(shown.purpose!.length, 2000);
    assert.equal(shown.objectives, undefined);
  });
});
