import {
  bulletList,
  card,
  container,
  facts,
  heading,
  openUrl,
  paragraph,
  subheading,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../cards/adaptive-card.js';
import { choiceInput, dateInput, numberInput, problemSummary, textInput } from '../cards/inputs.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { MatchingView, OpportunityDetail } from '../../domain/opportunities/opportunity-service.js';
import { longDate, whenWords, whereWords } from '../../domain/opportunities/opportunity-service.js';
import {
  ACCESS_ARRANGEMENTS,
  ACCESS_KEYS,
  FORMAT_NAMES,
  OPPORTUNITY_FORMATS,
  STATE_NAMES,
  type Opportunity,
} from '../../domain/opportunities/opportunity.js';
import type { PublishForm } from '../../domain/opportunities/publish-form.js';
import { LIVED_EXPERIENCE } from '../../domain/register/service-areas.js';
import { PLAN_VERBS } from '../planning/planning-verbs.js';
import { OPPORTUNITY_VERBS } from './opportunity-verbs.js';

/** The card inputs of the publish form and the longest answer each keeps when the form comes back with problems. */
export const PUBLISH_INPUT_LIMITS = {
  kind: 40,
  role: 120,
  title: 120,
  what: 2000,
  date: 10,
  time: 5,
  format: 20,
  place: 300,
  access: 200,
  accessNotes: 500,
  expensesPaid: 5,
  payment: 200,
  places: 4,
  closesOn: 10,
  interests: 800,
  livedExperience: 200,
} as const;

interface PublishFormInput {
  readonly planTitle: string;
  readonly op: string;
  readonly values: Readonly<Record<string, string>>;
  readonly approvalRequired: boolean;
  readonly problems?: readonly FieldProblem[] | undefined;
}

/** Each input's kept answer and problem, by its field. */
type Common = (field: keyof typeof PUBLISH_INPUT_LIMITS) => {
  value: string | undefined;
  problems: readonly FieldProblem[] | undefined;
};

/** The publish form, filled in from the plan: the host checks it and presses Publish. */
export function publishFormCard(input: PublishFormInput): AdaptiveCard {
  const { values, problems } = input;
  const common: Common = (field) => ({ value: values[field], problems });
  return card(
    [
      paragraph(input.planTitle, { subtle: true }),
      heading('Publish an involvement opportunity'),
      paragraph(
        'We will find the people on the Involvement Register who fit and invite them by email, text or letter, as they prefer. You will see how many fit and why, and who says they are interested.',
      ),
      ...(input.approvalRequired
        ? [paragraph('The IEV team approves opportunities before invitations go.', { subtle: true })]
        : []),
      ...problemSummary(problems),
      ...whatAndWhenInputs(common),
      ...termsInputs(common),
      ...whoFitsInputs(common),
    ],
    publishActions(input),
    { fallbackText: 'Publish an involvement opportunity' },
  );
}

/** What it is, when and where, and the access arrangements. */
function whatAndWhenInputs(common: Common): CardElement[] {
  return [
    ...choiceInput(
      'kind',
      'What kind of opportunity is it?',
      [
        { value: 'involvement', title: 'Involvement work (a group, workshop or project)' },
        { value: 'interview-panel', title: 'An interview panel' },
      ],
      { ...common('kind'), required: true, compact: true },
    ),
    ...textInput('role', 'Interview panels: which role is it for?', { ...common('role'), maxLength: 120 }),
    ...textInput('title', 'Title', { ...common('title'), maxLength: 120, required: true }),
    ...textInput('what', 'What is it, and what will people do?', {
      ...common('what'),
      maxLength: 2000,
      multiline: true,
      required: true,
    }),
    ...dateInput('date', 'Date', { ...common('date'), required: true }),
    ...textInput('time', 'Time (HH:MM), if you know it', { ...common('time'), maxLength: 5, placeholder: '10:30' }),
    ...choiceInput(
      'format',
      'In person or online?',
      OPPORTUNITY_FORMATS.map((format) => ({ value: format, title: FORMAT_NAMES[format] })),
      { ...common('format'), required: true, compact: true },
    ),
    ...textInput('place', 'Where?', { ...common('place'), maxLength: 300 }),
    ...choiceInput(
      'access',
      'Access arrangements you will make',
      ACCESS_KEYS.map((key) => ({ value: key, title: ACCESS_ARRANGEMENTS[key].label })),
      { ...common('access'), multiple: true },
    ),
    ...textInput('accessNotes', 'Anything else about access?', { ...common('accessNotes'), maxLength: 500 }),
  ];
}

/** Expenses, payment, how many people and until when. */
function termsInputs(common: Common): CardElement[] {
  return [
    ...choiceInput(
      'expensesPaid',
      'Will you pay people\u2019s expenses?',
      [
        { value: 'true', title: 'Yes' },
        { value: 'false', title: 'No' },
      ],
      { ...common('expensesPaid'), required: true, compact: true },
    ),
    ...textInput('payment', 'Any involvement payment for people\u2019s time?', {
      ...common('payment'),
      maxLength: 200,
      placeholder: 'For example: \u00a325 for the morning',
    }),
    ...numberInput('places', 'How many people do you need?', {
      ...common('places'),
      min: 1,
      max: 100,
      required: true,
    }),
    ...dateInput('closesOn', 'Last day people can say they are interested', {
      ...common('closesOn'),
      required: true,
    }),
  ];
}

/** What the register is matched on. */
function whoFitsInputs(common: Common): CardElement[] {
  return [
    ...choiceInput(
      'livedExperience',
      'Lived experience you are looking for',
      LIVED_EXPERIENCE.map((kind) => ({ value: kind, title: kind })),
      { ...common('livedExperience'), multiple: true },
    ),
    ...textInput('interests', 'Interests it fits (separated by commas)', {
      ...common('interests'),
      maxLength: 800,
      placeholder: 'For example: Service redesign, Peer support',
    }),
  ];
}

function publishActions(input: PublishFormInput): CardAction[] {
  const planId = String(input.values.planId ?? '');
  return [
    OPPORTUNITY_VERBS.publish.action(
      input.approvalRequired ? 'Send to the IEV team to approve' : 'Publish and invite',
      { planId, op: input.op },
      { style: 'positive' },
    ),
    PLAN_VERBS.resume.action('Back to my plan', { planId }, { associatedInputs: 'none' }),
  ];
}

/** The publish form's starting values, as card inputs take them (strings; lists comma-separated). */
export function formValues(form: Omit<PublishForm, 'operationId'>): Record<string, string> {
  const text = (value: string | number | boolean | readonly string[] | undefined) =>
    Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
  return Object.fromEntries(Object.entries(form).map(([key, value]) => [key, text(value)]));
}

/** The opportunity as its host (or IEV) sees it in chat: where it stands, how many fit and why, who answered. */
export function opportunityCard(
  detail: OpportunityDetail,
  matching: MatchingView,
  options: { readonly tabUrl: string; readonly notice?: string | undefined },
): AdaptiveCard {
  const { opportunity, answers } = detail;
  const actions: CardAction[] = [
    ...(detail.can.approve
      ? [
          OPPORTUNITY_VERBS.approve.action(
            'Approve and send invitations',
            { opportunityId: opportunity.id },
            { style: 'positive' },
          ),
        ]
      : []),
    OPPORTUNITY_VERBS.show.action('Show the latest', { opportunityId: opportunity.id }),
    openUrl('Open in the tab', options.tabUrl),
  ];
  return card(
    [
      paragraph(`Involvement opportunity \u00b7 ${STATE_NAMES[opportunity.state]}`, { subtle: true }),
      heading(opportunity.title),
      ...(options.notice ? [container([paragraph(options.notice)], { style: 'good' })] : []),
      facts(opportunityFacts(opportunity)),
      subheading('Who fits'),
      paragraph(matchingWords(matching)),
      ...(matching.reasons.length > 0
        ? [bulletList(matching.reasons.map((reason) => `${reason.count} ${reason.words}`))]
        : []),
      ...(opportunity.invited
        ? [
            subheading('Answers'),
            facts([
              ['Invited', String(answers.invited)],
              ['Interested', String(answers.interested)],
              ['Not this time', String(answers.notThisTime)],
              ['Not yet answered', String(answers.waiting)],
            ]),
          ]
        : []),
    ],
    actions,
    { fallbackText: `Involvement opportunity: ${opportunity.title}` },
  );
}

/** The card the IEV channel sees while an opportunity waits for approval. */
export function approvalCard(detail: OpportunityDetail, matching: MatchingView, tabUrl: string): AdaptiveCard {
  const { opportunity } = detail;
  return card(
    [
      paragraph('Involvement opportunity \u00b7 waiting for approval', { subtle: true }),
      heading(opportunity.title),
      paragraph(`${opportunity.hostName} would like to invite people from the register.`),
      facts(opportunityFacts(opportunity)),
      paragraph(matchingWords(matching)),
    ],
    [
      OPPORTUNITY_VERBS.approve.action(
        'Approve and send invitations',
        { opportunityId: opportunity.id },
        { style: 'positive' },
      ),
      openUrl('Open in the tab', tabUrl),
    ],
    { fallbackText: `An involvement opportunity waits for approval: ${opportunity.title}` },
  );
}

function opportunityFacts(opportunity: Opportunity): Array<[string, string]> {
  return [
    ...(opportunity.kind === 'interview-panel'
      ? [['Interview panel for', opportunity.role ?? ''] as [string, string]]
      : []),
    ['When', whenWords(opportunity)],
    ['Where', whereWords(opportunity)],
    ['People needed', String(opportunity.places)],
    ['Expenses', opportunity.expensesPaid ? 'Paid' : 'Not paid'],
    ...(opportunity.payment ? [['Payment', opportunity.payment] as [string, string]] : []),
    ['Closes', longDate(opportunity.closesOn)],
  ];
}

function matchingWords(matching: MatchingView): string {
  if (matching.total === 0)
    return 'No one on the register fits yet. Ask the IEV team for help finding people, or widen what you are looking for.';
  return `${matching.total === 1 ? '1 person' : `${matching.total} people`} on the register fit${matching.total === 1 ? 's' : ''} (${matching.strong} strongly). You see how many and why; the IEV team sees who.`;
}

/** The host's card when their opportunity closed on its closing date. */
export function closedCard(opportunity: Opportunity, interested: number, tabUrl: string): AdaptiveCard {
  const text = !opportunity.invited
    ? `Your opportunity \u201c${opportunity.title}\u201d reached its closing date before the IEV team approved it, so nobody was invited. Ask the IEV team, or publish it again with a later closing date.`
    : interested === 0
      ? `Your opportunity \u201c${opportunity.title}\u201d has closed. No one said they were interested this time: the IEV team can help you reach people another way.`
      : `Your opportunity \u201c${opportunity.title}\u201d has closed. ${interested === 1 ? '1 person is' : `${interested} people are`} interested: choose who takes part, then contact them before the first meeting.`;
  return card(
    [heading('Your opportunity has closed', 'Medium'), paragraph(text)],
    [openUrl('Choose who takes part', tabUrl)],
    {
      fallbackText: text,
    },
  );
}
