import { withoutVersion } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import { corrected, type PartnerCorrection } from './correction.js';
import type { RegisterPorts } from './ports.js';
import { PARTNER_CHANGED_SINCE, PARTNER_NOT_FOUND } from './register-words.js';
import { saveWithAudit } from './save-with-audit.js';

/**
 * IEV corrects a partner's details (rectification). Refused when someone changed the entry since the form
 * was opened; the entry keeps its id, so involvement history and claims stay with it. The audit names the
 * fields that changed, never their values.
 */
export async function correctPartner(
  ports: Pick<RegisterPorts, 'partners' | 'audit' | 'clock'>,
  actor: Actor,
  id: string,
  input: PartnerCorrection,
): Promise<{ version: string; changed: readonly string[] }> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can correct a partner’s details.');
  const partner = await ports.partners.find(id);
  if (!partner) throw new NotFoundError(PARTNER_NOT_FOUND);
  if (partner.erasure)
    throw new ConflictError(
      'This partner’s data was erased on request, so there is nothing to correct. If they return, register them again.',
    );
  if (partner._etag !== input.version) throw new ConflictError(PARTNER_CHANGED_SINCE);
  const { partner: next, changed } = corrected(withoutVersion(partner), input);
  if (changed.length === 0) return { version: partner._etag, changed };
  const saved = await saveWithAudit(
    ports,
    partner,
    next,
    { action: 'corrected', fields: changed },
    actor,
    ports.clock(),
  );
  return { version: saved._etag, changed };
}
