import type { CutFigures } from './cut-figures.js';
import type { Raw, Suppressed } from './cut-counts.js';
import type { SessionFacts } from './impact-facts.js';
import type { Period } from './period.js';
import { isShown, suppressGroup, type Count } from './suppression.js';

/** New faces and returning ones, and the hours partners gave: who took part in a cut, and for how long. */

/** New: their first session ever is in the period. Returning: they took part before it too. */
export function newAndReturning(
  involved: ReadonlySet<string>,
  sessions: readonly SessionFacts[],
  period: Period,
): { newFaces: number; returning: number } {
  const returningIds = new Set(
    sessions.filter((session) => session.date.slice(0, 10) < period.from).flatMap((session) => session.partnerIds),
  );
  const returning = [...involved].filter((id) => returningIds.has(id)).length;
  return { newFaces: involved.size - returning, returning };
}

/** Session length × partners there, summed over the sessions. */
export function partnerMinutesOf(sessions: readonly SessionFacts[]): number {
  return sessions.reduce((sum, session) => sum + session.durationMinutes * session.partnerIds.length, 0);
}

/** The people involved, new and returning, through the rule as a cut of each of `wholes`. */
export function peopleOf(raw: Raw, threshold: number, wholes: readonly Suppressed[]): CutFigures['people'] {
  const people = suppressGroup(
    raw.people,
    threshold,
    wholes.map((whole) => ({
      values: whole.raw.people,
      shown: {
        total: whole.shown.people.involved,
        cells: { newFaces: whole.shown.people.newFaces, returning: whole.shown.people.returning },
      },
    })),
  );
  return { involved: people.total, newFaces: people.cells.newFaces, returning: people.cells.returning };
}

/** Hours are shown only when the number of people behind them is. */
export function hoursOf(raw: Raw, involved: Count): CutFigures['hours'] {
  return {
    sessions: raw.sessions,
    partnerHours: isShown(involved) ? Math.round(raw.partnerMinutes / 6) / 10 : undefined,
  };
}
