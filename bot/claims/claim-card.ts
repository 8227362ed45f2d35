import type { ClaimDocument } from '../../domain/claims/claim.js';
import { STATUS_LABELS, editableByHost } from '../../domain/claims/claim.js';
import { formatPounds } from '../../domain/claims/money.js';
import { BENEFITS_ADVICE } from '../../domain/claims/pricing.js';
import { PAYMENT_CHOICE_LABELS } from '../../domain/claims/payment-preference.js';
import type { FieldProblem } from '../../domain/errors.js';
import { choiceInput } from '../cards/inputs.js';
import {
  actionSet,
  card,
  container,
  facts,
  heading,
  openUrl,
  paragraph,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../cards/adaptive-card.js';
import { flagCount, itemBlocks, itemTitle, statusLine, totalsFacts } from './claim-parts.js';
import { discardDraftButton } from './claim-discard-card.js';
import type { ItemKind } from '../../domain/claims/claim.js';
import { CLAIM_VERBS } from './claim-verbs.js';

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
    ...choiceInput(
      'kind',
      'Add a cost',
      ITEM_KINDS.map(([value, title]) => ({ value, title })),
      { value: 'mileage', compact: true },
    ),
    actionSet([CLAIM_VERBS.itemForm.action('Add this cost', { claimId }, { associatedInputs: 'auto' })]),
  ];
}

function removeItem(claim: ClaimDocument): CardAction {
  return {
    type: 'Action.ShowCard',
    title: 'Remove an item',
    card: card(
      choiceInput(
        'itemId',
        'Which item?',
        claim.items.map((item) => ({ value: item.id, title: itemTitle(item) })),
        { compact: true, required: true, errorMessage: 'Choose the item to remove' },
      ),
      [
        CLAIM_VERBS.removeItem.action(
          'Remove it',
          { claimId: claim.id },
          { style: 'destructive', associatedInputs: 'auto' },
        ),
      ],
    ),
  };
}

/**
 * The claim as its host sees it in 1:1 chat: each item with how it was worked out, what the policy
 * flags, the totals, and what to do next.
 */
export function claimCard(
  claim: ClaimDocument,
  options: { claimUrl: string; notice?: string; problems?: readonly FieldProblem[] },
): AdaptiveCard {
  const editable = editableByHost(claim.status);
  const needsChoice = claim.items.some((item) =>
    item.flags.some((flag) => flag.code === 'payment-preference-not-chosen'),
  );
  const body: CardElement[] = [
    heading(`Expense claim for ${claim.partnerName}`, 'Medium'),
    paragraph(claim.work.title, { subtle: true }),
    facts([
      ['Status', STATUS_LABELS[claim.status]],
      ...(claim.status === 'draft' ? [] : ([['Latest', statusLine(claim)]] as Array<[string, string]>)),
    ]),
    // Default text colour on a tinted container: coloured text on white can fail WCAG contrast.
    ...(options.notice ? [container([paragraph(options.notice)], { style: 'good' })] : []),
    ...(claim.openQuery
      ? [
          container(
            [
              paragraph(`**Question from ${claim.openQuery.byName}:** ${claim.openQuery.question}`),
              paragraph('Answer it (and change the items if needed), then send the claim back.'),
            ],
            { style: 'warning' },
          ),
        ]
      : []),
    ...(claim.decision?.reason ? [paragraph(`**Reason:** ${claim.decision.reason}`)] : []),
    ...(claim.status === 'reopened'
      ? [
          container(
            [
              paragraph(
                'Correct what was not approved (remove an item and add it again, or send a receipt), then send the claim back. The IEV team decides it again; its history is kept.',
              ),
            ],
            { style: 'warning' },
          ),
        ]
      : []),
    ...(claim.items.length === 0
      ? [paragraph('No items yet. Add each cost the partner had: I\u2019ll work out what the policy pays.')]
      : itemBlocks(claim)),
    ...(claim.items.length > 0 ? [totalsFacts(claim)] : []),
    ...(editable && flagCount(claim) > 0
      ? [
          paragraph(
            `${flagCount(claim)} thing${flagCount(claim) === 1 ? '' : 's'} to fix or explain before the IEV team looks at it. You can still submit.`,
            { color: 'Warning' },
          ),
        ]
      : []),
    ...(editable && claim.items.length > 0
      ? [paragraph('To attach a receipt, send me a photo or file of it in this chat.', { subtle: true })]
      : []),
    ...(editable && needsChoice ? paymentChoice(claim, options.problems) : []),
    ...(editable ? addItemPicker(claim.id) : []),
  ];
  const actions: CardAction[] = [];
  if (editable && claim.items.length > 0)
    actions.push(
      CLAIM_VERBS.submitForm.action(
        claim.status === 'queried'
          ? 'Answer and send back'
          : claim.status === 'reopened'
            ? 'Send it back'
            : 'Check and submit',
        { claimId: claim.id },
        { style: 'positive' },
      ),
    );
  if (editable && claim.items.length > 0) actions.push(removeItem(claim));
  if (claim.status === 'draft') actions.push(discardDraftButton(claim.id));
  if (!editable) actions.push(CLAIM_VERBS.show.action('Show the latest', { claimId: claim.id }));
  actions.push(openUrl('Open claim and receipts', options.claimUrl));
  return card(body, actions, {
    fallbackText: `Expense claim for ${claim.partnerName}: ${STATUS_LABELS[claim.status]}, total ${formatPounds(claim.totals.expensesPence + claim.totals.paymentsPence)}`,
  });
}

/** Payments can affect benefits: the host records the partner's choice, with a pointer to advice. */
function paymentChoice(claim: ClaimDocument, problems: readonly FieldProblem[] | undefined): CardElement[] {
  return [
    container(
      [
        paragraph(`**${claim.partnerName} has not said whether they want involvement payments.**`),
        paragraph(BENEFITS_ADVICE),
        ...choiceInput(
          'paymentChoice',
          'What has the partner chosen?',
          (['accept-payment', 'expenses-only', 'decline'] as const).map((choice) => ({
            value: choice,
            title: PAYMENT_CHOICE_LABELS[choice],
          })),
          { problems },
        ),
        actionSet([
          CLAIM_VERBS.paymentChoice.action('Record their choice', { claimId: claim.id }, { associatedInputs: 'auto' }),
        ]),
      ],
      { style: 'warning' },
    ),
  ];
}
