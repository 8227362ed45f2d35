import { card, execute, fieldError, heading, paragraph, type AdaptiveCard, type CardElement } from '../cards/adaptive-card.js';

export interface PartnerChoice {
  readonly id: string;
  readonly displayName: string;
  readonly areas: readonly string[];
}

export interface ClaimStartState {
  readonly search?: string;
  /** Undefined before a search; empty when nothing matched. */
  readonly matches?: readonly PartnerChoice[];
  readonly values?: Readonly<Record<string, string>>;
  readonly errors?: Readonly<Record<string, string>>;
}

/** Step 1 of a claim: find the partner on the register (search, never free text), and say what work it is for. */
export function claimStartCard(state: ClaimStartState = {}): AdaptiveCard {
  const body: CardElement[] = [
    heading('Claim expenses for an Involvement Partner', 'Medium'),
    paragraph('Find the partner on the Involvement Register. I\u2019ll then ask for each cost and check it against the reimbursement policy before anything is sent.'),
    { type: 'Input.Text', id: 'partnerSearch', label: 'Partner\u2019s name (or part of it)', placeholder: 'For example: Pat', maxLength: 80, value: state.search ?? '' },
    ...(state.errors?.partnerSearch ? [fieldError('partnerSearch', state.errors.partnerSearch)] : []),
    { type: 'ActionSet', actions: [execute('Search the register', 'claim.findPartner', {}, { associatedInputs: 'auto' })] },
  ];
  const matches = state.matches;
  if ((!matches || matches.length === 0) && state.errors?.partnerId) body.push(fieldError('partnerId', state.errors.partnerId));
  if (matches && matches.length === 0 && state.search) {
    body.push(paragraph('Nobody on the register matches that name. Check the spelling, or ask the IEV team to register the partner first.', { color: 'Attention' }));
  }
  if (matches && matches.length > 0) {
    body.push(
      {
        type: 'Input.ChoiceSet',
        id: 'partnerId',
        label: 'Choose the partner',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Choose the partner',
        value: state.values?.partnerId ?? (matches.length === 1 ? matches[0]!.id : ''),
        choices: matches.map((partner) => ({ title: partner.areas.length > 0 ? `${partner.displayName} (${partner.areas.slice(0, 2).join(', ')})` : partner.displayName, value: partner.id })),
      },
      ...(state.errors?.partnerId ? [fieldError('partnerId', state.errors.partnerId)] : []),
      { type: 'Input.Text', id: 'workTitle', label: 'Which involvement work or session is this claim for?', placeholder: 'For example: Ward 3 discharge redesign, workshop on 4 June', isRequired: true, errorMessage: 'Say what the claim is for', maxLength: 150, value: state.values?.workTitle ?? '' },
      ...(state.errors?.workTitle ? [fieldError('workTitle', state.errors.workTitle)] : []),
    );
    return card(body, [execute('Start the claim', 'claim.create', {}, { style: 'positive', associatedInputs: 'auto' })], { fallbackText: 'Claim expenses: choose the partner' });
  }
  return card(body, [], { fallbackText: 'Claim expenses: find the partner on the register' });
}
