import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';
import { EQUALITY_QUESTIONS, PREFER_NOT_TO_SAY } from '../../domain/register/equality-questions.js';
import { INCLUSION_GROUPS, PROTECTED_CHARACTERISTICS } from '../../domain/planning/plan-steps.js';

describe('Equality monitoring: one list of questions for the forms and the figures', function () {
  this.timeout(120_000);

  // Every group a plan can set out to reach, and the question that tells whether it was reached (or why none).
  const monitored: Array<[string, string | undefined]> = [
    ['age', 'ageBand'],
    ['disability', 'disability'],
    ['gender-reassignment', 'genderReassignment'],
    ['marriage-civil-partnership', 'maritalStatus'],
    ['pregnancy-maternity', 'pregnancyMaternity'],
    ['race', 'ethnicGroup'],
    ['religion-belief', 'religion'],
    ['sex', 'sex'],
    ['sexual-orientation', 'sexualOrientation'],
    ['carers', 'carer'],
    ['learning-disability', 'disability'],
    ['mental-health', 'disability'],
    ['language', 'mainLanguage'],
    ['refugees', 'mainLanguage'],
    ['homeless', undefined],
    ['low-income', undefined],
    ['travellers', 'ethnicGroup'],
    ['young-people', 'ageBand'],
    ['justice', undefined],
    ['veterans', 'armedForces'],
  ];
  for (const [group, key] of monitored) {
    it(`${key ? `asks "${key}" about` : 'asks nothing (too intrusive for a register) about'} the plan group "${group}"`, () => {
      const asking = EQUALITY_QUESTIONS.filter((question) => question.planGroups.includes(group)).map(
        (question) => question.key,
      );
      if (key) assert.ok(asking.includes(key), `${group}: ${asking.join(', ')}`);
      else assert.deepEqual(asking, []);
    });
  }

  it('covers all nine protected characteristics and every group on the plan step', () => {
    assert.deepEqual(
      [...PROTECTED_CHARACTERISTICS, ...INCLUSION_GROUPS].map((choice) => choice.value).sort(),
      monitored.map(([group]) => group).sort(),
    );
    assert.equal(new Set(EQUALITY_QUESTIONS.map((question) => question.key)).size, EQUALITY_QUESTIONS.length);
    for (const question of EQUALITY_QUESTIONS) assert.ok(!question.answers.includes(PREFER_NOT_TO_SAY), question.key);
  });

  describe('through the API', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    });
    after(async () => app?.stop());

    it('offers the forms every question, in order, from the register options', async () => {
      const options = await app.getJson<{ equalityQuestions: Array<{ key: string; answers: string[] }> }>(
        '/api/register/options',
        IEV,
      );
      assert.deepEqual(
        options.body.equalityQuestions.map((question) => question.key),
        EQUALITY_QUESTIONS.map((question) => question.key),
      );
    });

    it('registers a partner who answers every question, "Prefer not to say" included, and keeps each answer', async () => {
      const equality = Object.fromEntries(
        EQUALITY_QUESTIONS.map((question, index) => [
          question.key,
          index % 3 === 0 ? PREFER_NOT_TO_SAY : question.answers.at(-1)!,
        ]),
      );
      const response = await app.api('/api/partners', {
        as: IEV,
        method: 'POST',
        body: JSON.stringify({
          operationId: randomUUID(),
          displayName: 'Wren Equality',
          email: 'wren@example.org',
          consent: { register: true, contactAboutOpportunities: false, equalityMonitoring: true },
          emergencyContact: { name: 'Yara Equality', relationship: 'Sister', phone: '01632 960123' },
          equality,
        }),
      });
      assert.equal(response.status, 201);
      const [stored] = await app.services.partners.withSearchName('wren equality');
      assert.deepEqual(stored!.equality, equality);
    });
  });
});
