/**
 * What the partners' form scripts share: escaping, sending a form as JSON (the server reads no form bodies), the error
 * summary with a message by each field (GOV.UK's pattern), and the page's end state.
 */

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** The server's answer: thanks (`message`), or a problem with a title, a detail and errors by field. */
export interface Answer {
  readonly title?: string;
  readonly detail?: string;
  readonly message?: string;
  readonly errors?: readonly FieldError[];
}

export interface Reply {
  readonly status: number;
  readonly answer: Answer;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The page's element by id, of the type the page's HTML gives it; a page without it is not this script's page. */
export function element<T extends HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

/** The value of the form's text field or hidden input, trimmed; undefined when it is empty or missing. */
export function textOf(form: HTMLFormElement, name: string): string | undefined {
  const input = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
  return input?.value ? input.value.trim() : undefined;
}

/** The choice made in each fieldset `field-<name>`, by name; a fieldset left unanswered is left out. */
export function choicesByFieldset(form: HTMLFormElement): Record<string, string> {
  const chosen: Record<string, string> = {};
  form.querySelectorAll('fieldset').forEach((fieldset) => {
    const input = fieldset.querySelector<HTMLInputElement>('input:checked');
    if (input) chosen[fieldset.id.replace('field-', '')] = input.value;
  });
  return chosen;
}

export async function sendJson(path: string, body: unknown): Promise<Reply> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, answer: (await response.json()) as Answer };
}

export function clearErrors(form: HTMLFormElement): void {
  form.querySelectorAll('.error-message').forEach((node) => node.remove());
  form.querySelectorAll('.has-error').forEach((node) => node.classList.remove('has-error'));
}

/** Each error by its field (`field-<name>`, or the group a dotted name belongs to), and a summary linking to them. */
export function showErrors(
  form: HTMLFormElement,
  result: HTMLElement,
  errors: readonly FieldError[],
  title = 'There is a problem',
): void {
  const list = errors.map((error) => summaryItem(form, error)).join('');
  result.innerHTML = `<div class="error-summary" role="alert"><h2>${escapeHtml(title)}</h2><ul>${list}</ul></div>`;
  result.focus();
}

function summaryItem(form: HTMLFormElement, error: FieldError): string {
  const field =
    document.getElementById(`field-${error.field}`) ?? document.getElementById(`field-${error.field.split('.')[0]}`);
  if (field) {
    field.classList.add('has-error');
    const message = document.createElement('p');
    message.className = 'error-message';
    message.textContent = `Error: ${error.message}`;
    field.insertBefore(message, field.querySelector('input,textarea,altcha-widget,.choice'));
  }
  const target = field ? (field.querySelector('input,textarea') ?? field) : form;
  return `<li><a href="#${target.id}">${escapeHtml(error.message)}</a></li>`;
}

/** The form's end: it goes, and a panel (thanks) or a plain status says what happened. */
export function finish(
  form: HTMLFormElement,
  result: HTMLElement,
  title: string,
  detail: string,
  panel: boolean,
): void {
  form.remove();
  result.innerHTML = `<div${panel ? ' class="panel"' : ''} role="status"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(detail)}</p></div>`;
  result.focus();
}

/**
 * Sends the form once at a time, then shows the outcome: thanks on 200, errors by field on 400, otherwise the
 * server's title and detail in place of the form.
 */
export function submitOnce(
  form: HTMLFormElement,
  result: HTMLElement,
  send: () => Promise<Reply>,
  thanks: (answer: Answer) => { readonly title: string; readonly detail: string },
): void {
  let sending = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors(form);
    sending = true;
    send()
      .then(({ status, answer }) => {
        sending = false;
        if (status === 200) {
          const { title, detail } = thanks(answer);
          return finish(form, result, title, detail, true);
        }
        if (status === 400 && answer.errors) return showErrors(form, result, answer.errors);
        finish(form, result, answer.title || 'Something went wrong', answer.detail || 'Please try again later.', false);
      })
      .catch(() => {
        sending = false;
        showErrors(form, result, [
          { field: 'form', message: 'We could not send your answers. Check your connection and try again.' },
        ]);
      });
  });
}
