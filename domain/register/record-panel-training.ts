import { retryOnConflict, withoutVersion } from '../concurrency.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import { isInFuture } from './consent.js';
import type { Partner } from './partner.js';
import type { RegisterPorts } from './ports.js';
import { PARTNER_NOT_FOUND } from './register-words.js';
import { saveWithAudit } from './save-with-audit.js';

/** IEV records that the partner completed interview panel training (seed 004); audited by field name. */
export async function recordPanelTraining(
  ports: Pick<RegisterPorts, 'partners' | 'audit' | 'clock'>,
  actor: Actor,
  id: string,
  completedOn: string,
): Promise<{ version: string }> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team records training on the register.');
  const now = ports.clock();
  if (isInFuture(completedOn, now))
    throw new ValidationError('Check the date.', [
      { field: 'completedOn', message: 'The day they completed it cannot be in the future.' },
    ]);
  const saved = await retryOnConflict(async () => {
    const partner = await ports.partners.find(id);
    if (!partner || partner.erasure) throw new NotFoundError(PARTNER_NOT_FOUND);
    const next: Partner = {
      ...withoutVersion(partner),
      panelTraining: { completedOn, recordedAt: now.toISOString(), byName: actor.displayName },
    };
    return saveWithAudit(ports, partner, next, { action: 'corrected', fields: ['panelTraining'] }, actor, now);
  });
  return { version: saved._etag };
}
