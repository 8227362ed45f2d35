import { choicesByFieldset, element, sendJson, submitOnce, textOf } from './form.js';

/** "Do you still agree?" (`/consent`): sends a choice per purpose and the link, and shows the outcome in place. */
const form = element<HTMLFormElement>('renewal-form');
const result = element('result');

if (form && result)
  submitOnce(
    form,
    result,
    () => sendJson('/consent', { link: textOf(form, 'link') ?? '', choices: choicesByFieldset(form) }),
    (answer) => ({ title: 'Your answers are recorded', detail: answer.message ?? '' }),
  );
