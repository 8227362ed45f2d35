import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import { planClosedCard } from '../../bot/planning/plan-closed-card.js';
import { planListCard } from '../../bot/planning/plan-list-card.js';
import { planOutcomeCard } from '../../bot/planning/plan-outcome-card.js';
import { planSavedCard } from '../../bot/planning/plan-saved-card.js';
import { planStepCard } from '../../bot/planning/plan-step-card.js';
import { planSummaryCard } from '../../bot/planning/plan-summary-card.js';
import { sessionLogCard } from '../../bot/planning/session-log-card.js';
import { sessionLoggedCard } from '../../bot/planning/session-logged-card.js';
import { supportRequestCard } from '../../bot/planning/support-request-card.js';
import { supportRequestFormCard } from '../../bot/planning/support-request-form-card.js';
import { supportSentCard } from '../../bot/planning/support-sent-card.js';
import { supportTakenCard } from '../../bot/planning/support-taken-card.js';
import { brokenButtonCard, planningFeature } from '../../bot/planning/planning-feature.js';
import { gapsIn } from '../../domain/planning/plan-gaps.js';
import { planReach } from '../../domain/planning/reach-gap.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../domain/impact/suppression.js';
import { PLAN_STEPS, stepFor } from '../../domain/planning/plan-steps.js';
import type { Plan, PlanSession } from '../../domain/planning/plan.js';
import type { SupportRequest } from '../../domain/planning/support-request.js';
import { actionsOf, cardText, validateCard } from '../helpers/cards.js';
import { renderCard } from './render-card.js';
import { GENERAL_VERBS } from '../../bot/general/general-verbs.js';
import { opportunitiesFeature } from '../../bot/opportunities/opportunities-feature.js';

const SESSION: PlanSession = {
  id: 'op-1',
  date: '2026-03-03',
  durationMinutes: 90,
  format: 'visit',
  partnerIds: ['partner-1'],
  howItWent: 'Lively',
  checkIn: 'no',
  checkInNotes: '',
  loggedAt: '2026-03-03T12:00:00.000Z',
};

const LONGEST = (length: number) => 'w'.repeat(length);

/** A plan with every text answer at its longest: the summary must still fit Teams' size limit. */
const FULL: Plan = {
  id: 'plan-1',
  type: 'plan',
  schemaVersion: 1,
  hostId: 'host-1',
  hostName: 'Hana Host',
  title: 'Calmer waiting area',
  phase: 'closed',
  position: 'summary',
  revision: 20,
  answers: Object.fromEntries(
    PLAN_STEPS.map((step) => [
      step.key,
      Object.fromEntries(
        step.fields.map((field) => [
          field.id,
          field.kind === 'text'
            ? LONGEST(field.maxLength)
            : field.kind === 'number'
              ? field.max
              : field.kind === 'date'
                ? '2026-03-01'
                : field.multiple
                  ? field.choices.map((choice) => choice.value)
                  : field.choices[0]!.value,
        ]),
      ),
    ]),
  ),
  skipped: [],
  sessions: [SESSION],
  partnerIds: ['partner-1'],
  outcome: {
    decisions: 'New seating',
    youSaidWeDid: [{ youSaid: 'Rows feel cold', weDid: 'Small groups of chairs', sessionId: 'op-1' }],
    feedbackHow: 'Poster',
    feedbackTo: 'Everyone',
    thankedPartnerIds: ['partner-1'],
    thankYouMessage: 'Thank you for taking part.\nYou said: Rows feel cold. We did: Small groups of chairs.',
    evaluation: { rating: 'good', comment: 'Start earlier' },
    recordedAt: '2026-04-01T12:00:00.000Z',
  },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-04-01T12:00:00.000Z',
};
const EMPTY: Plan = {
  ...FULL,
  phase: 'planning',
  position: 'known',
  answers: { purpose: { title: 'New plan', purpose: 'Why' } },
  sessions: [],
  partnerIds: [],
  outcome: undefined,
  skipped: ['known'],
};
const REQUEST: SupportRequest = {
  id: 'support-1',
  type: 'support-request',
  schemaVersion: 1,
  hostId: 'host-1',
  hostName: 'Hana Host',
  planId: 'plan-1',
  planTitle: 'Calmer waiting area',
  kinds: ['planning', 'hub-room'],
  description: 'Help please',
  status: 'open',
  createdAt: '2026-02-01T09:00:00.000Z',
};
const TAKEN: SupportRequest = {
  ...REQUEST,
  status: 'taken',
  takenBy: { id: 'iev-1', name: 'Ivy', at: '2026-02-01T10:00:00.000Z' },
};
const PROBLEM = (field: string) => [{ field, message: 'Please check this.' }];

