import type { Raw } from './cut-counts.js';
import type { SessionFacts, WorkFacts } from './impact-facts.js';

/**
 * Completing the loop of feedback: of the pieces of work with sessions in the cut, how many told the
 * people involved what changed. Pieces of work, not people: never suppressed.
 */
export function feedbackLoopOf(
  sessions: readonly SessionFacts[],
  work: readonly WorkFacts[],
): { readonly figures: Raw['work']; readonly withSessions: readonly WorkFacts[] } {
  const workIdsWithSessions = new Set(sessions.map((session) => session.workId));
  const withSessions = work.filter((piece) => workIdsWithSessions.has(piece.id));
  return {
    figures: {
      withSessions: workIdsWithSessions.size,
      closedLoop: withSessions.filter((piece) => piece.feedbackRecorded).length,
    },
    withSessions,
  };
}
