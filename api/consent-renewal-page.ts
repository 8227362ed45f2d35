import { longDate, type RenewalPurpose, type RenewalRefusal } from '../domain/register/consent-renewal-requests.js';
import { escapeHtml, publicPage } from './public-page.js';

/**
 * "Do you still agree?", the page a partner's consent renewal link opens: each purpose they agreed to, what it
 * means in plain English, and a yes or no for each. Same look as `/join`, for a phone first. Opening it changes
 * nothing (email scanners open links); the answer is a POST sent by the page's small script.
 */
export function consentRenewalPage(options: {
  readonly partnerName: string;
  readonly purposes: readonly RenewalPurpose[];
  readonly token: string;
  /** The address of the form's script (api/public-scripts.ts). */
  readonly script: string;
}): string {
  const fields = options.purposes
    .map(
      (item) => `<fieldset id="field-${item.purpose}" aria-describedby="${item.purpose}-hint">
<legend>${escapeHtml(item.title)}</legend>
<p class="hint" id="${item.purpose}-hint">${escapeHtml(item.meaning)} You agreed on ${escapeHtml(longDate(item.givenAt))}.</p>
<div class="choice"><input type="radio" id="${item.purpose}-renew" name="${item.purpose}" value="renew"><label for="${item.purpose}-renew">Yes, I still agree</label></div>
<div class="choice"><input type="radio" id="${item.purpose}-withdraw" name="${item.purpose}" value="withdraw"><label for="${item.purpose}-withdraw">${escapeHtml(item.withdraw)}</label></div>
</fieldset>`,
    )
    .join('\n');
  return publicPage({
    title: 'Do you still agree?',
    scripts: [options.script],
    main: `<h1>Do you still agree?</h1>
<p>Hello ${escapeHtml(options.partnerName)},</p>
<p>Some time ago you agreed to the things below. We check every so often that you still agree. Please answer yes or no
for each one. If you say no, we stop at once.</p>
<div id="result" tabindex="-1"></div>
<noscript><p><strong>This form needs JavaScript.</strong> If you cannot turn it on, please phone or write to the Involvement team and we will record your answer.</p></noscript>
<form id="renewal-form" novalidate>
<input type="hidden" name="link" value="${escapeHtml(options.token)}">
${fields}
<p class="hint">You can answer once. You can change your mind at any time by contacting the Involvement team.</p>
<button type="submit">Send my answers</button>
</form>`,
  });
}

/** Why a link did not open the page, in words (also sent to the page's script when a second press loses). */
export const RENEWAL_REFUSAL_WORDS: Readonly<
  Record<RenewalRefusal, { readonly title: string; readonly detail: string }>
> = {
  used: {
    title: 'You have already answered',
    detail:
      'This link has been used, so we have your answers. If you have changed your mind, please contact the Involvement team.',
  },
  expired: {
    title: 'This link has closed',
    detail:
      'The time to answer has passed and nothing has changed. If you would like to tell us whether you still agree, please contact the Involvement team.',
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
  'nothing-to-renew': {
    title: 'There is nothing to renew',
    detail:
      'You have not agreed to anything we would ask you about. If you think this is wrong, please contact the Involvement team.',
  },
};

/** The plain page for a link that does not open the form: what happened and what to do, never whose link it was. */
export function consentRenewalRefusedPage(refusal: RenewalRefusal): string {
  const words = RENEWAL_REFUSAL_WORDS[refusal];
  return publicPage({
    title: words.title,
    main: `<h1>${escapeHtml(words.title)}</h1>\n<p>${escapeHtml(words.detail)}</p>`,
  });
}

/** What the page says once the answer is recorded, purpose by purpose. */
export function renewalThanks(outcome: {
  readonly renewed: readonly string[];
  readonly withdrawn: readonly string[];
}): string {
  if (outcome.withdrawn.length === 0)
    return 'Thank you: we have recorded that you still agree. You can close this page.';
  if (outcome.renewed.length === 0)
    return 'Thank you: we have recorded your answers and stopped at once. You can close this page.';
  return 'Thank you: we have recorded your answers. Where you said no, we have stopped at once. You can close this page.';
}
