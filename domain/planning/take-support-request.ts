import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import { changeSupportRequest } from './change-support-request.js';
import type { SupportPorts } from './support-records.js';
import type { SupportRequest } from './support-request.js';

type Where = { readonly hostId: string; readonly requestId: string };

/**
 * An IEV member takes the request on. Exactly one person does: the write is conditional on the
 * version read, so of two simultaneous presses one wins and the other sees who did.
 */
export async function takeSupportRequest(
  ports: SupportPorts,
  actor: Actor,
  where: Where,
): Promise<{ request: Versioned<SupportRequest>; tookIt: boolean }> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can take on support requests.');
  const outcome = await changeSupportRequest(ports, actor, where, (request) =>
    request.status === 'open' ? { kind: 'assigned', to: { id: actor.id, name: actor.displayName } } : undefined,
  );
  return { request: outcome.request, tookIt: outcome.changed };
}

/** IEV gives the request to a named colleague in the IEV team (or to someone else, if it was taken). */
export async function assignSupportRequest(
  ports: SupportPorts & {
    /** The IEV team's members as the directory has them now: whom a request may be given to. */
    readonly ievColleagues: () => Promise<ReadonlyArray<{ readonly id: string; readonly displayName: string }>>;
  },
  actor: Actor,
  where: Where,
  assigneeId: string,
): Promise<Versioned<SupportRequest>> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can assign support requests.');
  const colleague = (await ports.ievColleagues()).find((member) => member.id === assigneeId);
  if (!colleague)
    throw new ValidationError('Choose a member of the IEV team.', [
      { field: 'assignee', message: 'Choose a member of the IEV team.' },
    ]);
  const { request } = await changeSupportRequest(ports, actor, where, (current) => {
    if (current.status === 'done') throw new ConflictError('This request is already done.');
    if (current.takenBy?.id === colleague.id) return undefined;
    return { kind: 'assigned', to: { id: colleague.id, name: colleague.displayName } };
  });
  return request;
}
