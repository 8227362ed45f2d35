import { retryOnConflict } from '../concurrency.js';
import type { Actor } from '../people/actor.js';
import { alreadyRecorded, canMove, type ClaimDocument } from './claim.js';
import { announceAndReplace, type AnnouncePorts } from './claim-announcements.js';
import { dayOf } from './claim-day.js';
import { assertMayPay } from './claim-permissions.js';

/** One claim's step towards payment, as part of a batch. */
export interface PaymentMove {
  readonly to: 'exported' | 'paid';
  readonly batchId: string;
  readonly operationId: string;
  /** The day IEV says the payment was made (YYYY-MM-DD); today when not given. */
  readonly paidOn?: string | undefined;
}

/**
 * Moves one claim on (export, payment) as part of a batch. Returns false if it was not in the expected
 * state. A payment is recorded on the day IEV says it was made (`paidOn`, never after today).
 */
export async function advanceForPayment(
  ports: AnnouncePorts,
  actor: Actor,
  claimId: string,
  move: PaymentMove,
): Promise<boolean> {
  assertMayPay(actor);
  return retryOnConflict(async () => {
    const claim = await ports.claims.findClaim(claimId);
    if (!claim) return false;
    if (alreadyRecorded(claim, move.operationId)) return true;
    if (!canMove(claim.status, move.to) || (move.to === 'paid' && claim.exportBatchId !== move.batchId)) return false;
    const next = moved(claim, actor, move, ports.clock());
    // Paid: the host is told, the card in the IEV channel shows it, and partner messaging hears of it.
    if (move.to === 'paid') await announceAndReplace(ports, claim, next, ['host', 'iev-channel', 'partner']);
    else await ports.claims.replaceClaim(next, claim._etag);
    return true;
  });
}

/** The claim exported in the batch, or paid on the day given, with the step in its history. */
function moved(
  claim: ClaimDocument,
  actor: Actor,
  { to, batchId, operationId, paidOn }: PaymentMove,
  at: Date,
): ClaimDocument {
  const today = dayOf(at);
  const day = paidOn ?? today;
  // Paid today: the moment it was recorded. Paid earlier: midday of that day, so "days to pay" counts whole days.
  const paidAt = day === today ? at.toISOString() : `${day}T12:00:00.000Z`;
  return {
    ...claim,
    status: to,
    history: [
      ...claim.history,
      {
        status: to,
        at: at.toISOString(),
        byId: actor.id,
        byName: actor.displayName,
        note: to === 'paid' ? `Paid on ${day}, payment batch ${batchId}` : `Payment batch ${batchId}`,
        operationId,
      },
    ],
    ...(to === 'exported'
      ? { exportBatchId: batchId, exportedAt: at.toISOString() }
      : {
          paidAt,
          paidOn: day,
          secondsToPay: Math.max(
            0,
            Math.round((Date.parse(paidAt) - Date.parse(claim.submittedAt ?? claim.createdAt)) / 1000),
          ),
        }),
  };
}
