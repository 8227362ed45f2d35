import { EQUALITY_QUESTIONS } from '../register/equality-questions.js';
import type { CutFigures, ReportOptions, WorkCut } from './cut-figures.js';
import type { Raw, Suppressed } from './cut-counts.js';
import { rawOf } from './count-cut.js';
import type { ImpactFacts, WorkFacts } from './impact-facts.js';
import type { Period } from './period.js';
import { suppressCut } from './suppress-cut.js';

/** Each piece of work with sessions in the period, against the groups it set out to reach. */

export interface WorkFigures {
  readonly piece: WorkFacts;
  readonly raw: Raw;
  readonly figures: CutFigures;
}

const UNTITLED = 'Untitled work';

export function workCuts(facts: ImpactFacts, period: Period, options: ReportOptions, whole: Suppressed): WorkFigures[] {
  return facts.work
    .map((piece) => ({ piece, raw: rawOf(facts, period, new Set([piece.id])) }))
    .filter(({ raw }) => raw.sessions > 0)
    .map(({ piece, raw }) => ({ piece, raw, figures: suppressCut(raw, options, [whole]) }))
    .sort((a, b) => (a.piece.title ?? UNTITLED).localeCompare(b.piece.title ?? UNTITLED, 'en-GB'));
}

export function workCut(piece: WorkFacts, figures: CutFigures, people: CutFigures['people']): WorkCut {
  const groups = piece.groupsToReach ?? [];
  const asked = new Set<string>(
    EQUALITY_QUESTIONS.filter((category) => category.planGroups.some((group) => groups.includes(group))).map(
      (category) => category.key,
    ),
  );
  return {
    id: piece.id,
    title: piece.title ?? UNTITLED,
    serviceArea: piece.serviceArea,
    groupsToReach: groups,
    people,
    reached: figures.reach.categories.filter((category) => asked.has(category.key)),
    feedbackRecorded: piece.feedbackRecorded,
  };
}
