import type { ItemKind } from '../../domain/claims/claim.js';
import { CARE_TYPES, FARE_MODES } from '../../domain/claims/claim.js';
import type { ReimbursementPolicy } from '../../domain/claims/policy.js';
import { VEHICLES } from '../../domain/claims/policy.js';
import type { FieldProblem } from '../../domain/errors.js';
import { card, heading, paragraph, type AdaptiveCard, type CardElement } from '../cards/adaptive-card.js';
import { choiceInput, dateInput, numberInput, problemFor, textInput } from '../cards/inputs.js';
import { CLAIM_VERBS } from './claim-verbs.js';

const TITLES: Readonly<Record<ItemKind, string>> = {
  mileage: 'Add mileage',
  fare: 'Add a public transport fare',
  taxi: 'Add a taxi',
  parking: 'Add parking',
  care: 'Add carer, childcare or support-worker costs',
  subsistence: 'Add food and drink',
  'involvement-time': 'Add involvement time (a taxable payment)',
};

interface FormState {
  readonly values?: Readonly<Record<string, string>>;
  readonly problems?: readonly FieldProblem[];
}

/** One cost, with its inputs; problems appear next to the input they belong to and answers are kept. */
export function claimItemFormCard(
  claimId: string,
  kind: ItemKind,
  policy: ReimbursementPolicy,
  state: FormState = {},
): AdaptiveCard {
  const { problems } = state;
  const value = (id: string) => state.values?.[id];
  const text = (
    id: string,
    label: string,
    extra: { maxLength?: number; required?: boolean; errorMessage?: string; placeholder?: string } = {},
  ) => textInput(id, label, { maxLength: 120, ...extra, value: value(id), problems });
  const amount = text('amount', 'Amount in pounds, for example 4.50', {
    placeholder: '0.00',
    maxLength: 12,
    required: true,
    errorMessage: 'Enter the amount',
  });
  const choices = (id: string, label: string, options: ReadonlyArray<readonly [string, string]>) =>
    choiceInput(
      id,
      label,
      options.map(([choice, title]) => ({ value: choice, title })),
      { compact: true, required: true, errorMessage: 'Choose one', value: value(id) ?? options[0]![0], problems },
    );
  const fields: CardElement[] = dateInput('date', 'Date', {
    required: true,
    errorMessage: 'Enter the date',
    value: value('date'),
    problems,
  });
  switch (kind) {
    case 'mileage':
      fields.push(
        ...choices(
          'vehicle',
          'How did they travel?',
          VEHICLES.map((vehicle) => [vehicle, policy.mileage.vehicles[vehicle].label] as const),
        ),
        ...text('from', 'From (town or postcode area)', {
          required: true,
          errorMessage: 'Enter where the journey started',
        }),
        ...text('to', 'To', { required: true, errorMessage: 'Enter where the journey ended' }),
        ...numberInput('miles', 'Miles (there and back)', {
          min: 0.1,
          max: 1000,
          required: true,
          errorMessage: 'Enter the miles',
          value: value('miles'),
          problems,
        }),
        ...numberInput('passengers', 'Passengers also attending (car only)', {
          min: 0,
          max: 8,
          value: value('passengers') ?? '0',
          problems,
        }),
      );
      break;
    case 'fare':
      fields.push(
        ...choices(
          'mode',
          'Kind of transport',
          FARE_MODES.map((mode) => [mode, mode.charAt(0).toUpperCase() + mode.slice(1)] as const),
        ),
        ...text('description', 'What was the ticket? (standard class)'),
        ...amount,
      );
      break;
    case 'taxi':
      fields.push(
        ...text('description', 'Where did the taxi go?'),
        ...amount,
        ...text('priorAgreement', 'Who agreed the taxi in advance, and why? (taxis are only paid when agreed)', {
          maxLength: 200,
        }),
      );
      break;
    case 'parking':
      fields.push(...text('description', 'Where did they park?'), ...amount);
      break;
    case 'care':
      fields.push(
        ...choices(
          'careType',
          'Kind of care',
          CARE_TYPES.map(
            (type) =>
              [type, { carer: 'Carer', childcare: 'Childcare', 'support-worker': 'Support worker' }[type]] as const,
          ),
        ),
        ...amount,
      );
      break;
    case 'subsistence':
      fields.push(...text('description', 'What was it? (for example lunch)'), ...amount);
      break;
    case 'involvement-time':
      fields.push(
        paragraph(
          policy.involvementPayments.examples
            ? 'These rates are examples: your Trust sets its own.'
            : 'Rates are set by the Trust.',
          { subtle: true },
        ),
        ...choices(
          'levelId',
          'Kind of involvement',
          policy.involvementPayments.levels.map(
            (level) => [level.id, `${level.label} (£${(level.pencePerHour / 100).toFixed(2)} an hour)`] as const,
          ),
        ),
        ...numberInput('hours', 'Hours', {
          min: 0.25,
          max: 12,
          required: true,
          errorMessage: 'Enter the hours',
          value: value('hours'),
          problems,
        }),
      );
      break;
  }
  const formProblem = problemFor(problems, 'form');
  return card(
    [
      heading(TITLES[kind], 'Medium'),
      ...(formProblem ? [paragraph(formProblem.message, { color: 'Attention' })] : []),
      ...fields,
    ],
    [
      CLAIM_VERBS.addItem.action(
        'Add to the claim',
        { claimId, kind },
        { style: 'positive', associatedInputs: 'auto' },
      ),
      CLAIM_VERBS.show.action('Cancel', { claimId }, { associatedInputs: 'none' }),
    ],
    { fallbackText: TITLES[kind] },
  );
}
