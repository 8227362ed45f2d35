import type { ItemKind } from '../../domain/claims/claim.js';
import { CARE_TYPES, FARE_MODES } from '../../domain/claims/claim.js';
import type { ReimbursementPolicy } from '../../domain/claims/policy.js';
import { VEHICLES } from '../../domain/claims/policy.js';
import { card, execute, fieldError, heading, paragraph, type AdaptiveCard, type CardElement } from '../cards/adaptive-card.js';

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
  readonly errors?: Readonly<Record<string, string>>;
}

/** One cost, with its inputs; errors appear next to the input they belong to and answers are kept. */
export function claimItemFormCard(claimId: string, kind: ItemKind, policy: ReimbursementPolicy, state: FormState = {}): AdaptiveCard {
  const input = (element: CardElement & { id: string }): CardElement[] => [
    { ...element, value: state.values?.[element.id] ?? element.value ?? '' },
    ...(state.errors?.[element.id] ? [fieldError(element.id, state.errors[element.id]!)] : []),
  ];
  const text = (id: string, label: string, extra: Record<string, unknown> = {}) => input({ type: 'Input.Text', id, label, maxLength: 120, ...extra });
  const amount = text('amount', 'Amount in pounds, for example 4.50', { placeholder: '0.00', maxLength: 12, isRequired: true, errorMessage: 'Enter the amount' });
  const choices = (id: string, label: string, options: ReadonlyArray<readonly [string, string]>) =>
    input({ type: 'Input.ChoiceSet', id, label, isRequired: true, errorMessage: `Choose one`, choices: options.map(([value, title]) => ({ title, value })), value: options[0]![0] });
  const fields: CardElement[] = input({ type: 'Input.Date', id: 'date', label: 'Date', isRequired: true, errorMessage: 'Enter the date' });
  switch (kind) {
    case 'mileage':
      fields.push(
        ...choices('vehicle', 'How did they travel?', VEHICLES.map((vehicle) => [vehicle, policy.mileage.vehicles[vehicle].label] as const)),
        ...text('from', 'From (town or postcode area)', { isRequired: true, errorMessage: 'Enter where the journey started' }),
        ...text('to', 'To', { isRequired: true, errorMessage: 'Enter where the journey ended' }),
        ...input({ type: 'Input.Number', id: 'miles', label: 'Miles (there and back)', min: 0.1, max: 1000, isRequired: true, errorMessage: 'Enter the miles' }),
        ...input({ type: 'Input.Number', id: 'passengers', label: 'Passengers also attending (car only)', min: 0, max: 8, value: '0' }),
      );
      break;
    case 'fare':
      fields.push(...choices('mode', 'Kind of transport', FARE_MODES.map((mode) => [mode, mode.charAt(0).toUpperCase() + mode.slice(1)] as const)), ...text('description', 'What was the ticket? (standard class)'), ...amount);
      break;
    case 'taxi':
      fields.push(...text('description', 'Where did the taxi go?'), ...amount, ...text('priorAgreement', 'Who agreed the taxi in advance, and why? (taxis are only paid when agreed)', { maxLength: 200 }));
      break;
    case 'parking':
      fields.push(...text('description', 'Where did they park?'), ...amount);
      break;
    case 'care':
      fields.push(...choices('careType', 'Kind of care', CARE_TYPES.map((type) => [type, { carer: 'Carer', childcare: 'Childcare', 'support-worker': 'Support worker' }[type]] as const)), ...amount);
      break;
    case 'subsistence':
      fields.push(...text('description', 'What was it? (for example lunch)'), ...amount);
      break;
    case 'involvement-time':
      fields.push(
        paragraph(policy.involvementPayments.examples ? 'These rates are examples: your Trust sets its own.' : 'Rates are set by the Trust.', { subtle: true }),
        ...choices('levelId', 'Kind of involvement', policy.involvementPayments.levels.map((level) => [level.id, `${level.label} (£${(level.pencePerHour / 100).toFixed(2)} an hour)`] as const)),
        ...input({ type: 'Input.Number', id: 'hours', label: 'Hours', min: 0.25, max: 12, isRequired: true, errorMessage: 'Enter the hours' }),
      );
      break;
  }
  return card(
    [heading(TITLES[kind], 'Medium'), ...(state.errors?.form ? [paragraph(state.errors.form, { color: 'Attention' })] : []), ...fields],
    [execute('Add to the claim', 'claim.addItem', { claimId, kind }, { style: 'positive', associatedInputs: 'auto' }), execute('Cancel', 'claim.show', { claimId }, { associatedInputs: 'none' })],
    { fallbackText: TITLES[kind] },
  );
}
