import { randomUUID } from 'node:crypto';
import { withoutVersion } from '../concurrency.js';
import type { Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import type { Partner } from './partner.js';
import type { RegisterPorts } from './ports.js';

type PendingAudit = NonNullable<Partner['pendingAudit']>[number];

/** The audit event a change leaves; `id` names it when it must be recorded once (an operation's id). */
export interface ChangeEvent {
  readonly action: PendingAudit['action'];
  readonly fields: readonly string[];
  readonly id?: string;
}

/**
 * Saves a change with its audit event in the same write (so the change can never be saved without it),
 * then copies the event to the audit trail under its id and clears it from the entry. If copying fails,
 * the event waits on the entry and the next change copies it: nothing is lost and nothing is copied twice.
 */
export async function saveWithAudit(
  { partners, audit }: Pick<RegisterPorts, 'partners' | 'audit'>,
  partner: Versioned<Partner>,
  next: Partner,
  event: ChangeEvent,
  actor: Actor,
  now: Date,
): Promise<Versioned<Partner>> {
  const pending: PendingAudit = {
    id: event.id ?? `${event.action}:${randomUUID()}`,
    action: event.action,
    fields: [...event.fields],
    actorId: actor.id,
    actorName: actor.displayName,
    at: now.toISOString(),
  };
  const saved = await partners.replace(
    { ...next, pendingAudit: [...(partner.pendingAudit ?? []), pending].slice(-100) },
    partner._etag,
  );
  try {
    for (const waiting of saved.pendingAudit ?? []) {
      const { id: onceId, at, ...rest } = waiting;
      await audit.record({ subjectId: saved.id, ...rest }, new Date(at), onceId);
    }
    const { pendingAudit: _copied, ...cleared } = withoutVersion(saved);
    return await partners.replace(cleared, saved._etag);
  } catch {
    // The events are safe on the entry; the next change copies them (by id, so once).
    return saved;
  }
}
