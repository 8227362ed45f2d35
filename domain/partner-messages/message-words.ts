import type { MessageKind, NotSentReason } from './ports.js';

/** What IEV reads on the partner's page: what happened, in plain words, and what to do about it. */
export const KIND_LABELS: Readonly<Record<MessageKind, string>> = {
  welcome: 'Welcome to Involvement',
  'expenses-paid': 'Your expenses were paid',
  'you-said-we-did': 'You said, we did',
  'evaluation-invitation': 'How was it for you?',
  invitation: 'Invitation to an involvement opportunity',
  'consent-renewal': 'Do you still agree? (consent renewal)',
};

export const NOT_SENT_WORDS: Readonly<Record<NotSentReason, { readonly why: string; readonly todo: string }>> = {
  'no-contact-consent': {
    why: 'Not sent: they have not agreed to be contacted.',
    todo: 'If they tell you they now agree, record it under Consent; messages owed from then on are sent.',
  },
  'prefers-phone-call': {
    why: 'Not sent: they prefer a phone call.',
    todo: 'Call them to pass this on.',
  },
  'no-contact-details': {
    why: 'Not sent: we have no email address or postal address for them.',
    todo: 'Ask how they would like to hear from us, and correct their details.',
  },
  'no-email': {
    why: 'Not sent: they prefer email, but we have no email address for them.',
    todo: 'Ask for their email address and correct their details.',
  },
  'no-phone': {
    why: 'Not sent: they prefer text messages, but we have no mobile number for them.',
    todo: 'Ask for their mobile number and correct their details.',
  },
  'no-postal-address': {
    why: 'Not sent: they prefer letters, but their postal address is missing or has no postcode on its last line.',
    todo: 'Correct their postal address: one line per line of the address, the postcode last.',
  },
  'left-register': {
    why: 'Not sent: they have left the register.',
    todo: 'Nothing to do, unless they come back.',
  },
  erased: { why: 'Not sent: their data was erased on request.', todo: 'Nothing to do.' },
  'refused-by-notify': {
    why: 'Not sent: GOV.UK Notify refused it (for example, the number is not a mobile number).',
    todo: 'Check their contact details with them, correct them, and contact them another way this time.',
  },
  'event-not-saved': {
    why: 'Not sent: what it was about was never saved.',
    todo: 'Nothing to do: the change it was about did not happen.',
  },
};

/** Words for a failed delivery, by Notify's status. */
export function failureWords(notifyStatus: string | undefined): { readonly why: string; readonly todo: string } {
  switch (notifyStatus) {
    case 'permanent-failure':
      return {
        why: 'Not delivered: the email address or phone number does not exist, or the letter came back.',
        todo: 'Check their contact details with them and correct them.',
      };
    case 'temporary-failure':
      return {
        why: 'Not delivered: their inbox was full or their phone was off for 3 days.',
        todo: 'Contact them another way, or check their details with them.',
      };
    case 'validation-failed':
      return {
        why: 'Not posted: the letter could not be printed as addressed.',
        todo: 'Correct their postal address.',
      };
    default:
      return {
        why: 'Not delivered: GOV.UK Notify had a problem sending it.',
        todo: 'Contact them another way this time.',
      };
  }
}
