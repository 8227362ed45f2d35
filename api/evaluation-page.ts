import { COMMENT_MAX_LENGTH, EVALUATION_QUESTIONS } from '../domain/evaluations/questions.js';
import type { EvaluationRefusal } from '../domain/evaluations/evaluation-service.js';
import { escapeHtml, publicPage } from './public-page.js';

/**
 * "How was it for you?", the page a partner's personal link opens: a few questions from seed 001 ("engage on
 * engagement"), each optional, and a comment. Short, in the same look as `/join`, for a phone first.
 */
export function evaluationFormPage(options: {
  readonly workTitle: string | undefined;
  readonly token: string;
  /** The address of the form's script (api/public-scripts.ts). */
  readonly script: string;
}): string {
  const work = options.workTitle ? escapeHtml(options.workTitle) : 'our involvement work';
  const questions = EVALUATION_QUESTIONS.map(
    (question) =>
      `<fieldset id="field-${question.key}"><legend>${escapeHtml(question.label)}</legend>${question.answers
        .map(
          (answer, index) =>
            `<div class="choice"><input type="radio" id="${question.key}-${index}" name="${question.key}" value="${answer.value}"><label for="${question.key}-${index}">${escapeHtml(answer.label)}</label></div>`,
        )
        .join('')}</fieldset>`,
  ).join('\n');
  return publicPage({
    title: 'How was it for you?',
    scripts: [options.script],
    main: `<h1>How was it for you?</h1>
<p>You took part in <strong>${work}</strong>. Please tell us how it was for you: it helps us involve people better.</p>
<p>It takes about 2 minutes. Every question is optional.</p>
<details><summary>What happens to your answers</summary>
<p>We keep your answers without your name or contact details. The person who ran the work never sees your answers
on their own, only added together with other people\u2019s, and only when enough people have answered that nobody
can be recognised. You can use this link once.</p></details>
<div id="result" tabindex="-1"></div>
<noscript><p><strong>This form needs JavaScript.</strong> If you cannot turn it on, please tell the Involvement team how it was for you.</p></noscript>
<form id="evaluation-form" novalidate>
<input type="hidden" name="link" value="${escapeHtml(options.token)}">
${questions}
<div class="field" id="field-comment"><label for="comment">Anything else you would like to tell us? (optional)</label>
<p class="hint" id="comment-hint">What went well, what could be better. Please do not include your name or anyone else\u2019s.</p>
<textarea id="comment" name="comment" maxlength="${COMMENT_MAX_LENGTH}" aria-describedby="comment-hint"></textarea></div>
<div class="trap" aria-hidden="true"><label for="website">Leave this empty</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">Send my answers</button>
</form>`,
  });
}

/** Why a link did not open the form, in words (also sent to the form's script when a second press loses). */
export const REFUSAL_WORDS: Readonly<Record<EvaluationRefusal, { readonly title: string; readonly detail: string }>> = {
  used: {
    title: 'You have already answered',
    detail: 'This link has been used, so we have your answers. Thank you for telling us how it was for you.',
  },
  expired: {
    title: 'This link has closed',
    detail:
      'The time to answer has passed. Thank you for taking part. If you would still like to tell us how it was, please contact the Involvement team.',
  },
  tampered: {
    title: 'This link does not work',
    detail:
      'Part of the link may be missing or changed. Please check it matches the one in your message, or contact the Involvement team.',
  },
  cancelled: {
    title: 'This link no longer works',
    detail: 'It has been withdrawn. If you think this is wrong, please contact the Involvement team.',
  },
  'unknown-work': {
    title: 'This link no longer works',
    detail: 'The work it was about has been removed. If you think this is wrong, please contact the Involvement team.',
  },
};

/** The plain page for a link that does not open the form: what happened, and what to do. No details of why beyond that. */
export function evaluationRefusedPage(refusal: EvaluationRefusal): string {
  const words = REFUSAL_WORDS[refusal];
  return publicPage({
    title: words.title,
    main: `<h1>${escapeHtml(words.title)}</h1>\n<p>${escapeHtml(words.detail)}</p>`,
  });
}
