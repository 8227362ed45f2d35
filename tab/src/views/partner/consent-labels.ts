import type { ConsentPurpose } from '../../api.js';

/** How the page names a consent purpose and how the partner said it. */
export const PURPOSE_LABEL: Record<ConsentPurpose, string> = {
  register: 'On the register',
  contactAboutOpportunities: 'Contact about opportunities',
  equalityMonitoring: 'Equality monitoring',
};
export const HOW_LABEL: Record<string, string> = {
  'registration-form': 'on the registration form',
  'in-person': 'in person',
  phone: 'by phone',
  email: 'by email',
  letter: 'by letter',
  'online-form': 'on an online form',
};
