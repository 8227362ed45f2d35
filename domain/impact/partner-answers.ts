import {
  EVALUATION_QUESTIONS,
  NOT_ANSWERED_LABEL,
  NOT_ANSWERED_VALUE,
  type EvaluationQuestion,
} from '../evaluations/questions.js';
import type { CutFigures, PartnerQuestionSummary } from './cut-figures.js';
import { HIDDEN_IN_WHOLE, suppressCountInWholes, type Raw, type Suppressed } from './cut-counts.js';
import type { PartnerEvaluationFacts } from './impact-facts.js';
import { isShown, suppressGroup } from './suppression.js';

/** Partners' own "how was it for you?": how many answered, and each question's answers. */

/** Said where a cut has no partner evaluations in the period (partners are invited when a piece of work closes). */
export const PARTNER_EVALUATIONS_NONE =
  'Partners\u2019 own evaluations: not collected yet for this period. Partners are invited to say how it was when a piece of work closes.';

/** Said where some partners answered but too few to show anything of what they said. */
export function partnerEvaluationsTooFew(threshold: number): string {
  return `Fewer than ${threshold} partners answered, so their answers are not shown: nobody could be recognised.`;
}

type PartnerFigures = CutFigures['evaluations']['partners'];

export function partnerAnswersOf(given: readonly PartnerEvaluationFacts[]): Raw['partnerAnswers'] {
  const questions = new Map(
    EVALUATION_QUESTIONS.map((question) => {
      const tally: Record<string, number> = Object.fromEntries(
        [...question.answers.map((answer) => answer.value), NOT_ANSWERED_VALUE].map((value) => [value, 0]),
      );
      for (const evaluation of given) {
        const answer = evaluation.answers[question.key];
        const bucket = answer !== undefined && answer in tally ? answer : NOT_ANSWERED_VALUE;
        tally[bucket]! += 1;
      }
      return [question.key, tally] as const;
    }),
  );
  return { answered: given.length, questions };
}

/** Partners' answers through the one rule: the number who answered, then each question as a group adding up to it. */
export function partnersOf(raw: Raw, threshold: number, wholes: readonly Suppressed[]): PartnerFigures {
  const value = raw.partnerAnswers.answered;
  const answered = suppressCountInWholes(
    value,
    threshold,
    wholes.map((whole) => ({
      value: whole.raw.partnerAnswers.answered,
      shown: whole.shown.evaluations.partners.answered,
    })),
  );
  if (value === 0) return { answered, questions: [], note: PARTNER_EVALUATIONS_NONE };
  if (!isShown(answered)) return { answered, questions: [], note: partnerEvaluationsTooFew(threshold) };
  return {
    answered,
    questions: EVALUATION_QUESTIONS.map((question) => questionOf(question, raw, threshold, wholes)),
    note: undefined,
  };
}

function questionOf(
  question: EvaluationQuestion,
  raw: Raw,
  threshold: number,
  wholes: readonly Suppressed[],
): PartnerQuestionSummary {
  const tally = raw.partnerAnswers.questions.get(question.key) ?? {};
  const { cells } = suppressGroup(
    tally,
    threshold,
    wholes.map((whole) => {
      const wholeShown = whole.shown.evaluations.partners;
      const wholeQuestion = wholeShown.questions.find((shown) => shown.key === question.key);
      return {
        values: whole.raw.partnerAnswers.questions.get(question.key) ?? {},
        shown: {
          total: wholeShown.answered,
          // The whole has no breakdown when its number answered is hidden: then neither may the cut.
          cells: Object.fromEntries(
            Object.keys(tally).map((answer) => [
              answer,
              wholeQuestion?.answers.find((shown) => shown.value === answer)?.count ?? HIDDEN_IN_WHOLE,
            ]),
          ),
        },
      };
    }),
  );
  return {
    key: question.key,
    label: question.short,
    answers: Object.entries(cells).map(([answer, count]) => ({
      value: answer,
      label: answerLabel(question.key, answer),
      count,
    })),
  };
}

function answerLabel(key: string, value: string): string {
  if (value === NOT_ANSWERED_VALUE) return NOT_ANSWERED_LABEL;
  const question = EVALUATION_QUESTIONS.find((candidate) => candidate.key === key);
  return question?.answers.find((answer) => answer.value === value)?.label ?? value;
}
