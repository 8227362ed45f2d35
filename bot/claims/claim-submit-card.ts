import { returnedToHost, type ClaimDocument } from '../../domain/claims/claim.js';
import { formatPounds } from '../../domain/claims/money.js';
import type { FieldProblem } from '../../domain/errors.js';
import { card, fieldError, heading, paragraph, type AdaptiveCard } from '../cards/adaptive-card.js';
import { problemFor, textInput, toggleInput } from '../cards/inputs.js';
import { flagCount, totalsFacts } from './claim-parts.js';
import { CLAIM_VERBS } from './claim-verbs.js';

/** The two declarations that replace the signed paper form, and the answer to a query. */
export function claimSubmitCard(
  claim: ClaimDocument,
  state: { problems?: readonly FieldProblem[]; values?: Readonly<Record<string, string>> } = {},
): AdaptiveCard {
  const { problems } = state;
  const itemsProblem = problemFor(problems, 'items');
  const total = formatPounds(claim.totals.expensesPence + claim.totals.paymentsPence);
  return card(
    [
      heading(
        claim.status === 'queried'
          ? 'Answer the question and send the claim back'
          : claim.status === 'reopened'
            ? 'Send the corrected claim back'
            : 'Check and submit the claim',
        'Medium',
      ),
      paragraph(
        `${claim.partnerName}: ${claim.items.length} item${claim.items.length === 1 ? '' : 's'}, ${total} in total.`,
      ),
      totalsFacts(claim),
      ...(flagCount(claim) > 0
        ? [
            paragraph(
              `The IEV team will see ${flagCount(claim)} policy flag${flagCount(claim) === 1 ? '' : 's'} on this claim.`,
              { color: 'Warning' },
            ),
          ]
        : []),
      ...(claim.openQuery
        ? [
            paragraph(`**Question:** ${claim.openQuery.question}`),
            ...textInput('answer', 'Your answer', {
              multiline: true,
              required: true,
              errorMessage: 'Answer the question',
              maxLength: 1000,
              value: state.values?.answer,
              problems,
            }),
          ]
        : []),
      ...(claim.status === 'reopened'
        ? textInput('answer', 'What did you correct? (optional; the IEV team sees this)', {
            multiline: true,
            maxLength: 1000,
            value: state.values?.answer,
            problems,
          })
        : []),
      ...toggleInput(
        'partnerDeclaration',
        'Partner\u2019s declaration',
        `${claim.partnerName} confirms they had these costs and has not claimed them anywhere else.`,
        {
          value: state.values?.partnerDeclaration,
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
          value: state.values?.hostDeclaration,
          required: true,
          errorMessage: 'Confirm the claim is legitimate',
          problems,
        },
      ),
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
