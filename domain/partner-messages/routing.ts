import type { Partner } from '../register/partner.js';
import type { NotSentReason, Outgoing } from './ports.js';

/**
 * How a message reaches a partner: the way they prefer, and only with their consent to be contacted
 * (no consent, no message). A phone call is theirs to have from a person, so it is never automated.
 */
export function routeFor(
  partner: Pick<Partner, 'displayName' | 'status' | 'consent' | 'contact' | 'erasure'>,
): { readonly to: Outgoing } | { readonly refused: NotSentReason } {
  if (partner.erasure) return { refused: 'erased' };
  if (partner.status === 'left') return { refused: 'left-register' };
  if (!partner.consent.contactAboutOpportunities.given) return { refused: 'no-contact-consent' };
  const { email, phone, postalAddress, preferredMethod } = partner.contact;
  const letter = () => {
    const addressLines = letterAddress(partner.displayName, postalAddress);
    return addressLines
      ? { to: { channel: 'letter' as const, addressLines } }
      : { refused: 'no-postal-address' as const };
  };
  switch (preferredMethod) {
    case 'email':
      return email ? { to: { channel: 'email', emailAddress: email } } : { refused: 'no-email' };
    case 'text':
      return phone ? { to: { channel: 'sms', phoneNumber: phone } } : { refused: 'no-phone' };
    case 'post':
      return letter();
    case 'phone':
      return { refused: 'prefers-phone-call' };
    default:
      if (email) return { to: { channel: 'email', emailAddress: email } };
      if (postalAddress) return letter();
      return { refused: 'no-contact-details' };
  }
}

/**
 * The lines GOV.UK Notify prints on the envelope: the name, then the address as typed (one line per line or
 * comma), at most 7 in all, at least 3, the last a postcode. Undefined when the address cannot make a letter.
 */
export function letterAddress(name: string, postalAddress: string | undefined): string[] | undefined {
  if (!postalAddress) return undefined;
  const parts = postalAddress
    .split(/[\n,]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2 || parts.length > 6) return undefined;
  if (!UK_POSTCODE.test(parts[parts.length - 1]!)) return undefined;
  return [name, ...parts];
}

const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

/** Notify's final words for a notification: delivered (or, for a letter, received by the post) or failed. */
export function outcomeOfNotifyStatus(status: string): 'delivered' | 'failed' | 'pending' {
  if (status === 'delivered' || status === 'received' || status === 'sent') return 'delivered';
  if (
    [
      'permanent-failure',
      'temporary-failure',
      'technical-failure',
      'validation-failed',
      'virus-scan-failed',
      'cancelled',
    ].includes(status)
  )
    return 'failed';
  return 'pending';
}
