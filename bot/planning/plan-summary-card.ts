import {
  actionSet,
  bulletList,
  card,
  container,
  facts,
  heading,
  paragraph,
  subheading,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive-card.js';
import type { PlanSpend } from '../../domain/claims/claim-service.js';
import { formatPounds } from '../../domain/claims/money.js';
import type { PlanGap } from '../../domain/planning/plan-gaps.js';
import { PHASE_NAMES, type Plan } from '../../domain/planning/plan.js';
import { PLAN_STEPS, type PlanStep } from '../../domain/planning/plan-steps.js';
import { describeAnswers } from '../../domain/planning/plan-answers.js';
import { supportKindTitle, type SupportRequest } from '../../domain/planning/support-request.js';
import type { SuggestionsByGroup } from '../../domain/organisations/organisation-service.js';
import type { PlanReach } from '../../domain/planning/reach-gap.js';
import { reachSection } from './reach-section.js';
import { OUTCOME_VERBS, PLAN_VERBS, SESSION_VERBS, SUPPORT_VERBS } from './planning-verbs.js';
import { OPPORTUNITY_VERBS } from '../opportunities/opportunity-verbs.js';

/** The plan as a plan: every answer, what is missing measured against the involvement principles, and what to do next. */
export function planSummaryCard(
  plan: Plan,
  gaps: readonly PlanGap[],
  options: {
    notice?: string | undefined;
    supportRequests?: readonly SupportRequest[] | undefined;
    reach?: PlanReach | undefined;
    /** Directory organisations that reach the groups not reached yet. */
    organisations?: SuggestionsByGroup | undefined;
    spend?: PlanSpend | undefined;
    /** Names of the partners chosen from the plan's opportunities (the host chose them, so may see who). */
    chosen?: readonly string[] | undefined;
  } = {},
): AdaptiveCard {
  const body: CardElement[] = [
    paragraph(`Your plan \u00b7 ${PHASE_NAMES[plan.phase]}`, { subtle: true }),
    heading(plan.title),
    ...(options.notice ? [container([paragraph(options.notice)], { style: 'warning' })] : []),
    gapsBlock(gaps),
    ...PLAN_STEPS.flatMap((step) => stepSection(plan, step)),
    ...reachSection(options.reach, options.organisations),
    ...chosenSection(options.chosen),
    ...duringAndAfter(plan),
    ...spendSection(plan, options.spend),
    ...supportSection(options.supportRequests ?? []),
  ];
  const id = { planId: plan.id };
  return card(
    body,
    [
      OPPORTUNITY_VERBS.start.action('Find people: publish an opportunity', id),
      SUPPORT_VERBS.start.action('Ask the IEV team for help', id),
      SESSION_VERBS.start.action('Log a session', id),
      OUTCOME_VERBS.start.action('Record the outcome', id),
      PLAN_VERBS.list.action('My plans'),
    ],
    { fallbackText: `Your plan: ${plan.title}. ${gaps.length} things to look at.` },
  );
}

function gapsBlock(gaps: readonly PlanGap[]): CardElement {
  if (gaps.length === 0) {
    return container(
      [paragraph('Your plan covers every involvement principle we check. Well done.', { color: 'Good' })],
      { style: 'good' },
    );
  }
  return container(
    [
      // Bold default text rather than red on amber: readable at WCAG AA contrast in every Teams theme.
      {
        type: 'TextBlock',
        text: `${gaps.length === 1 ? 'One thing' : `${gaps.length} things`} to look at`,
        weight: 'Bolder',
        wrap: true,
      },
      bulletList(gaps.map((gap) => `${gap.message} (${gap.principle})`)),
      paragraph('Press \u201cChange\u201d under a section to fill it in.', { subtle: true }),
    ],
    { style: 'warning' },
  );
}

function stepSection(plan: Plan, step: PlanStep): CardElement[] {
  const rows = describeAnswers(plan, step);
  const status =
    rows.length > 0
      ? [facts(rows)]
      : [paragraph(plan.skipped.includes(step.key) ? 'Skipped for now.' : 'Not answered yet.', { subtle: true })];
  return [
    subheading(step.title),
    ...status,
    actionSet([PLAN_VERBS.edit.action('Change', { planId: plan.id, step: step.key, revision: plan.revision })]),
  ];
}

/** Answers in words: choice titles rather than codes, money in pounds. */
function duringAndAfter(plan: Plan): CardElement[] {
  const elements: CardElement[] = [];
  if (plan.sessions.length > 0) {
    const minutes = plan.sessions.reduce((total, session) => total + session.durationMinutes, 0);
    elements.push(
      subheading('Sessions so far'),
      facts([
        ['Sessions', String(plan.sessions.length)],
        ['Time together', `${Math.round((minutes / 60) * 10) / 10} hours`],
        ['Last session', plan.sessions.at(-1)!.date],
      ]),
    );
  }
  if (plan.outcome) {
    elements.push(
      subheading('Outcome'),
      facts([
        ['Decided and achieved', plan.outcome.decisions],
        ['You said, we did', `${plan.outcome.youSaidWeDid.length} recorded`],
        ['Fed back', plan.outcome.feedbackHow || 'Not recorded'],
      ]),
    );
  }
  return elements;
}

/** The plan's partners step, as opportunities filled it: who the host chose from those interested. */
function chosenSection(chosen: readonly string[] | undefined): CardElement[] {
  if (!chosen || chosen.length === 0) return [];
  return [
    subheading('Involvement Partners chosen'),
    paragraph(`From your opportunity: ${chosen.join(', ')}. Contact them before the first meeting.`),
  ];
}

function supportSection(requests: readonly SupportRequest[]): CardElement[] {
  if (requests.length === 0) return [];
  return [
    subheading('Help from the IEV team'),
    facts(
      requests.map(
        (request) =>
          [
            request.kinds.map(supportKindTitle).join('; '),
            request.takenBy ? `Picked up by ${request.takenBy.name}` : 'Asked, waiting for someone to pick it up',
          ] as const,
      ),
    ),
  ];
}

/** Expenses and payments claimed and paid for this work, against the budget step's figure. */
function spendSection(plan: Plan, spend: PlanSpend | undefined): CardElement[] {
  if (!spend) return [];
  const budget = Number(plan.answers.budget?.budget);
  const pounds = (pence: number) => formatPounds(pence);
  return [
    subheading('Expenses and payments'),
    facts([
      ['Claimed', `${pounds(spend.claimedPence)} (${spend.claims} ${spend.claims === 1 ? 'claim' : 'claims'})`],
      ['Paid', pounds(spend.paidPence)],
      [
        'Budget',
        Number.isFinite(budget) && budget > 0
          ? `${pounds(Math.round(budget * 100))}, ${pounds(Math.max(0, Math.round(budget * 100) - spend.claimedPence))} left after what is claimed`
          : 'No budget set yet',
      ],
    ]),
  ];
}
