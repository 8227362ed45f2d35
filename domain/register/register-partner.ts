import { ConflictError, ForbiddenError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { RegisterPorts } from './ports.js';
import {
  isSameRegistrant,
  newPartnerFrom,
  type RegistrationConsentMethod,
  type RegistrationInput,
} from './registration.js';
import { partnerViewFor, type PartnerView } from './visibility.js';
import { welcomePartner } from './welcome-partner.js';

/** Same name and contact as someone already on the register. */
export class DuplicatePartnerError extends ConflictError {}

/** IEV registers a partner: refused when they are already on the register; audited, and welcomed once. */
export async function registerPartner(
  ports: Pick<RegisterPorts, 'partners' | 'audit' | 'messages' | 'clock'>,
  actor: Actor,
  input: RegistrationInput,
  consentMethod?: RegistrationConsentMethod,
): Promise<{ partner: PartnerView; created: boolean }> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can register Involvement Partners.');
  const now = ports.clock();
  const candidate = newPartnerFrom(input, now, consentMethod);
  const namesakes = await ports.partners.withSearchName(candidate.searchName);
  const duplicate = namesakes.find((existing) => existing.id !== candidate.id && isSameRegistrant(existing, candidate));
  if (duplicate) {
    throw new DuplicatePartnerError(
      `${duplicate.displayName} is already on the register with the same email or phone number. Open their record instead of registering them again.`,
    );
  }
  const { document, created } = await ports.partners.create(candidate);
  // Also on a retry (created = false): the first attempt may have saved the partner and failed before its audit entry.
  await ports.audit.record(
    { subjectId: document.id, actorId: actor.id, actorName: actor.displayName, action: 'registered', fields: [] },
    now,
    `registered:${document.id}`,
  );
  // Also on a retry: the welcome is keyed by the partner, so it is owed (and sent) once.
  await welcomePartner({ ...ports, clock: () => now }, document.id);
  return { partner: partnerViewFor('iev', document), created };
}
