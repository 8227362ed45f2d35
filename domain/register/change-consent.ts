import { withoutVersion } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import { isInFuture, withConsentChange, type ConsentChange } from './consent.js';
import type { RegisterPorts } from './ports.js';
import { PARTNER_CHANGED_SINCE, PARTNER_NOT_FOUND } from './register-words.js';
import { saveWithAudit } from './save-with-audit.js';

const CONSENT_METHOD_WORDS: Record<ConsentChange['how'], string> = {
  'in-person': 'told us in person',
  phone: 'by phone',
  email: 'by email',
  letter: 'by letter',
  'online-form': 'on an online form',
};

/**
 * IEV records a partner's new choice about one purpose, with the date and how they said it. Withdrawal takes
 * effect at once (see consent.ts); withdrawing consent to be on the register starts erasure (today's flow),
 * with the withdrawal recorded in the same write as the erasure.
 */
export async function changeConsent(
  ports: Pick<RegisterPorts, 'partners' | 'audit' | 'eraseOnRequest' | 'clock'>,
  actor: Actor,
  id: string,
  change: ConsentChange,
): Promise<{ version: string; erased: boolean }> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can record a partner\u2019s consent.');
  const now = ports.clock();
  if (isInFuture(change.date, now))
    throw new ValidationError('Check the date.', [
      { field: 'date', message: 'The date they told you cannot be in the future.' },
    ]);
  const partner = await ports.partners.find(id);
  if (!partner) throw new NotFoundError(PARTNER_NOT_FOUND);
  if (partner.erasure)
    throw new ConflictError('This partner\u2019s data was erased on request, so there is no consent to change.');
  if (partner._etag !== change.version) throw new ConflictError(PARTNER_CHANGED_SINCE);
  if (change.purpose === 'register' && !change.given) {
    await ports.eraseOnRequest(
      actor,
      id,
      `They withdrew their consent to be on the register (${CONSENT_METHOD_WORDS[change.how]}, ${change.date})`,
      now,
      (current) => withConsentChange(current, change, actor, now).partner,
    );
    return { version: (await ports.partners.get(id))._etag, erased: true };
  }
  const { partner: next, fields } = withConsentChange(withoutVersion(partner), change, actor, now);
  const saved = await saveWithAudit(ports, partner, next, { action: 'consent-changed', fields }, actor, now);
  return { version: saved._etag, erased: false };
}
