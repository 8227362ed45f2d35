import type { InvitationPage } from '../domain/opportunities/opportunity-service.js';
import { longDate, whenWords, whereWords } from '../domain/opportunities/opportunity-service.js';
import { ANSWER_NAMES, type InvitationAnswer } from '../domain/opportunities/opportunity.js';

/**
 * The page a partner's personal invitation link opens (`/invitation?t=…`): plain HTML outside Teams, no sign-in,
 * that works on a phone and with a screen reader (WCAG 2.2 AA: one question, a fieldset with a legend, large
 * targets, visible focus, no timing). Opening it changes nothing (email scanners open links); the answer is a
 * POST, sent by the page's small script.
 */
export function invitationPage(token: string, page: InvitationPage, script: string): string {
  const { opportunity } = page;
  const answered = page.answer ? `<div class="panel" role="status"><h2>${answerWords(page.answer)}</h2></div>` : '';
  const closed = opportunity.state === 'closed';
  const guide = page.guide
    ? `<h2>${escape(page.guide.title)}</h2>
<ul>${page.guide.points.map((point) => `<li>${escape(point)}</li>`).join('')}</ul>`
    : '';
  const open = !page.answer && !closed;
  const form = open
    ? answerForm(token, page.guide !== undefined)
    : closed && !page.answer
      ? `<p>This opportunity has closed. Thank you for your interest: we will be in touch about others.</p>`
      : '';
  return shell(
    opportunity.title,
    `<p>Hello ${escape(page.partnerName)},</p>
<h1>${escape(opportunity.title)}</h1>
<dl>${factsOf(opportunity)
      .map(([term, value]) => `<dt>${escape(term)}</dt><dd>${escape(value)}</dd>`)
      .join('')}</dl>
${guide}
<div id="result" tabindex="-1">${answered}</div>
${form}`,
    open ? script : undefined,
  );
}

/** What, when, where, access, expenses and the closing date, as terms and their words. */
function factsOf(opportunity: InvitationPage['opportunity']): Array<[string, string]> {
  return [
    ['What', opportunity.what],
    ...(opportunity.kind === 'interview-panel' && opportunity.role
      ? [['Interview panel for', opportunity.role] as [string, string]]
      : []),
    ['When', whenWords(opportunity)],
    ['Where', whereWords(opportunity)],
    [
      'Access',
      [...opportunity.accessWords, ...(opportunity.accessNotes ? [opportunity.accessNotes] : [])].join('. ') ||
        'Tell us what you need and we will arrange it.',
    ],
    [
      'Expenses',
      opportunity.expensesPaid ? 'We pay your travel and other expenses.' : 'No expenses are paid for this.',
    ],
    ...(opportunity.payment ? [['Payment', opportunity.payment] as [string, string]] : []),
    ['People needed', String(opportunity.places)],
    ['Please answer by', longDate(opportunity.closesOn)],
  ];
}

/** The one question, and for an interview panel the guide to sign. */
function answerForm(token: string, withGuide: boolean): string {
  const signing = withGuide
    ? `<fieldset>
<legend><h2>If you are interested: sign the guide</h2></legend>
<p class="hint">We ask everyone on an interview panel to sign it, to show it has been read and understood.</p>
<div class="choice"><input type="checkbox" id="confirmed" name="confirmed" value="true"><label for="confirmed">I have read and understood the guide</label></div>
<label for="signedName" class="field-label">Your full name</label>
<input type="text" id="signedName" name="signedName" autocomplete="name" maxlength="120">
</fieldset>`
    : '';
  return `<form id="answer-form" method="post" action="/invitation" novalidate>
<input type="hidden" name="t" value="${escape(token)}">
<fieldset>
<legend><h2>Would you like to take part?</h2></legend>
${(['interested', 'not-this-time', 'stop'] as const)
  .map(
    (answer, index) =>
      `<div class="choice"><input type="radio" id="answer-${index}" name="answer" value="${answer}"${index === 0 ? ' required' : ''}><label for="answer-${index}">${CHOICE_WORDS[answer]}</label></div>`,
  )
  .join('\n')}
</fieldset>
${signing}
<p class="hint">You can answer once. If you choose "stop inviting me", we will not contact you about opportunities again, unless you tell us you have changed your mind.</p>
<button type="submit">Send my answer</button>
</form>`;
}

/** The same page for a link that cannot be used, in plain words, without saying whose it was. */
export function linkProblemPage(): string {
  return shell(
    'This link cannot be used',
    `<h1>This link cannot be used</h1>
<p>It may have expired, been used already, or been copied wrongly.</p>
<p>If you wanted to answer an invitation, contact the Involvement, Experience and Volunteering team and we will
help.</p>`,
    undefined,
  );
}

const CHOICE_WORDS: Readonly<Record<InvitationAnswer, string>> = {
  interested: 'Yes, I am interested',
  'not-this-time': 'Not this time',
  stop: 'Please stop inviting me to opportunities',
};

export function answerWords(answer: InvitationAnswer): string {
  switch (answer) {
    case 'interested':
      return 'Thank you: you said you are interested. The colleague running it will contact you.';
    case 'not-this-time':
      return 'Thank you: you said not this time. We will keep inviting you to other opportunities.';
    default:
      return `Thank you: we will not invite you to opportunities again (${ANSWER_NAMES.stop.toLowerCase()}).`;
  }
}

/** The invitation page's own stylesheet (inline, allowed by its hash in the public pages' policy). */
export const INVITATION_PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c;background:#fff}
header{background:#005eb8;color:#fff;padding:.75rem 1rem}
header p{margin:0;font-weight:bold}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:2rem;line-height:1.2;margin:1rem 0}
h2{font-size:1.5rem;margin:1.5rem 0 .5rem}
legend h2{margin:0}
a{color:#005eb8}
a:focus,input:focus,button:focus{outline:3px solid #ffeb3b;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
dl{margin:1rem 0}
dt{font-weight:bold;margin-top:.75rem}
dd{margin:0}
fieldset{border:0;padding:0;margin:1.5rem 0}
.hint{color:#4c6272}
.choice{display:flex;align-items:center;gap:.5rem;margin:.5rem 0;min-height:2.75rem}
.choice input{width:1.75rem;height:1.75rem;margin:0;flex:none}
.choice label{margin:0}
.field-label{display:block;font-weight:bold;margin:1rem 0 .25rem}
input[type=text]{width:100%;font:inherit;padding:.5rem;border:2px solid #4c6272;border-radius:0;min-height:2.75rem}
button{font:inherit;font-weight:bold;background:#007f3b;color:#fff;border:0;padding:.75rem 1.25rem;min-height:2.75rem;box-shadow:0 4px 0 #00401e;cursor:pointer}
.panel{background:#007f3b;color:#fff;padding:1.5rem;margin:1.5rem 0}
.panel h2{margin:0}
.error-summary{border:4px solid #b10e1e;padding:1rem;margin:1rem 0}
.error-summary h2{margin-top:0}
`;

function shell(title: string, body: string, script: string | undefined): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escape(title)} - Involvement opportunity</title>
<style>${INVITATION_PAGE_STYLE}</style>
${script ? `<script type="module" src="${escape(script)}"></script>` : ''}
</head>
<body>
<header><p>Involvement, Experience and Volunteering team</p></header>
<main id="main">
${body}
</main>
</body>
</html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
