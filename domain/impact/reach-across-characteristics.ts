import { EQUALITY_QUESTIONS, type EqualityQuestion } from '../register/equality-questions.js';
import type { CutFigures, ReachCategory } from './cut-figures.js';
import { HIDDEN_IN_WHOLE, type Raw, type Suppressed } from './cut-counts.js';
import type { PartnerFacts } from './impact-facts.js';
import { isShown, suppressGroup } from './suppression.js';

/** Reach across the protected characteristics: who agreed to equality monitoring, and how they answered. */

export const ANOTHER_ANSWER = 'Another answer';
export const NOT_ANSWERED = 'Not answered or prefer not to say';

/** How the partners answered one equality question: each listed answer, another answer, or none. */
export function tallyOf(category: EqualityQuestion, partners: readonly PartnerFacts[]): Record<string, number> {
  const known: readonly string[] = category.answers;
  const tally: Record<string, number> = Object.fromEntries(
    [...known, ANOTHER_ANSWER, NOT_ANSWERED].map((answer) => [answer, 0]),
  );
  for (const partner of partners) {
    const answer = partner.equality?.[category.key]?.trim();
    const bucket =
      !answer || /prefer not/i.test(answer) ? NOT_ANSWERED : known.includes(answer) ? answer : ANOTHER_ANSWER;
    tally[bucket] = (tally[bucket] ?? 0) + 1;
  }
  return tally;
}

/** Agreed and not agreed as parts of the people involved, then each question's answers as parts of "agreed". */
export function reachOf(raw: Raw, threshold: number, wholes: readonly Suppressed[]): CutFigures['reach'] {
  const consent = suppressGroup(
    raw.consent,
    threshold,
    wholes.map((whole) => ({
      values: whole.raw.consent,
      shown: {
        total: whole.shown.people.involved,
        cells: { agreed: whole.shown.reach.agreed, notAgreed: whole.shown.reach.notAgreed },
      },
    })),
  );
  const categories =
    isShown(consent.cells.agreed) && raw.consent.agreed > 0
      ? EQUALITY_QUESTIONS.map((category) => categoryOf(category, raw, threshold, wholes))
      : [];
  return { ...consent.cells, categories };
}

function categoryOf(
  category: EqualityQuestion,
  raw: Raw,
  threshold: number,
  wholes: readonly Suppressed[],
): ReachCategory {
  const tally = raw.categories.get(category.key) ?? {};
  const { cells } = suppressGroup(
    tally,
    threshold,
    wholes.map((whole) => {
      const wholeShown = whole.shown.reach.categories.find((shown) => shown.key === category.key);
      return {
        values: whole.raw.categories.get(category.key) ?? {},
        shown: {
          total: whole.shown.reach.agreed,
          // The whole has no breakdown when its "agreed" is hidden: then neither may the cut.
          cells: Object.fromEntries(
            Object.keys(tally).map((answer) => [
              answer,
              wholeShown?.groups.find((group) => group.answer === answer)?.count ?? HIDDEN_IN_WHOLE,
            ]),
          ),
        },
      };
    }),
  );
  return {
    key: category.key,
    label: category.short,
    groups: Object.entries(cells).map(([answer, count]) => ({ answer, count })),
  };
}
