import { returnedToHost, type ClaimDocument } from '../../domain/claims/claim.js';
import { formatPounds } from '../../domain/claims/money.js';
import type { FieldProblem } from '../../domain/errors.js';
import { card, fieldError, heading, paragraph, type AdaptiveCard, type CardElement } from '../cards/adaptive-card.js';
import { problemFor, textInput, toggleInput } from '../cards/inputs.js';
import { flagCount, totalsFacts } from './claim-parts.js';
import { CLAIM_VERBS } from './claim-verbs.js';

type SubmitState = { problems?: readonly FieldProblem[]; values?: Readonly<Record<string, string>> };

/** The two declarations that replace the signed paper form, and the answer to a query. */
export function claimSubmitCard(claim: ClaimDocument, state: SubmitState = {}): AdaptiveCard {
  const itemsProblem = problemFor(state.problems, 'items');
  const total = formatPounds(claim.totals.expensesPence + claim.totals.paymentsPence);
  return card(
    [
      heading(submitTitle(claim), 'Medium'),
      paragraph(
        `${claim.partnerName}: ${claim.items.length} item${claim.items.length === 1 ? '' : 's'}, ${total} in total.`,
      ),
      totalsFacts(claim),
      ...flagsWarning(claim),
      ...answerInputs(claim, state),
      ...declarations(claim, state),
      ...(itemsProblem ? [fieldError('items', itemsProblem.message)] : []),
    ],
    [
      CLAIM_VERBS.submit.action(
        returnedToHost(claim.status) ? 'Send it back to the IEV team' : 'Submit to the IEV team',
        { claimId: claim.id },
        { style: 'positive', associatedInputs: 'auto' },
      ),
      CLAIM_VERBS.show.action('Back to the claim', { claimId: claim.id }, { associatedInputs: 'none' }),
    ],
    { fallbackText: 'Check and submit the claim' },
  );
}

function submitTitle(claim: ClaimDocument): string {
  if (claim.status === 'queried') return 'Answer the question and send the claim back';
  if (claim.status === 'reopened') return 'Send the corrected claim back';
  return 'Check and submit the claim';
}

function flagsWarning(claim: ClaimDocument): CardElement[] {
  const flags = flagCount(claim);
  if (flags === 0) return [];
  return [
    paragraph(`The IEV team will see ${flags} policy flag${flags === 1 ? '' : 's'} on this claim.`, {
      color: 'Warning',
    }),
  ];
}

/** The answer to the IEV team's question (required), or a note of what a reopened claim's host corrected. */
function answerInputs(claim: ClaimDocument, { problems, values }: SubmitState): CardElement[] {
  return [
    ...(claim.openQuery
      ? [
          paragraph(`**Question:** ${claim.openQuery.question}`),
          ...textInput('answer', 'Your answer', {
            multiline: true,
            required: true,
            errorMessage: 'Answer the question',
            maxLength: 1000,
            value: values?.answer,
            problems,
          }),
        ]
      : []),
    ...(claim.status === 'reopened'
      ? textInput('answer', 'What did you correct? (optional; the IEV team sees this)', {
          multiline: true,
          maxLength: 1000,
          value: values?.answer,
          problems,
        })
      : []),
  ];
}

function declarations(claim: ClaimDocument, { problems, values }: SubmitState): CardElement[] {
  return [
    ...toggleInput(
      'partnerDeclaration',
      'Partner\u2019s declaration',
      `${claim.partnerName} confirms they had these costs and has not claimed them anywhere else.`,
      {
        value: values?.partnerDeclaration,
        required: true,
        errorMessage: 'The partner must confirm this',
        problems,
      },
    ),
    ...toggleInput(
      'hostDeclaration',
      'Your declaration',
      'I confirm this claim is legitimate: the partner took part in this work and the costs are genuine.',
      {
        value: values?.hostDeclaration,
        required: true,
        errorMessage: 'Confirm the claim is legitimate',
        problems,
      },
    ),
  ];
}
