import { card, heading, paragraph, type AdaptiveCard } from '../cards/adaptive-card.js';
import { choiceInput, problemSummary, textInput } from '../cards/inputs.js';
import type { FieldProblem } from '../../domain/errors.js';
import { SUPPORT_KINDS } from '../../domain/planning/support-request.js';
import { PLAN_VERBS, SUPPORT_VERBS } from './planning-verbs.js';

export interface SupportRequestFormInput {
  readonly planId: string;
  readonly planTitle: string;
  /** Identifies this form, so pressing Send twice makes one request. */
  readonly op: string;
  readonly values?: Readonly<Record<string, string>> | undefined;
  readonly problems?: readonly FieldProblem[] | undefined;
}

/** The "New Works" form: what help the host would like from the IEV team, and a short description. */
export function supportRequestFormCard(input: SupportRequestFormInput): AdaptiveCard {
  return card(
    [
      paragraph(input.planTitle, { subtle: true }),
      heading('Ask the IEV team for help'),
      paragraph(
        'The Involvement, Experience and Volunteering team can advise, help you find people, host you at an Involvement Hub, help you get started or co-facilitate. Tell them what you are planning and what would help.',
      ),
      ...problemSummary(input.problems),
      ...choiceInput('kinds', 'What would you like help with?', SUPPORT_KINDS, {
        multiple: true,
        value: input.values?.kinds,
        problems: input.problems,
        required: true,
      }),
      ...textInput('description', 'What are you planning, and what help would be useful?', {
        maxLength: 2000,
        multiline: true,
        value: input.values?.description,
        problems: input.problems,
        required: true,
      }),
    ],
    [
      SUPPORT_VERBS.send.action('Send to the IEV team', { planId: input.planId, op: input.op }, { style: 'positive' }),
      PLAN_VERBS.resume.action('Back to my plan', { planId: input.planId }, { associatedInputs: 'none' }),
    ],
    { fallbackText: 'Ask the IEV team for help' },
  );
}
