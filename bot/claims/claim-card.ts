import type { ClaimDocument } from '../../domain/claims/claim.js';
import { STATUS_LABELS, editableByHost } from '../../domain/claims/claim.js';
import { formatPounds } from '../../domain/claims/money.js';
import { BENEFITS_ADVICE } from '../../domain/claims/pricing.js';
import { PAYMENT_CHOICE_LABELS } from '../../domain/claims/payment-preference.js';
import { card, container, execute, facts, fieldError, heading, openUrl, paragraph, type AdaptiveCard, type CardAction, type CardElement } from '../cards/adaptive-card.js';
import { flagCount, itemBlocks, itemTitle, statusLine, totalsFacts } from './claim-parts.js';
import { discardDraftButton } from './claim-discard-card.js';
import type { ItemKind } from '../../domain/claims/claim.js';

export const ITEM_KINDS: ReadonlyArray<readonly [ItemKind, string]> = [
  ['mileage', 'Mileage (car, motorcycle or bicycle)'],
  ['fare', 'Bus, train or other public transport'],
  ['parking', 'Parking'],
  ['taxi', 'Taxi (agreed in advance)'],
  ['care', 'Carer, childcare or support worker'],
  ['subsistence', 'Food and drink'],
  ['involvement-time', 'Involvement time (a taxable payment)'],
];

/** One choice and one button: Teams shows at most five buttons in a row. */
function addItemPicker(claimId: string): CardElement[] {
  return [
    { type: 'Input.ChoiceSet', id: 'kind', label: 'Add a cost', value: 'mileage', choices: ITEM_KINDS.map(([value, title]) => ({ title, value })) },
    { type: 'ActionSet', actions: [execute('Add this cost', 'claim.itemForm', { claimId }, { associatedInputs: 'auto' })] },
  ];
}

function removeItem(claim: ClaimDocument): CardAction {
  return {
    type: 'Action.ShowCard',
    title: 'Remove an item',
    card: card(
      [{ type: 'Input.ChoiceSet', id: 'itemId', label: 'Which item?', isRequired: true, errorMessage: 'Choose the item to remove', choices: claim.items.map((item) => ({ title: itemTitle(item), value: item.id })) }],
      [execute('Remove it', 'claim.removeItem', { claimId: claim.id }, { style: 'destructive', associatedInputs: 'auto' })],
    ),
  };
}

/**
 * The claim as its host sees it in 1:1 chat: each item with how it was worked out, what the policy
 * flags, the totals, and what to do next.
 */
export function claimCard(claim: ClaimDocument, options: { claimUrl: string; notice?: string; errors?: Readonly<Record<string, string>> }): AdaptiveCard {
  const editable = editableByHost(claim.status);
  const needsChoice = claim.items.some((item) => item.flags.some((flag) => flag.code === 'payment-preference-not-chosen'));
  const body: CardElement[] = [
    heading(`Expense claim for ${claim.partnerName}`, 'Medium'),
    paragraph(claim.work.title, { subtle: true }),
    facts([
      ['Status', STATUS_LABELS[claim.status]],
      ...(claim.status === 'draft' ? [] : ([['Latest', statusLine(claim)]] as Array<[string, string]>)),
    ]),
    // Default text colour on a tinted container: coloured text on white can fail WCAG contrast.
    ...(options.notice ? [container([paragraph(options.notice)], { style: 'good' })] : []),
    ...(claim.openQuery ? [container([paragraph(`**Question from ${claim.openQuery.byName}:** ${claim.openQuery.question}`), paragraph('Answer it (and change the items if needed), then send the claim back.')], { style: 'warning' })] : []),
    ...(claim.decision?.reason ? [paragraph(`**Reason:** ${claim.decision.reason}`)] : []),
    ...(claim.items.length === 0 ? [paragraph('No items yet. Add each cost the partner had: I\u2019ll work out what the policy pays.')] : itemBlocks(claim)),
    ...(claim.items.length > 0 ? [totalsFacts(claim)] : []),
    ...(editable && flagCount(claim) > 0 ? [paragraph(`${flagCount(claim)} thing${flagCount(claim) === 1 ? '' : 's'} to fix or explain before the IEV team looks at it. You can still submit.`, { color: 'Warning' })] : []),
    ...(editable && claim.items.length > 0 ? [paragraph('To attach a receipt, send me a photo or file of it in this chat.', { subtle: true })] : []),
    ...(editable && needsChoice ? paymentChoice(claim, options.errors) : []),
    ...(editable ? addItemPicker(claim.id) : []),
  ];
  const actions: CardAction[] = [];
  if (editable && claim.items.length > 0) actions.push(execute(claim.status === 'queried' ? 'Answer and send back' : 'Check and submit', 'claim.submitForm', { claimId: claim.id }, { style: 'positive' }));
  if (editable && claim.items.length > 0) actions.push(removeItem(claim));
  if (claim.status === 'draft') actions.push(discardDraftButton(claim.id));
  if (!editable) actions.push(execute('Show the latest', 'claim.show', { claimId: claim.id }));
  actions.push(openUrl('Open claim and receipts', options.claimUrl));
  return card(body, actions, { fallbackText: `Expense claim for ${claim.partnerName}: ${STATUS_LABELS[claim.status]}, total ${formatPounds(claim.totals.expensesPence + claim.totals.paymentsPence)}` });
}

/** Payments can affect benefits: the host records the partner's choice, with a pointer to advice. */
function paymentChoice(claim: ClaimDocument, errors: Readonly<Record<string, string>> | undefined): CardElement[] {
  return [
    container(
      [
        paragraph(`**${claim.partnerName} has not said whether they want involvement payments.**`),
        paragraph(BENEFITS_ADVICE),
        {
          type: 'Input.ChoiceSet',
          id: 'paymentChoice',
          label: 'What has the partner chosen?',
          style: 'expanded',
          choices: (['accept-payment', 'expenses-only', 'decline'] as const).map((choice) => ({ title: PAYMENT_CHOICE_LABELS[choice], value: choice })),
        },
        ...(errors?.paymentChoice ? [fieldError('paymentChoice', errors.paymentChoice)] : []),
        { type: 'ActionSet', actions: [execute('Record their choice', 'claim.paymentChoice', { claimId: claim.id }, { associatedInputs: 'auto' })] },
      ],
      { style: 'warning' },
    ),
  ];
}
