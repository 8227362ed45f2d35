import { withoutVersion } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Partner } from './partner.js';
import type { RegisterPorts } from './ports.js';
import { PARTNER_CHANGED_SINCE, PARTNER_NOT_FOUND } from './register-words.js';
import { saveWithAudit } from './save-with-audit.js';

/** IEV marks a partner active, paused (taking a break) or left (no longer on the register for others). */
export async function changeStatus(
  ports: Pick<RegisterPorts, 'partners' | 'audit' | 'clock'>,
  actor: Actor,
  id: string,
  status: Partner['status'],
  version: string,
): Promise<{ version: string }> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can change a partner\u2019s status.');
  const partner = await ports.partners.find(id);
  if (!partner) throw new NotFoundError(PARTNER_NOT_FOUND);
  if (partner._etag !== version) throw new ConflictError(PARTNER_CHANGED_SINCE);
  if (partner.status === status) return { version: partner._etag };
  if (partner.erasure)
    throw new ConflictError(
      'This partner\u2019s data was erased on request, so they cannot come back onto the register. If they return, register them again.',
    );
  const saved = await saveWithAudit(
    ports,
    partner,
    { ...withoutVersion(partner), status },
    { action: 'status-changed', fields: [status] },
    actor,
    ports.clock(),
  );
  return { version: saved._etag };
}
