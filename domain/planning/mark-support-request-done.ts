import { ForbiddenError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import { changeSupportRequest } from './change-support-request.js';
import type { SupportPorts } from './support-records.js';
import type { SupportRequest } from './support-request.js';

/** IEV marks the request done; the host is told. Marking it done again changes nothing. */
export async function markSupportRequestDone(
  ports: SupportPorts,
  actor: Actor,
  where: { readonly hostId: string; readonly requestId: string },
): Promise<Versioned<SupportRequest>> {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can mark support requests done.');
  const { request } = await changeSupportRequest(ports, actor, where, (current) =>
    current.status === 'done' ? undefined : { kind: 'done' },
  );
  return request;
}
