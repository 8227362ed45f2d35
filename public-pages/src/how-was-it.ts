import { choicesByFieldset, element, sendJson, submitOnce, textOf } from './form.js';

/** "How was it for you?" (`/how-was-it`): sends the answers, the comment and the link, and shows the outcome in place. */
const form = element<HTMLFormElement>('evaluation-form');
const result = element('result');

function body(form: HTMLFormElement) {
  return {
    link: textOf(form, 'link') ?? '',
    answers: choicesByFieldset(form),
    comment: textOf(form, 'comment'),
    // The hidden field only robots fill in: sent untrimmed, as typed.
    website: (form.elements.namedItem('website') as HTMLInputElement | null)?.value || undefined,
  };
}

if (form && result)
  submitOnce(
    form,
    result,
    () => sendJson('/how-was-it', body(form)),
    () => ({
      title: 'Thank you for your answers',
      detail: 'They help us involve people better. You can close this page.',
    }),
  );
