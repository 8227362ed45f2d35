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
  const inputs = formInputs(state);
  const formProblem = problemFor(state.problems, 'form');
  return card(
    [
      heading(TITLES[kind], 'Medium'),
      ...(formProblem ? [paragraph(formProblem.message, { color: 'Attention' })] : []),
      ...dateInput('date', 'Date', {
        required: true,
        errorMessage: 'Enter the date',
        value: inputs.value('date'),
        problems: state.problems,
      }),
      ...FIELDS_OF[kind](inputs, policy),
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

interface TextOptions {
  readonly maxLength?: number;
  readonly required?: boolean;
  readonly errorMessage?: string;
  readonly placeholder?: string;
}

/** The inputs of one item form, each with its kept answer and its problem. */
interface FormInputs {
  value(id: string): string | undefined;
  text(id: string, label: string, extra?: TextOptions): CardElement[];
  amount(): CardElement[];
  choices(id: string, label: string, options: ReadonlyArray<readonly [string, string]>): CardElement[];
  number(id: string, label: string, limits: NumberLimits): CardElement[];
}

interface NumberLimits {
  readonly min: number;
  readonly max: number;
  readonly required?: boolean;
  readonly errorMessage?: string;
  /** Shown when the person has not answered yet. */
  readonly initial?: string;
}

function formInputs(state: FormState): FormInputs {
  const { problems } = state;
  const value = (id: string) => state.values?.[id];
  const text = (id: string, label: string, extra: TextOptions = {}) =>
    textInput(id, label, { maxLength: 120, ...extra, value: value(id), problems });
  return {
    value,
    text,
    amount: () =>
      text('amount', 'Amount in pounds, for example 4.50', {
        placeholder: '0.00',
        maxLength: 12,
        required: true,
        errorMessage: 'Enter the amount',
      }),
    choices: (id, label, options) =>
      choiceInput(
        id,
        label,
        options.map(([choice, title]) => ({ value: choice, title })),
        { compact: true, required: true, errorMessage: 'Choose one', value: value(id) ?? options[0]![0], problems },
      ),
    number: (id, label, { initial, ...limits }) =>
      numberInput(id, label, { ...limits, value: value(id) ?? initial, problems }),
  };
}

/** The inputs after the date, for each kind of cost. */
const FIELDS_OF: Readonly<Record<ItemKind, (inputs: FormInputs, policy: ReimbursementPolicy) => CardElement[]>> = {
  mileage: mileageFields,
  fare: (inputs) => [
    ...inputs.choices(
      'mode',
      'Kind of transport',
      FARE_MODES.map((mode) => [mode, mode.charAt(0).toUpperCase() + mode.slice(1)] as const),
    ),
    ...inputs.text('description', 'What was the ticket? (standard class)'),
    ...inputs.amount(),
  ],
  taxi: (inputs) => [
    ...inputs.text('description', 'Where did the taxi go?'),
    ...inputs.amount(),
    ...inputs.text('priorAgreement', 'Who agreed the taxi in advance, and why? (taxis are only paid when agreed)', {
      maxLength: 200,
    }),
  ],
  parking: (inputs) => [...inputs.text('description', 'Where did they park?'), ...inputs.amount()],
  care: (inputs) => [
    ...inputs.choices(
      'careType',
      'Kind of care',
      CARE_TYPES.map(
        (type) => [type, { carer: 'Carer', childcare: 'Childcare', 'support-worker': 'Support worker' }[type]] as const,
      ),
    ),
    ...inputs.amount(),
  ],
  subsistence: (inputs) => [...inputs.text('description', 'What was it? (for example lunch)'), ...inputs.amount()],
  'involvement-time': involvementTimeFields,
};

function mileageFields(inputs: FormInputs, policy: ReimbursementPolicy): CardElement[] {
  return [
    ...inputs.choices(
      'vehicle',
      'How did they travel?',
      VEHICLES.map((vehicle) => [vehicle, policy.mileage.vehicles[vehicle].label] as const),
    ),
    ...inputs.text('from', 'From (town or postcode area)', {
      required: true,
      errorMessage: 'Enter where the journey started',
    }),
    ...inputs.text('to', 'To', { required: true, errorMessage: 'Enter where the journey ended' }),
    ...inputs.number('miles', 'Miles (there and back)', {
      min: 0.1,
      max: 1000,
      required: true,
      errorMessage: 'Enter the miles',
    }),
    ...inputs.number('passengers', 'Passengers also attending (car only)', { min: 0, max: 8, initial: '0' }),
  ];
}

function involvementTimeFields(inputs: FormInputs, policy: ReimbursementPolicy): CardElement[] {
  return [
    paragraph(
      policy.involvementPayments.examples
        ? 'These rates are examples: your Trust sets its own.'
        : 'Rates are set by the Trust.',
      { subtle: true },
    ),
    ...inputs.choices(
      'levelId',
      'Kind of involvement',
      policy.involvementPayments.levels.map(
        (level) => [level.id, `${level.label} (£${(level.pencePerHour / 100).toFixed(2)} an hour)`] as const,
      ),
    ),
    ...inputs.number('hours', 'Hours', { min: 0.25, max: 12, required: true, errorMessage: 'Enter the hours' }),
  ];
}
