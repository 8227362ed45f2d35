import { element, sendJson, type Reply } from './form.js';

/** The invitation page (`/invitation`): sends the chosen answer as JSON and shows the outcome in place. */
const form = element<HTMLFormElement>('answer-form');
const result = element('result');

function problem(result: HTMLElement, detail: string): void {
  result.innerHTML = '<div class="error-summary" role="alert"><h2>There is a problem</h2><p></p><ul></ul></div>';
  result.querySelector('p')!.textContent = detail;
}

function show(form: HTMLFormElement, result: HTMLElement, { status, answer }: Reply): void {
  if (status >= 200 && status < 300) {
    form.remove();
    result.innerHTML = '<div class="panel" role="status"><h2></h2></div>';
    result.querySelector('h2')!.textContent = answer.message ?? '';
  } else {
    problem(result, answer.detail || 'Please try again.');
    for (const error of answer.errors ?? []) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#${error.field}`;
      link.textContent = error.message;
      item.appendChild(link);
      result.querySelector('ul')!.appendChild(item);
    }
  }
  result.focus();
}

function answerOf(form: HTMLFormElement, chosen: HTMLInputElement) {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  return {
    t: field('t')?.value,
    answer: chosen.value,
    confirmed: field('confirmed')?.checked,
    signedName: field('signedName')?.value,
  };
}

if (form && result)
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name=answer]:checked');
    if (!chosen) {
      result.innerHTML =
        '<div class="error-summary" role="alert"><h2>There is a problem</h2><p><a href="#answer-0">Choose an answer</a></p></div>';
      result.focus();
      return;
    }
    sendJson('/invitation', answerOf(form, chosen)).then(
      (reply) => show(form, result, reply),
      () => {
        result.innerHTML =
          '<div class="error-summary" role="alert"><h2>There is a problem</h2><p>We could not send your answer. Please try again.</p></div>';
        result.focus();
      },
    );
  });
