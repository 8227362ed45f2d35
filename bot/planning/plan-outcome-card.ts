import { card, container, heading, paragraph, type AdaptiveCard, type CardElement } from '../cards/adaptive-card.js';
import { choiceInput, problemSummary, textInput, toggleInput } from '../cards/inputs.js';
import type { FieldProblem } from '../../domain/errors.js';
import { YOU_SAID_PAIRS } from '../../domain/planning/during-after.js';
import type { Plan } from '../../domain/planning/plan.js';
import type { SuggestionsByGroup } from '../../domain/organisations/organisation-service.js';
import type { PlanReach } from '../../domain/planning/reach-gap.js';
import { reachSection } from './reach-section.js';
import { OUTCOME_VERBS, PLAN_VERBS } from './planning-verbs.js';

const RATING_CHOICES = [
  { value: 'very-good', title: 'Very good' },
  { value: 'good', title: 'Good' },
  { value: 'mixed', title: 'Mixed' },
  { value: 'poor', title: 'Poor' },
];

/** "After": what was decided, you said / we did, how outcomes were fed back, thanks, and a short evaluation. */
export function planOutcomeCard(
  plan: Plan,
  options: {
    values?: Readonly<Record<string, string>> | undefined;
    problems?: readonly FieldProblem[] | undefined;
    reach?: PlanReach | undefined;
    /** Directory organisations that reach the groups not reached yet. */
    organisations?: SuggestionsByGroup | undefined;
  } = {},
): AdaptiveCard {
  const values = options.values ?? answersOf(plan);
  const problems = options.problems;
  const partnerCount = new Set(plan.sessions.flatMap((session) => session.partnerIds)).size;
  const sessionChoices = plan.sessions.map((session) => ({ value: session.id, title: `Session on ${session.date}` }));
  const body: CardElement[] = [
    paragraph(plan.title, { subtle: true }),
    heading('Record the outcome'),
    container(
      [
        paragraph(
          'Be clear about what was decided and achieved, tell everyone involved what changed because of them, and thank them so they know they made a difference.',
        ),
      ],
      { style: 'emphasis' },
    ),
    ...problemSummary(problems),
    ...textInput('decisions', 'What was decided and achieved?', {
      maxLength: 2000,
      multiline: true,
      value: values.decisions,
      problems,
      required: true,
    }),
    paragraph('You said, we did', { color: 'Accent' }),
    ...Array.from({ length: YOU_SAID_PAIRS }, (_, index) =>
      youSaidPair(index + 1, values, problems, sessionChoices),
    ).flat(),
    ...textInput('feedbackHow', 'How did you tell people what changed?', {
      maxLength: 1000,
      multiline: true,
      value: values.feedbackHow,
      problems,
    }),
    ...textInput('feedbackTo', 'Who did you tell?', { maxLength: 300, value: values.feedbackTo, problems }),
    ...(partnerCount > 0
      ? toggleInput(
          'thankPartners',
          'Thank the partners',
          `Record a thank-you to the ${partnerCount} Involvement ${partnerCount === 1 ? 'Partner' : 'Partners'} who took part`,
          { value: values.thankPartners ?? 'true', problems },
        )
      : []),
    ...reachSection(options.reach, options.organisations),
    paragraph('How was it for you? (optional)', { color: 'Accent' }),
    ...choiceInput('rating', 'How well did involving people work?', RATING_CHOICES, { value: values.rating, problems }),
    ...textInput('evaluationComment', 'What would you do differently next time?', {
      maxLength: 1000,
      multiline: true,
      value: values.evaluationComment,
      problems,
    }),
  ];
  return card(
    body,
    [
      OUTCOME_VERBS.save.action('Save and finish', { planId: plan.id }, { style: 'positive' }),
      PLAN_VERBS.resume.action('Back to my plan', { planId: plan.id }, { associatedInputs: 'none' }),
    ],
    {
      fallbackText: `Record the outcome of ${plan.title}`,
    },
  );
}

function youSaidPair(
  number: number,
  values: Readonly<Record<string, string>>,
  problems: readonly FieldProblem[] | undefined,
  sessions: ReadonlyArray<{ value: string; title: string }>,
): CardElement[] {
  return [
    ...textInput(`youSaid${number}`, `You said (${number})`, {
      maxLength: 1000,
      multiline: true,
      value: values[`youSaid${number}`],
      problems,
      placeholder: 'What people told you',
    }),
    ...textInput(`weDid${number}`, `We did (${number})`, {
      maxLength: 1000,
      multiline: true,
      value: values[`weDid${number}`],
      problems,
      placeholder: 'What changed, or why it could not',
    }),
    ...(sessions.length > 0
      ? choiceInput(`session${number}`, `Where was it said? (${number})`, sessions, {
          value: values[`session${number}`],
          problems,
          compact: true,
        })
      : []),
  ];
}

/** A recorded outcome shown again for changes. */
function answersOf(plan: Plan): Record<string, string> {
  const outcome = plan.outcome;
  if (!outcome) return {};
  const values: Record<string, string> = {
    decisions: outcome.decisions,
    feedbackHow: outcome.feedbackHow,
    feedbackTo: outcome.feedbackTo,
    thankPartners: outcome.thankedPartnerIds.length > 0 ? 'true' : 'false',
    rating: outcome.evaluation?.rating ?? '',
    evaluationComment: outcome.evaluation?.comment ?? '',
  };
  outcome.youSaidWeDid.forEach((entry, index) => {
    values[`youSaid${index + 1}`] = entry.youSaid;
    values[`weDid${index + 1}`] = entry.weDid;
    values[`session${index + 1}`] = entry.sessionId ?? '';
  });
  return values;
}
