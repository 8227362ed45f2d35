import assert from 'node:assert/strict';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { planSummaryCard } from '../../bot/planning/plan-summary-card.js';
import { planOutcomeCard } from '../../bot/planning/plan-outcome-card.js';
import type { Plan } from '../../domain/planning/plan.js';
import { planReach, reachFactsOf, type ReachFacts } from '../../domain/planning/reach-gap.js';
import { withConsentChange } from '../../domain/register/consent.js';
import type { Partner } from '../../domain/register/partner.js';
import { cardText, validateCard } from '../helpers/cards.js';

const THRESHOLD = 5;
const person = (equality: Record<string, string>): ReachFacts => ({ equality });

/**
 * Six people shared answers, a seventh did not agree to equality monitoring. By hand:
 * ages 18–24: 0, 25–34: 2, 35–49: 1, 50–64: 2, 65+: 1 → only 18–24 is a gap; every other band is 1 to 4, so "fewer than 5".
 * carers: Yes 5, No 1 → No is small, so Yes is hidden too (secondary suppression), never "5".
 * armed forces: one "No", no "Yes" → a gap. Homelessness is not asked on the register.
 */
const SIX: ReachFacts[] = [
  person({ ageBand: '25-34', carer: 'Yes' }),
  person({ ageBand: '25-34', carer: 'Yes' }),
  person({ ageBand: '35-49', carer: 'No' }),
  person({ ageBand: '50-64', carer: 'Yes' }),
  person({ ageBand: '50-64', carer: 'Yes' }),
  person({ ageBand: '65+', carer: 'Yes', armedForces: 'No' }),
  {},
];

describe('Reach gap: the groups a plan set out to reach against who took part', () => {
  it('names the groups no one from has taken part, from a hand-computed example', () => {
    const reach = planReach(['age', 'carers', 'veterans', 'homeless'], SIX, THRESHOLD);
    assert.deepEqual(
      reach.groups.map((group) => [group.title, group.gaps, group.reached]),
      [
        [
          'Age',
          ['No one aged 18\u201324 has taken part yet.'],
          [
            'People aged 25\u201334: fewer than 5',
            'People aged 35\u201349: fewer than 5',
            'People aged 50\u201364: fewer than 5',
            'People aged 65 or over: fewer than 5',
          ],
        ],
        ['Carers', [], ['People caring unpaid for someone: not shown, so a small number cannot be worked out']],
        ['Armed forces veterans', ['No one who served in the UK armed forces has taken part yet.'], []],
      ],
    );
    assert.deepEqual(reach.notAsked, ['People experiencing homelessness']);
    assert.equal(reach.tooFewToShow, undefined);
  });

  it('shows a group of the threshold or more as a count, and below it never as a number', () => {
    const eleven = [
      ...Array.from({ length: 6 }, () => person({ ageBand: '18-24' })),
      ...Array.from({ length: 3 }, () => person({ ageBand: '65+' })),
      ...Array.from({ length: 2 }, () => person({ ageBand: '50-64' })),
    ];
    const reach = planReach(['young-people', 'age'], eleven, THRESHOLD);
    assert.deepEqual(reach.groups[0]!.reached, ['People aged 18\u201324: 6']);
    assert.ok(reach.groups[1]!.reached.includes('People aged 65 or over: fewer than 5'));
    assert.ok(!reach.groups.flatMap((group) => group.reached).some((line) => line.endsWith(': 3')));
  });

  it('says nothing about groups when fewer than the threshold shared answers (the empty groups would give them away)', () => {
    const reach = planReach(['age', 'travellers'], SIX.slice(0, 4), THRESHOLD);
    assert.deepEqual(reach.groups, []);
    assert.match(reach.tooFewToShow!, /^Fewer than 5 of the people who took part shared equality answers/);
    assert.deepEqual(reach.notAsked, ['Gypsy, Roma and Traveller communities']);
  });

  it('before anyone takes part, every group is a gap', () => {
    const reach = planReach(['sex', 'pregnancy-maternity'], [], THRESHOLD);
    assert.deepEqual(
      reach.groups.flatMap((group) => group.gaps),
      [
        'No one whose answer to \u201cSex\u201d is \u201cFemale\u201d has taken part yet.',
        'No one whose answer to \u201cSex\u201d is \u201cMale\u201d has taken part yet.',
        'No one pregnant or with a new baby has taken part yet.',
      ],
    );
  });

  it('does not count the answers of a partner who withdrew equality consent, or who never gave it', () => {
    const given = (equality: Record<string, string>): Partner => ({
      ...fictionalPartner(1),
      consent: {
        register: { given: true, at: '2026-01-05T09:00:00.000Z' },
        contactAboutOpportunities: { given: true, at: '2026-01-05T09:00:00.000Z' },
        equalityMonitoring: { given: true, at: '2026-01-05T09:00:00.000Z' },
      },
      equality,
    });
    const five = Array.from({ length: 5 }, () => given({ ageBand: '18-24' }));
    assert.deepEqual(planReach(['young-people'], five.map(reachFactsOf), THRESHOLD).groups[0]!.reached, [
      'People aged 18\u201324: 5',
    ]);
    const withdrawn = withConsentChange(
      five[0]!,
      { version: '1', purpose: 'equalityMonitoring', given: false, date: '2026-02-01', how: 'email' },
      { id: 'iev-1', displayName: 'Ivy', roles: ['iev'] },
      new Date('2026-02-01T10:00:00.000Z'),
    ).partner;
    const neverGiven = {
      ...five[1]!,
      consent: { ...five[1]!.consent, equalityMonitoring: { given: false, at: '2026-01-05T09:00:00.000Z' } },
    };
    assert.deepEqual(reachFactsOf(withdrawn), {});
    assert.deepEqual(reachFactsOf(neverGiven), {});
    const reach = planReach(['young-people'], [withdrawn, neverGiven, ...five.slice(2)].map(reachFactsOf), THRESHOLD);
    assert.deepEqual(reach.groups, [], 'three answers left: too few to show');
    assert.ok(reach.tooFewToShow);
  });

  it('shows the gaps in plain words on the plan summary and the outcome ("after") card', () => {
    const plan: Plan = {
      id: 'plan-1',
      type: 'plan',
      schemaVersion: 1,
      hostId: 'host-1',
      hostName: 'Hana Host',
      title: 'Calmer waiting area',
      phase: 'running',
      position: 'summary',
      revision: 3,
      answers: { people: { groups: ['age', 'carers', 'veterans', 'homeless'] } },
      skipped: [],
      sessions: [],
      partnerIds: [],
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-01T09:00:00.000Z',
    };
    const reach = planReach(['age', 'carers', 'veterans', 'homeless'], SIX, THRESHOLD);
    for (const card of [planSummaryCard(plan, [], { reach }), planOutcomeCard(plan, { reach })]) {
      assert.deepEqual(validateCard(card), []);
      const text = cardText(card);
      assert.ok(text.includes('No one aged 18\u201324 has taken part yet.'));
      assert.ok(text.includes('No one who served in the UK armed forces has taken part yet.'));
      assert.ok(text.includes('The register does not ask about: People experiencing homelessness.'));
      assert.ok(!/: [1-4]\b/.test(text), 'no count below the threshold');
    }
  });
});
