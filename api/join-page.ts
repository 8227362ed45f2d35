import { PREFER_NOT_TO_SAY } from '../domain/register/equality-questions.js';
import { escapeHtml as escape, publicPage } from './public-page.js';

/**
 * The public "Join the Involvement Register" page: plain HTML that works on a phone, a screen reader and a
 * slow connection (WCAG 2.2 AA: labels and hints on every field, grouped choices with legends, an error
 * summary linked to each field, visible focus, 44 px targets, no timing). The same questions and consent per
 * purpose as IEV's registration form, equality questions included (kept only with their own consent).
 */
export function joinPage(options: {
  readonly serviceAreas: readonly string[];
  readonly livedExperience: readonly string[];
  readonly equalityQuestions: readonly EqualityQuestion[];
  /** The address of the page's script (api/public-scripts.ts). */
  readonly script: string;
}): string {
  const sections = [
    aboutYou(),
    involvement(options.serviceAreas, options.livedExperience),
    supportYouNeed(),
    emergencyContact(),
    yourConsent(),
    equalityMonitoring(options.equalityQuestions),
  ];
  return publicPage({
    title: 'Join the Involvement Register',
    stylesheets: ['/join/altcha.css'],
    // The widget first: the page's script hands it this server's worker (modules run in the order written).
    scripts: ['/join/altcha.js', options.script],
    main: `<h1>Join the Involvement Register</h1>
<p>Involvement Partners are people who have used our services, or cared for someone who has. You help us improve
services by sharing your experience. We pay your expenses, and you choose what you take part in.</p>
<p>It takes about 10 minutes. You do not need to answer the questions marked optional.</p>
<div id="result" tabindex="-1"></div>
<form id="join-form" novalidate>
${sections.join('\n')}
<div class="trap" aria-hidden="true"><label for="website">Leave this empty</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<div class="field" id="field-altcha"><altcha-widget challenge="/join/challenge" name="altcha" hidelogo hidefooter></altcha-widget></div>
<button type="submit">Send my application</button>
</form>`,
  });
}

interface EqualityQuestion {
  readonly key: string;
  readonly label: string;
  readonly answers: readonly string[];
}

const checkboxes = (name: string, values: readonly string[]) =>
  values
    .map(
      (value, index) =>
        `<div class="choice"><input type="checkbox" id="${name}-${index}" name="${name}" value="${escape(value)}"><label for="${name}-${index}">${escape(value)}</label></div>`,
    )
    .join('');

const radios = (name: string, choices: ReadonlyArray<readonly [string, string]>) =>
  choices
    .map(
      ([value, label], index) =>
        `<div class="choice"><input type="radio" id="${name}-${index}" name="${name}" value="${value}"><label for="${name}-${index}">${label}</label></div>`,
    )
    .join('');

function aboutYou(): string {
  return `<h2>About you</h2>
<div class="field" id="field-displayName"><label for="displayName">Your name</label>
<input type="text" id="displayName" name="displayName" autocomplete="name" maxlength="120" required></div>
<div class="field" id="field-email"><label for="email">Email address (optional)</label>
<p class="hint" id="email-hint">Give an email address or a phone number so we can reach you.</p>
<input type="email" id="email" name="email" autocomplete="email" maxlength="200" aria-describedby="email-hint"></div>
<div class="field" id="field-phone"><label for="phone">Phone number (optional)</label>
<p class="hint" id="phone-hint">A mobile number if you would like text messages.</p>
<input type="tel" id="phone" name="phone" autocomplete="tel" maxlength="40" aria-describedby="phone-hint"></div>
<fieldset id="field-preferredMethod"><legend>How would you like us to contact you? (optional)</legend>
${radios('preferredMethod', [
  ['email', 'Email'],
  ['text', 'Text message'],
  ['phone', 'Phone call'],
  ['post', 'Letter'],
])}</fieldset>
<div class="field" id="field-postalAddress"><label for="postalAddress">Postal address (needed for letters)</label>
<p class="hint" id="postal-hint">One line per line of the address, with the postcode on the last line.</p>
<textarea id="postalAddress" name="postalAddress" autocomplete="street-address" maxlength="300" aria-describedby="postal-hint"></textarea></div>`;
}

