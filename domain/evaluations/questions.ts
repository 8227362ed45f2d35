/**
 * "How was it for you?": partners' own view of a piece of work they took part in (seed 001, "engage on
 * engagement – how was it for you – evaluate – survey"). A few questions, each optional, drawn from what the
 * seed says tells us engagement works: people were listened to, it makes a difference, the loop of feedback
 * is completed, and they would come again.
 */
export const EVALUATION_QUESTIONS = [
  {
    key: 'overall',
    label: 'Overall, how was taking part for you?',
    short: 'How it was',
    answers: [
      { value: 'very-good', label: 'Very good' },
      { value: 'good', label: 'Good' },
      { value: 'mixed', label: 'Mixed' },
      { value: 'poor', label: 'Poor' },
    ],
  },
  {
    key: 'listened',
    label: 'Did you feel listened to?',
    short: 'Felt listened to',
    answers: [
      { value: 'yes', label: 'Yes' },
      { value: 'partly', label: 'Partly' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    key: 'difference',
    label: 'Do you think what you said will make a difference?',
    short: 'Will make a difference',
    answers: [
      { value: 'yes', label: 'Yes' },
      { value: 'partly', label: 'Partly' },
      { value: 'no', label: 'No' },
      { value: 'not-sure', label: 'Not sure' },
    ],
  },
  {
    key: 'support',
    label: 'Did you have what you needed to take part (information, support, expenses)?',
    short: 'Had what they needed',
    answers: [
      { value: 'yes', label: 'Yes' },
      { value: 'partly', label: 'Partly' },
      { value: 'no', label: 'No' },
    ],
  },
  {
    key: 'again',
    label: 'Would you take part in something like this again?',
    short: 'Would take part again',
    answers: [
      { value: 'yes', label: 'Yes' },
      { value: 'maybe', label: 'Maybe' },
      { value: 'no', label: 'No' },
    ],
  },
] as const;

export type EvaluationQuestion = (typeof EVALUATION_QUESTIONS)[number];
export type EvaluationQuestionKey = EvaluationQuestion['key'];
export type EvaluationAnswers = { readonly [K in EvaluationQuestionKey]?: string };

/** A question left blank: counted, so each question's answers add up to the number of evaluations. */
export const NOT_ANSWERED_VALUE = 'not-answered';
export const NOT_ANSWERED_LABEL = 'Not answered';
export const COMMENT_MAX_LENGTH = 2000;
