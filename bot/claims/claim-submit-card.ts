import type { ClaimDocument } from '../../domain/claims/claim.js';
import { formatPounds } from '../../domain/claims/money.js';
import { card, execute, fieldError, heading, paragraph, type AdaptiveCard, type CardElement } from '../cards/adaptive-card.js';
import { flagCount, totalsFacts } from './claim-parts.js';

/** The two declarations that replace the signed paper form, and the answer to a query. */
export function claimSubmitCard(claim: ClaimDocument, state: { errors?: Readonly<Record<string, string>>; values?: Readonly<Record<string, string>> } = {}): AdaptiveCard {
  const error = (id: string): CardElement[] => (state.errors?.[id] ? [fieldError(id, state.errors[id])] : []);
  const total = formatPounds(claim.totals.expensesPence + claim.totals.paymentsPence);
  return card(
    [
      heading(claim.status === 'queried' ? 'Answer the question and send the claim back' : 'Check and submit the claim', 'Medium'),
      paragraph(`${claim.partnerName}: ${claim.items.length} item${claim.items.length === 1 ? '' : 's'}, ${total} in total.`),
      totalsFacts(claim),
      ...(flagCount(claim) > 0 ? [paragraph(`The IEV team will see ${flagCount(claim)} policy flag${flagCount(claim) === 1 ? '' : 's'} on this claim.`, { color: 'Warning' })] : []),
      ...(claim.openQuery
        ? [
            paragraph(`**Question:** ${claim.openQuery.question}`),
            { type: 'Input.Text', id: 'answer', label: 'Your answer', isMultiline: true, isRequired: true, errorMessage: 'Answer the question', maxLength: 1000, value: state.values?.answer ?? '' },
            ...error('answer'),
          ]
        : []),
      { type: 'Input.Toggle', id: 'partnerDeclaration', label: 'Partner\u2019s declaration', title: `${claim.partnerName} confirms they had these costs and has not claimed them anywhere else.`, valueOn: 'true', valueOff: 'false', value: state.values?.partnerDeclaration ?? 'false', isRequired: true, errorMessage: 'The partner must confirm this' },
      ...error('partnerDeclaration'),
      { type: 'Input.Toggle', id: 'hostDeclaration', label: 'Your declaration', title: 'I confirm this claim is legitimate: the partner took part in this work and the costs are genuine.', valueOn: 'true', valueOff: 'false', value: state.values?.hostDeclaration ?? 'false', isRequired: true, errorMessage: 'Confirm the claim is legitimate' },
      ...error('hostDeclaration'),
      ...error('items'),
    ],
    [execute(claim.status === 'queried' ? 'Send it back to the IEV team' : 'Submit to the IEV team', 'claim.submit', { claimId: claim.id }, { style: 'positive', associatedInputs: 'auto' }), execute('Back to the claim', 'claim.show', { claimId: claim.id }, { associatedInputs: 'none' })],
    { fallbackText: 'Check and submit the claim' },
  );
}
