import {
  actionSet,
  card,
  container,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive-card.js';
import { choiceInput, dateInput, numberInput, problemSummary, textInput } from '../cards/inputs.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Choice } from '../../domain/planning/plan-steps.js';
import { PLAN_VERBS, SESSION_VERBS } from './planning-verbs.js';

export const SESSION_FORMAT_CHOICES: readonly Choice[] = [
  { value: 'in-person', title: 'In person' },
  { value: 'online', title: 'Online' },
  { value: 'phone', title: 'By phone' },
  { value: 'hybrid', title: 'In person and online' },
  { value: 'visit', title: 'We visited a community group' },
];

export const CHECK_IN_CHOICES: readonly Choice[] = [
  { value: 'yes', title: 'Yes, everyone' },
  { value: 'mostly', title: 'Mostly' },
  { value: 'no', title: 'No, not everyone' },
  { value: 'not-asked', title: 'I haven\u2019t asked yet' },
];

export interface SessionLogCardInput {
  readonly planId: string;
  readonly planTitle: string;
  /** Identifies this form: the session is saved once however often Save is pressed. */
  readonly op: string;
  readonly today: string;
  readonly values?: Readonly<Record<string, string>> | undefined;
  readonly problems?: readonly FieldProblem[] | undefined;
  /** Partners to choose from: those already chosen plus the latest search results. */
  readonly partnerChoices: ReadonlyArray<{ readonly id: string; readonly displayName: string }>;
  readonly searchNote?: string | undefined;
}

/** "During": log a session, choosing the partners who took part from the register, and check in on the group. */
export function sessionLogCard(input: SessionLogCardInput): AdaptiveCard {
  const values = input.values ?? {};
  const ids = { planId: input.planId, op: input.op };
  const body: CardElement[] = [
    paragraph(input.planTitle, { subtle: true }),
    heading('Log a session'),
    container(
      [
        paragraph(
          'Record each meeting or session, and who took part, so partners\u2019 time is recognised and their expenses can be claimed.',
        ),
      ],
      { style: 'emphasis' },
    ),
    ...problemSummary(input.problems),
    ...dateInput('date', 'When was it?', {
      value: values.date ?? input.today,
      max: input.today,
      problems: input.problems,
      required: true,
    }),
    ...numberInput('durationMinutes', 'How long was it, in minutes?', {
      value: values.durationMinutes,
      min: 5,
      max: 720,
      placeholder: 'For example 90',
      problems: input.problems,
      required: true,
    }),
    ...choiceInput('format', 'How was it held?', SESSION_FORMAT_CHOICES, {
      value: values.format,
      problems: input.problems,
      compact: true,
      required: true,
    }),
    ...textInput('partnerSearch', 'Find Involvement Partners who took part: type part of a name', {
      maxLength: 80,
      value: values.partnerSearch,
      placeholder: 'For example: Ali',
    }),
    actionSet([SESSION_VERBS.search.action('Search the register', ids)]),
    ...(input.searchNote ? [paragraph(input.searchNote, { subtle: true })] : []),
    ...partnerPicker(input, values.partnerIds),
    ...textInput('howItWent', 'How did it go? What did people tell you?', {
      maxLength: 2000,
      multiline: true,
      value: values.howItWent,
      problems: input.problems,
    }),
    container(
      [
        paragraph(
          'Check in with the group regularly: do people understand how things are going, and feel engaged and heard? Talking about experiences can be upsetting, so give time to talk afterwards.',
        ),
      ],
      { style: 'emphasis' },
    ),
    ...choiceInput('checkIn', 'Does everyone feel engaged and heard?', CHECK_IN_CHOICES, {
      value: values.checkIn,
      problems: input.problems,
      required: true,
    }),
    ...textInput('checkInNotes', 'Anything you will do differently next time?', {
      maxLength: 1000,
      multiline: true,
      value: values.checkInNotes,
      problems: input.problems,
    }),
  ];
  return card(
    body,
    [
      SESSION_VERBS.save.action('Save session', ids, { style: 'positive' }),
      PLAN_VERBS.resume.action('Back to my plan', { planId: input.planId }, { associatedInputs: 'none' }),
    ],
    {
      fallbackText: `Log a session for ${input.planTitle}`,
    },
  );
}

function partnerPicker(input: SessionLogCardInput, selected: string | undefined): CardElement[] {
  if (input.partnerChoices.length === 0) {
    const problem = input.problems?.find((item) => item.field === 'partnerIds');
    return [
      paragraph(
        problem
          ? problem.message
          : 'No partners chosen yet. Search the register above to add the people who took part.',
        problem ? { color: 'Attention' } : { subtle: true },
      ),
    ];
  }
  const choices = input.partnerChoices.map((partner) => ({ value: partner.id, title: partner.displayName }));
  return choiceInput('partnerIds', 'Involvement Partners who took part', choices, {
    multiple: true,
    value: selected,
    problems: input.problems,
  });
}
