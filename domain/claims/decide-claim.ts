import { retryOnConflict } from '../concurrency.js';
import { ValidationError, type FieldProblem } from '../errors.js';
import type { Actor } from '../people/actor.js';
import {
  alreadyRecorded,
  awaitingDecision,
  type ClaimDocument,
  type ClaimStatus,
  type HistoryEntry,
  type ItemRejection,
} from './claim.js';
import { announceAndReplace, outboxId, type AnnouncePorts } from './claim-announcements.js';
import { assertMayDecide } from './claim-permissions.js';
import { findClaimOrRefuse } from './edit-claim.js';
import type { ClaimPorts } from './ports.js';

export type Decision =
  /** Approve; with `rejectedItems`, every item but those (partial approval), each with its reason. */
  | { readonly outcome: 'approve'; readonly rejectedItems?: readonly ItemRejection[] | undefined }
  | { readonly outcome: 'reject'; readonly reason: string }
  | { readonly outcome: 'query'; readonly question: string };

export interface DecisionResult {
  readonly claim: ClaimDocument;
  /** False when the claim had already been decided by another request. */
  readonly applied: boolean;
}

export type DecideClaimPorts = AnnouncePorts & Pick<ClaimPorts, 'deliverNow'>;

/**
 * An IEV approver's decision. Exactly one decision wins: the write is conditional on the version
 * read, and a loser (or a retried invoke) gets the decided claim back with `applied: false`.
 */
export async function decideClaim(
  ports: DecideClaimPorts,
  actor: Actor,
  claimId: string,
  decision: Decision,
  operationId: string,
): Promise<DecisionResult> {
  // Another write landing first is retried on a fresh read: a rival decision then shows (applied: false), and
  // any other write (the outbox recording where the card was posted) must not swallow this decision.
  const result = await retryOnConflict(async () => {
    const claim = await findClaimOrRefuse(ports.claims, claimId);
    assertMayDecide(actor, claim);
    // Teams retrying the same invoke gets the answer the first attempt got.
    if (alreadyRecorded(claim, operationId)) return { claim, applied: true, owed: undefined };
    if (!awaitingDecision(claim.status)) return { claim, applied: false, owed: undefined };
    const next = decided(claim, { actor, decision, operationId, at: ports.clock().toISOString() });
    const written = await announceAndReplace(ports, claim, next, ['host', 'iev-channel']);
    return { claim: written, applied: true, owed: outboxId(claim, 'iev-channel') };
  });
  // One owner for the approval card in the IEV channel: the outbox, which also updates it after a
  // submission or an erasure and retries when Teams refuses. The press's own answer changes the card
  // for the presser only; delivering now makes it change for everyone else at the same moment.
  if (result.owed) await ports.deliverNow?.(result.owed);
  return { claim: result.claim, applied: result.applied };
}

interface DecisionMade {
  readonly actor: Actor;
  readonly decision: Decision;
  readonly operationId: string;
  readonly at: string;
}

/** The claim as decided: approved (wholly or partly), rejected with a reason, or queried with a question. */
function decided(claim: ClaimDocument, { actor, decision, operationId, at }: DecisionMade): ClaimDocument {
  const rejectedItems =
    decision.outcome === 'approve' && decision.rejectedItems !== undefined
      ? checkRejectedItems(claim, decision.rejectedItems)
      : [];
  const note = decisionNote(claim, decision, rejectedItems);
  const status: ClaimStatus =
    decision.outcome === 'approve' ? 'approved' : decision.outcome === 'reject' ? 'rejected' : 'queried';
  const entry: HistoryEntry = { status, at, byId: actor.id, byName: actor.displayName, note, operationId };
  return {
    ...claim,
    status,
    history: [...claim.history, entry],
    ...(status === 'queried'
      ? { openQuery: { question: note!, byName: actor.displayName, at } }
      : {
          decision: {
            outcome: status,
            byId: actor.id,
            byName: actor.displayName,
            at,
            reason: status === 'rejected' ? note : undefined,
            ...(rejectedItems.length > 0 ? { rejectedItems } : {}),
          },
        }),
  };
}

/** The history's note: the reason, the question, or what a partial approval left out. A reject or a query needs one. */
function decisionNote(
  claim: ClaimDocument,
  decision: Decision,
  rejectedItems: readonly ItemRejection[],
): string | undefined {
  const note =
    decision.outcome === 'reject'
      ? decision.reason.trim()
      : decision.outcome === 'query'
        ? decision.question.trim()
        : rejectedItems.length > 0
          ? partialNote(claim, rejectedItems)
          : undefined;
  if (decision.outcome !== 'approve' && !note) {
    const field = decision.outcome === 'reject' ? 'reason' : 'question';
    throw new ValidationError('Please check your answers.', [
      {
        field,
        message:
          decision.outcome === 'reject' ? 'Give a reason for rejecting the claim' : 'Write the question for the host',
      },
    ]);
  }
  return note;
}

/** Partial approval: items of this claim, each with a reason, and at least one item still approved. */
function checkRejectedItems(claim: ClaimDocument, rejections: readonly ItemRejection[]): ItemRejection[] {
  const problems: FieldProblem[] = [];
  const ids = new Set(claim.items.map((item) => item.id));
  const seen = new Set<string>();
  const checked: ItemRejection[] = [];
  for (const rejection of rejections) {
    if (!ids.has(rejection.itemId) || seen.has(rejection.itemId)) {
      problems.push({ field: 'rejectedItems', message: 'Choose items of this claim' });
      continue;
    }
    seen.add(rejection.itemId);
    const reason = rejection.reason.trim();
    if (!reason) problems.push({ field: `reason-${rejection.itemId}`, message: 'Say why this item is not approved' });
    else if (reason.length > 500)
      problems.push({ field: `reason-${rejection.itemId}`, message: 'Keep the reason under 500 characters' });
    checked.push({ itemId: rejection.itemId, reason });
  }
  if (rejections.length === 0)
    problems.push({
      field: 'rejectedItems',
      message: 'Give a reason for each item you do not approve, or approve the whole claim',
    });
  if (problems.length === 0 && checked.length >= claim.items.length)
    problems.push({
      field: 'rejectedItems',
      message: 'No item would be approved: reject the claim instead, with a reason',
    });
  if (problems.length > 0) throw new ValidationError('Please check your answers.', problems);
  return checked;
}

/** "Approved 1 of 2 items. Not approved: Parking £12.00 (no receipt)." for the history. */
function partialNote(claim: ClaimDocument, rejected: readonly ItemRejection[]): string {
  const approved = claim.items.length - rejected.length;
  const reasons = rejected.map((rejection) => {
    const item = claim.items.find((candidate) => candidate.id === rejection.itemId)!;
    return `${item.explanation} (${rejection.reason})`;
  });
  return `Approved ${approved} of ${claim.items.length} items. Not approved: ${reasons.join('; ')}`;
}
