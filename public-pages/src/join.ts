import { clearErrors, element, sendJson, showErrors, textOf, type Reply } from './form.js';

/** "Join the Involvement Register" (`/join`): sends the application as JSON and shows the answer (errors by field, or thanks). */

declare global {
  interface Window {
    /** The ALTCHA widget's registry, set by its script (loaded before this one). */
    $altcha?: { readonly algorithms: Map<string, () => Worker> };
  }
}

// The widget's external build (see join-routes.ts) solves the challenge in this server's own worker file.
window.$altcha?.algorithms.set('PBKDF2/SHA-256', () => new Worker('/join/altcha-pbkdf2.js'));

const form = element<HTMLFormElement>('join-form');
const result = element('result');
const operationId = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);

function values(form: HTMLFormElement, name: string): string[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>(`[name="${name}"]:checked`), (input) => input.value);
}

function checked(form: HTMLFormElement, name: string): boolean {
  return Boolean((form.elements.namedItem(name) as HTMLInputElement | null)?.checked);
}

/** Equality answers are sent only with their own consent. */
function equality(form: HTMLFormElement): Record<string, string> {
  const answers: Record<string, string> = {};
  form.querySelectorAll<HTMLInputElement>('input[name^="equality."]:checked').forEach((input) => {
    answers[input.name.slice('equality.'.length)] = input.value;
  });
  return answers;
}

function application(form: HTMLFormElement) {
  const text = (name: string) => textOf(form, name);
  const consent = {
    register: checked(form, 'consent.register'),
    contactAboutOpportunities: checked(form, 'consent.contactAboutOpportunities'),
    equalityMonitoring: checked(form, 'consent.equalityMonitoring'),
  };
  return {
    operationId,
    displayName: text('displayName') ?? '',
    email: text('email'),
    phone: text('phone'),
    preferredMethod: values(form, 'preferredMethod')[0],
    postalAddress: text('postalAddress'),
    areas: values(form, 'areas'),
    interests: (text('interests') ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
    livedExperience: values(form, 'livedExperience'),
    availability: text('availability'),
    communicationNeeds: text('communicationNeeds'),
    accessNeeds: text('accessNeeds'),
    paymentPreference: values(form, 'paymentPreference')[0] ?? 'not-chosen',
    consent,
    emergencyContact: {
      name: text('emergencyContact.name') ?? '',
      relationship: text('emergencyContact.relationship') ?? '',
      phone: text('emergencyContact.phone') ?? '',
    },
    ...(consent.equalityMonitoring ? { equality: equality(form) } : {}),
  };
}

function show(form: HTMLFormElement, result: HTMLElement, { status, answer }: Reply): void {
  if (status === 200) {
    form.remove();
    result.innerHTML =
      '<div class="panel" role="status"><h2>Thank you, we have your application</h2><p>The Involvement team will look at it and be in touch within 2 weeks, the way you asked us to.</p></div>';
    result.focus();
    return;
  }
  const errors = answer.errors ?? [];
  if (errors.length) return showErrors(form, result, errors);
  showErrors(
    form,
    result,
    [{ field: 'form', message: answer.detail || 'Please try again.' }],
    answer.title || undefined,
  );
}

if (form && result)
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = { form: application(form), altcha: textOf(form, 'altcha'), website: textOf(form, 'website') };
    sendJson('/join', body).then(
      (reply) => show(form, result, reply),
      () =>
        showErrors(form, result, [
          { field: 'form', message: 'We could not send your application. Check your connection and try again.' },
        ]),
    );
  });
