import type { Versioned } from '../ports.js';
import type { ClaimDocument } from './claim.js';
import type { ClaimPorts } from './ports.js';

/** Who hears of a claim's events: the host's chat, the IEV channel's card, partner messaging (paid only). */
export type ClaimTarget = 'host' | 'iev-channel' | 'partner';

export type AnnouncePorts = Pick<ClaimPorts, 'claims' | 'outbox' | 'clock' | 'onEnqueued'>;

/** The outbox message owed to `target` about the claim's next event. */
export function outboxId(claim: ClaimDocument, target: ClaimTarget): string {
  return `${claim.id}:${claim.history.length}:${target}`;
}

/**
 * Owes a message to each target about the claim's next event, then writes that event (`next`)
 * conditionally on the version read. The messages are written before the event: if we crash after
 * writing it, the messages are already owed. The dispatcher is asked to deliver whether or not the write lands.
 */
export async function announceAndReplace(
  ports: AnnouncePorts,
  claim: Versioned<ClaimDocument>,
  next: ClaimDocument,
  targets: readonly ClaimTarget[],
): Promise<Versioned<ClaimDocument>> {
  await announce(ports, claim, targets);
  try {
    return await ports.claims.replaceClaim(next, claim._etag);
  } finally {
    ports.onEnqueued?.();
  }
}

/** Owes a message about the next event of this claim: one per target, named by claim and event number. */
async function announce(
  ports: Pick<ClaimPorts, 'outbox' | 'clock'>,
  claim: ClaimDocument,
  targets: readonly ClaimTarget[],
): Promise<void> {
  const seq = claim.history.length;
  const now = ports.clock();
  for (const target of targets)
    await ports.outbox.enqueue({ id: outboxId(claim, target), topic: 'claim', target, subjectId: claim.id, seq }, now);
}