/** Every card the planning feature can send, in each state a person can meet it. */
const CARDS: Array<[string, AdaptiveCard]> = [
  ...PLAN_STEPS.flatMap((step): Array<[string, AdaptiveCard]> => [
    [
      `step "${step.title}", walking`,
      planStepCard({ step, planId: 'plan-1', planTitle: 'Calmer waiting area', revision: 3, mode: 'walk', values: {} }),
    ],
    [
      `step "${step.title}", editing with a problem`,
      planStepCard({
        step,
        planId: 'plan-1',
        revision: 3,
        mode: 'edit',
        values: {},
        problems: PROBLEM(step.fields[0]!.id),
        notice: 'Out of date',
      }),
    ],
  ]),
  [
    'first step of a new plan',
    planStepCard({ step: stepFor('purpose'), revision: 0, mode: 'walk', op: 'op-1', values: {} }),
  ],
  [
    'methods step with ideas',
    planStepCard({
      step: stepFor('methods'),
      planId: 'plan-1',
      revision: 3,
      mode: 'walk',
      values: { methods: 'survey,online' },
      suggestions: ['Go to lunch clubs'],
    }),
  ],
  ['summary of a finished plan at full length', planSummaryCard(FULL, gapsIn(FULL))],
  [
    'summary of a plan just started, with gaps and a notice',
    planSummaryCard(EMPTY, gapsIn(EMPTY), { notice: 'Out of date' }),
  ],
  ['my plans, none', planListCard([])],
  ['my plans, several', planListCard([FULL, EMPTY, { ...EMPTY, phase: 'running', position: 'summary' }])],
  ['saved and exited', planSavedCard(EMPTY)],
  ['support form', supportRequestFormCard({ planId: 'plan-1', planTitle: 'Calmer', op: 'op-2' })],
  [
    'support form with problems',
    supportRequestFormCard({
      planId: 'plan-1',
      planTitle: 'Calmer',
      op: 'op-2',
      values: { kinds: 'planning', description: 'x' },
      problems: [...PROBLEM('kinds'), ...PROBLEM('description')],
    }),
  ],
  ['support request, IEV view', supportRequestCard(REQUEST, 'iev')],
  ['support request, everyone', supportRequestCard(REQUEST, 'everyone')],
  ['support request, taken', supportRequestCard(TAKEN, 'iev')],
  ['support sent', supportSentCard(REQUEST, true)],
  ['support kept, no channel', supportSentCard(REQUEST, false)],
  ['support taken, to the host', supportTakenCard(TAKEN)],
  [
    'session form, nobody found yet',
    sessionLogCard({ planId: 'plan-1', planTitle: 'Calmer', op: 'op-3', today: '2026-03-03', partnerChoices: [] }),
  ],
  [
    'session form with partners and problems',
    sessionLogCard({
      planId: 'plan-1',
      planTitle: 'Calmer',
      op: 'op-3',
      today: '2026-03-03',
      partnerChoices: [{ id: 'partner-1', displayName: 'Ali' }],
      values: { partnerIds: 'partner-1', date: '2026-03-01' },
      problems: [...PROBLEM('date'), ...PROBLEM('partnerIds')],
      searchNote: 'Found 1',
    }),
  ],
  ['session logged, not everyone heard', sessionLoggedCard('plan-1', 'Calmer', SESSION, ['Ali'])],
  ['outcome form, with sessions', planOutcomeCard(FULL)],
  [
    'summary and outcome form, every group to reach and no one yet',
    planSummaryCard(FULL, gapsIn(FULL), {
      reach: planReach(FULL.answers.people!.groups as string[], [], DEFAULT_SUPPRESSION_THRESHOLD),
    }),
  ],
  [
    'outcome form, too few answers to show reach',
    planOutcomeCard(FULL, { reach: planReach(['age', 'homeless'], [{ equality: {} }], DEFAULT_SUPPRESSION_THRESHOLD) }),
  ],
  [
    'outcome form, no sessions, with problems',
    planOutcomeCard(EMPTY, { values: { youSaid1: 'x' }, problems: PROBLEM('weDid1') }),
  ],
  ['outcome recorded', planClosedCard(FULL)],
  [
    'outcome recorded without feedback',
    planClosedCard({
      ...FULL,
      outcome: { ...FULL.outcome!, youSaidWeDid: [], thankYouMessage: '', thankedPartnerIds: [] },
    }),
  ],
  ['broken button', brokenButtonCard()],
];

describe('Every planning card renders in Teams', () => {
  for (const [name, card] of CARDS) {
    it(`${name}: renders, schema 1.5 or lower, labelled inputs, no Table, verbs on every Action.Execute, under 80 KB`, () => {
      assert.deepEqual(validateCard(card), []);
      const html = renderCard(card);
      const firstText =
        (card.body.find((element) => element.type === 'TextBlock') as { text: string } | undefined)?.text ?? '';
      assert.ok(html.textContent.includes(firstText.slice(0, 20)), 'the rendered card shows its text');
      const inputs = card.body.filter((element) => element.type.startsWith('Input.')).length;
      assert.ok(html.querySelectorAll('input, textarea, select').length >= inputs, 'every input is rendered');
    });
  }

  it('every button on every card goes to an action the bot answers', () => {
    const feature = planningFeature({} as Parameters<typeof planningFeature>[0]);
    // The summary's "publish an opportunity" is answered by the opportunities feature.
    const opportunities = opportunitiesFeature({} as Parameters<typeof opportunitiesFeature>[0]);
    const handled = new Set([
      ...[...(feature.actions ?? []), ...(opportunities.actions ?? [])].map((action) => action.verb),
      GENERAL_VERBS.help.verb,
    ]);
    for (const [name, card] of CARDS) {
      for (const action of actionsOf(card).filter((item) => item.type === 'Action.Execute'))
        assert.ok(handled.has(action.verb!), `${name}: ${action.verb}`);
      const refresh = (card as { refresh?: { action: { verb: string } } }).refresh;
      if (refresh) assert.ok(handled.has(refresh.action.verb), `${name}: refresh ${refresh.action.verb}`);
    }
  });

  it('shows progress, Back, Skip and Save and exit on a step in the middle', () => {
    const card = planStepCard({
      step: stepFor('level'),
      planId: 'plan-1',
      planTitle: 'Calmer',
      revision: 3,
      mode: 'walk',
      values: {},
    });
    assert.match(cardText(card), /Step 8 of 14 \u00b7 Calmer/);
    assert.deepEqual(
      actionsOf(card).map((action) => action.title),
      ['Next', 'Back', 'Skip', 'Save and exit'],
    );
  });
});
