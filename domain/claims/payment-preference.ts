import { PAYMENT_PREFERENCES } from '../register/partner.js';

/** Whether a partner wants involvement payments. Expenses are always reimbursed whatever they choose. */
export type PaymentChoice = (typeof PAYMENT_PREFERENCES)[number];

export const PAYMENT_CHOICE_LABELS: Readonly<Record<PaymentChoice, string>> = {
  'accept-payment': 'Wants involvement payments and expenses',
  'expenses-only': 'Expenses only, no payments',
  decline: 'Declines payments',
  'not-chosen': 'Has not chosen yet',
};
