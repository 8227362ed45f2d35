import { ForbiddenError, NotFoundError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { RegisterPorts } from './ports.js';
import { PARTNER_NOT_FOUND } from './register-words.js';

export interface AuditTrailEntry {
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  fields: readonly string[];
}

/** Who registered the partner and who has seen their sensitive details: IEV members only, newest first. */
export async function readAuditTrail(
  { partners, audit }: Pick<RegisterPorts, 'partners' | 'audit'>,
  actor: Actor,
  id: string,
): Promise<AuditTrailEntry[]> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team sees who viewed a partner\u2019s details.');
  const partner = await partners.find(id);
  if (!partner) throw new NotFoundError(PARTNER_NOT_FOUND);
  const recorded = await audit.trailOf(id);
  // Changes whose audit event still waits on the entry (not yet copied to the trail) are shown too.
  const waiting = (partner.pendingAudit ?? []).filter((event) => !recorded.some((entry) => entry.id === event.id));
  const trail = [...waiting, ...recorded].sort((a, b) => b.at.localeCompare(a.at));
  return trail.slice(0, 50).map(({ at, actorId, actorName, action, fields }) => ({
    at,
    actorId,
    actorName: actorName ?? 'A colleague',
    action,
    fields,
  }));
}
