import { NotFoundError } from '../errors.js';
import type { OutboxRepository } from '../notifications/ports.js';
import type { Versioned } from '../ports.js';
import type { PlanRepository } from './ports.js';
import type { SupportRequest } from './support-request.js';

/** What every use case of a "New Works" request writes with: the store, the outbox and the clock. */
export interface SupportPorts {
  readonly store: PlanRepository;
  /** Where the channel card and the host's messages are owed (topic `support`), exactly once each. */
  readonly outbox: Pick<OutboxRepository, 'enqueue'>;
  /** Delivers an owed message inside this request (the outbox's `deliverNow`); never throws. */
  readonly deliverNow: (messageId: string) => Promise<void>;
  readonly now: () => Date;
}

export type Target = 'iev-channel' | 'host';

/** Anyone may see a request's status on the channel card; reading it needs the host id the card carries. */
export async function findSupportRequest(
  store: PlanRepository,
  hostId: string,
  requestId: string,
): Promise<Versioned<SupportRequest>> {
  const request = await store.findSupportRequest(hostId, requestId);
  if (!request) throw new NotFoundError('We couldn\u2019t find that support request. It may have been removed.');
  return request;
}

/** Owes the messages of one change (`seq`, the event's index) to each target, before the change is written. */
export async function oweSupportMessages(
  ports: Pick<SupportPorts, 'outbox' | 'now'>,
  request: SupportRequest,
  seq: number,
  targets: readonly Target[],
): Promise<void> {
  const now = ports.now();
  for (const target of targets)
    await ports.outbox.enqueue(
      { id: messageId(request, seq, target), topic: 'support', target, subjectId: supportSubject(request), seq },
      now,
    );
}

/** The outbox's subject for a request: its host (the partition) and id, so delivery is a point read. */
export function supportSubject(request: Pick<SupportRequest, 'hostId' | 'id'>): string {
  return `${request.hostId}|${request.id}`;
}

export function parseSupportSubject(subjectId: string): { hostId: string; requestId: string } | undefined {
  const [hostId, requestId, ...rest] = subjectId.split('|');
  return hostId && requestId && rest.length === 0 ? { hostId, requestId } : undefined;
}

export function messageId(request: Pick<SupportRequest, 'id'>, seq: number, target: Target): string {
  return `${request.id}:${seq}:${target}`;
}