function involvement(areas: readonly string[], livedExperience: readonly string[]): string {
  return `<h2>What you would like to be involved in</h2>
<fieldset id="field-areas"><legend>Services you are interested in (optional)</legend>${checkboxes('areas', areas)}</fieldset>
<div class="field" id="field-interests"><label for="interests">What you would like to do (optional)</label>
<p class="hint" id="interests-hint">For example: interview panels, reading leaflets, group meetings. Separate them with commas.</p>
<input type="text" id="interests" name="interests" maxlength="800" aria-describedby="interests-hint"></div>
<fieldset id="field-livedExperience"><legend>Your experience of our services (optional)</legend>${checkboxes('livedExperience', livedExperience)}</fieldset>
<div class="field" id="field-availability"><label for="availability">When you are usually free (optional)</label>
<input type="text" id="availability" name="availability" maxlength="300"></div>`;
}

function supportYouNeed(): string {
  return `<h2>Support you need</h2>
<div class="field" id="field-communicationNeeds"><label for="communicationNeeds">Communication needs (optional)</label>
<p class="hint" id="communication-hint">For example: easy read, large print, British Sign Language, an interpreter.</p>
<textarea id="communicationNeeds" name="communicationNeeds" maxlength="1000" aria-describedby="communication-hint"></textarea></div>
<div class="field" id="field-accessNeeds"><label for="accessNeeds">Access needs (optional)</label>
<p class="hint" id="access-hint">For example: step-free access, a hearing loop, breaks.</p>
<textarea id="accessNeeds" name="accessNeeds" maxlength="1000" aria-describedby="access-hint"></textarea></div>
<fieldset id="field-paymentPreference"><legend>Payment for your time (optional)</legend>
<p class="hint">We always pay your expenses. Some work also pays for your time; this can affect benefits.</p>
${radios('paymentPreference', [
  ['accept-payment', 'I would like to be paid for my time'],
  ['expenses-only', 'Expenses only, please'],
  ['not-chosen', 'I am not sure yet'],
])}</fieldset>`;
}

function emergencyContact(): string {
  return `<h2>Someone we can call in an emergency</h2>
<div class="field" id="field-emergencyContact.name"><label for="emergencyName">Their name</label>
<input type="text" id="emergencyName" name="emergencyContact.name" maxlength="120" required></div>
<div class="field" id="field-emergencyContact.relationship"><label for="emergencyRelationship">How they know you</label>
<p class="hint" id="relationship-hint">For example: sister, friend, neighbour.</p>
<input type="text" id="emergencyRelationship" name="emergencyContact.relationship" maxlength="60" aria-describedby="relationship-hint" required></div>
<div class="field" id="field-emergencyContact.phone"><label for="emergencyPhone">Their phone number</label>
<input type="tel" id="emergencyPhone" name="emergencyContact.phone" maxlength="40" required></div>`;
}

function yourConsent(): string {
  return `<h2>Your consent</h2>
<details><summary>How we use your information (privacy notice)</summary>
<p>Nottinghamshire Healthcare NHS Foundation Trust keeps the Involvement Register so that we can involve you safely
and pay your expenses. We keep your details on a secure system that only the Involvement, Experience and
Volunteering team and the colleagues you work with can see. Only the IEV team sees your emergency contact.</p>
<p>Our lawful basis is your consent, which you can withdraw at any time by contacting the Involvement team. We keep
your details while you are involved, and review them if you have not taken part for 3 years. You can ask for a copy
of what we hold about you, or ask us to delete it. If we decline your application we delete your details straight away.</p>
<p>We send emails, text messages and letters through GOV.UK Notify, a government service. We never sell or share
your details for marketing.</p></details>
<fieldset id="field-consent"><legend>What you agree to</legend>
<div class="choice" id="field-consent.register"><input type="checkbox" id="consentRegister" name="consent.register" value="true" required><label for="consentRegister">I agree to be on the Involvement Register (needed to join)</label></div>
<div class="choice"><input type="checkbox" id="consentContact" name="consent.contactAboutOpportunities" value="true"><label for="consentContact">I agree to be contacted about opportunities, my expenses and what changed because of me</label></div>
<div class="choice"><input type="checkbox" id="consentEquality" name="consent.equalityMonitoring" value="true"><label for="consentEquality">I agree to answer the equality monitoring questions below (optional)</label></div>
</fieldset>`;
}

function equalityMonitoring(questions: readonly EqualityQuestion[]): string {
  const fieldsets = questions.map(
    (question) =>
      `<fieldset id="field-equality.${escape(question.key)}"><legend>${escape(question.label)}</legend>${radios(
        `equality.${question.key}`,
        [...question.answers, PREFER_NOT_TO_SAY].map((answer) => [escape(answer), escape(answer)] as const),
      )}</fieldset>`,
  );
  return `<h2>Equality monitoring (optional)</h2>
<p>These help us check we hear from everyone in our communities. We only keep your answers if you ticked the box
above. Every question is optional, and you can choose \u201cPrefer not to say\u201d.</p>
${fieldsets.join('\n')}`;
}
