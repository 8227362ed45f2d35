import type { FieldProblem } from '../../domain/errors.js';
import type { PartnerChoice } from '../../domain/register/partner-picker.js';
import {
  actionSet,
  card,
  fieldError,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive-card.js';
import { choiceInput, problemFor, textInput } from '../cards/inputs.js';
import { CLAIM_VERBS } from './claim-verbs.js';
import { OTHER_WORK } from '../../domain/claims/claim-service.js';
import { formatDate } from './claim-parts.js';

export interface ClaimStartState {
  readonly search?: string;
  /** Undefined before a search; empty when nothing matched. */
  readonly matches?: readonly PartnerChoice[];
  readonly values?: Readonly<Record<string, string>>;
  readonly problems?: readonly FieldProblem[];
  /** The host's plans (newest first) with their sessions: a claim belongs to one, or to "other" work. */
  readonly work?: ReadonlyArray<{
    readonly planId: string;
    readonly title: string;
    readonly sessions: ReadonlyArray<{ readonly id: string; readonly date: string }>;
  }>;
}

/** Step 1 of a claim: find the partner on the register (search, never free text), and say what work it is for. */
export function claimStartCard(state: ClaimStartState = {}): AdaptiveCard {
  const problems = state.problems;
  const body: CardElement[] = [
    heading('Claim expenses for an Involvement Partner', 'Medium'),
    paragraph(
      'Find the partner on the Involvement Register. I\u2019ll then ask for each cost and check it against the reimbursement policy before anything is sent.',
    ),
    ...textInput('partnerSearch', 'Partner\u2019s name (or part of it)', {
      placeholder: 'For example: Pat',
      maxLength: 80,
      value: state.search,
      problems,
    }),
    actionSet([CLAIM_VERBS.findPartner.action('Search the register', {}, { associatedInputs: 'auto' })]),
  ];
  const matches = state.matches;
  const partnerProblem = problemFor(problems, 'partnerId');
  if ((!matches || matches.length === 0) && partnerProblem) body.push(fieldError('partnerId', partnerProblem.message));
  if (matches && matches.length === 0 && state.search) {
    body.push(
      paragraph(
        'Nobody on the register matches that name. Check the spelling, or ask the IEV team to register the partner first.',
        { color: 'Attention' },
      ),
    );
  }
  if (matches && matches.length > 0) {
    const choices = matches.map((partner) => ({
      title:
        partner.areas.length > 0
          ? `${partner.displayName} (${partner.areas.slice(0, 2).join(', ')})`
          : partner.displayName,
      value: partner.id,
    }));
    body.push(
      ...choiceInput('partnerId', 'Choose the partner', choices, {
        value: state.values?.partnerId ?? (matches.length === 1 ? matches[0]!.id : ''),
        required: true,
        errorMessage: 'Choose the partner',
        problems,
      }),
      ...workChoice(state),
    );
    return card(
      body,
      [CLAIM_VERBS.create.action('Start the claim', {}, { style: 'positive', associatedInputs: 'auto' })],
      { fallbackText: 'Claim expenses: choose the partner' },
    );
  }
  return card(body, [], { fallbackText: 'Claim expenses: find the partner on the register' });
}

/** Which of the host's plans the claim is for (and, optionally, which session), or "other" with a title. */
function workChoice(state: ClaimStartState): CardElement[] {
  const plans = (state.work ?? []).slice(0, 20);
  const problems = state.problems;
  const title = textInput(
    'workTitle',
    plans.length > 0 ? 'If it is other work: what is it?' : 'Which involvement work or session is this claim for?',
    {
      placeholder: 'For example: Ward 3 discharge redesign, workshop on 4 June',
      ...(plans.length > 0 ? {} : { required: true, errorMessage: 'Say what the claim is for' }),
      maxLength: 150,
      value: state.values?.workTitle,
      problems,
    },
  );
  if (plans.length === 0) return title;
  const sessions = plans.flatMap((plan) =>
    plan.sessions
      .slice(-10)
      .map((session) => ({ title: `${plan.title}: ${formatDate(session.date)}`, value: session.id })),
  );
  return [
    ...choiceInput(
      'planId',
      'Which piece of work is this claim for?',
      [...plans.map((plan) => ({ title: plan.title, value: plan.planId })), { title: 'Other work', value: OTHER_WORK }],
      {
        value: state.values?.planId ?? plans[0]!.planId,
        required: true,
        errorMessage: 'Choose the work',
        problems,
        compact: true,
      },
    ),
    ...title,
    ...(sessions.length > 0
      ? choiceInput('sessionId', 'Which session was it for? (optional)', sessions, {
          value: state.values?.sessionId,
          problems,
          compact: true,
        })
      : []),
  ];
}
