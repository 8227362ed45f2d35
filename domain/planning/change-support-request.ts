import { retryOnConflict } from '../concurrency.js';
import type { Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import {
  findSupportRequest,
  messageId,
  oweSupportMessages,
  type SupportPorts,
  type Target,
} from './support-records.js';
import { HOST_IS_TOLD_OF_SUPPORT, type SupportEvent, type SupportRequest } from './support-request.js';

/** The change `decide` asks for: the event to add, without who and when. */
export type SupportChange = Omit<SupportEvent, 'at' | 'byId' | 'byName'>;

/**
 * One change to a request, written once: `decide` reads the latest version and returns the event to add
 * (or nothing). The messages it owes are enqueued under the event's index before the write, then
 * delivered now, inside the press, so the channel card and the host are updated at once.
 */
export async function changeSupportRequest(
  ports: SupportPorts,
  actor: Actor,
  where: { readonly hostId: string; readonly requestId: string },
  decide: (request: Versioned<SupportRequest>) => SupportChange | undefined,
): Promise<{ request: Versioned<SupportRequest>; changed: boolean }> {
  const outcome = await retryOnConflict(async () => {
    const request = await findSupportRequest(ports.store, where.hostId, where.requestId);
    const event = decide(request);
    if (!event) return { request, changed: false, owed: [] as string[] };
    const seq = (request.events ?? []).length;
    const next = withEvent(request, event, actor, ports.now().toISOString());
    const targets: Target[] = HOST_IS_TOLD_OF_SUPPORT.includes(event.kind) ? ['iev-channel', 'host'] : ['iev-channel'];
    await oweSupportMessages(ports, next, seq, targets);
    const saved = await ports.store.replaceSupportRequest(next, request._etag);
    return { request: saved, changed: true, owed: targets.map((target) => messageId(saved, seq, target)) };
  });
  for (const id of outcome.owed) await ports.deliverNow(id);
  return { request: outcome.request, changed: outcome.changed };
}

/** The request with the event added, and the status and holder it sets. */
function withEvent(request: Versioned<SupportRequest>, event: SupportChange, actor: Actor, at: string): SupportRequest {
  const { _etag, ...current } = request;
  const full: SupportEvent = { ...event, at, byId: actor.id, byName: actor.displayName };
  return {
    ...current,
    events: [...(request.events ?? []), full],
    ...(event.kind === 'assigned' && event.to
      ? { status: 'taken', takenBy: { id: event.to.id, name: event.to.name, at } }
      : {}),
    ...(event.kind === 'done' ? { status: 'done' } : {}),
  };
}
