import {
  card,
  container,
  facts,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../cards/adaptive-card.js';
import type { Plan } from '../../domain/planning/plan.js';
import { PLAN_VERBS } from './planning-verbs.js';

/** After the outcome is recorded: what was achieved, and the thank-you to pass on to partners. */
export function planClosedCard(plan: Plan): AdaptiveCard {
  const outcome = plan.outcome!;
  const body: CardElement[] = [
    paragraph(plan.title, { subtle: true }),
    heading('Outcome recorded. Well done.', 'Medium'),
    facts([
      ['Decided and achieved', outcome.decisions],
      ['You said, we did', `${outcome.youSaidWeDid.length} recorded`],
      ['Partners thanked', String(outcome.thankedPartnerIds.length)],
    ]),
    ...outcome.youSaidWeDid.map((entry) => paragraph(`You said: ${entry.youSaid}\rWe did: ${entry.weDid}`)),
  ];
  if (outcome.thankYouMessage) {
    body.push(
      paragraph(
        'A thank-you to send to the partners who took part (copy it into a letter, email or text in the way each person prefers):',
        { color: 'Accent' },
      ),
      container([paragraph(outcome.thankYouMessage.replace(/\n/g, '\r'))], { style: 'emphasis' }),
    );
  }
  if (outcome.youSaidWeDid.length === 0 || !outcome.feedbackHow) {
    body.push(
      container(
        [
          paragraph(
            'Remember to tell everyone involved what changed because of them. You can add this later with \u201cRecord the outcome\u201d.',
          ),
        ],
        { style: 'warning' },
      ),
    );
  }
  return card(
    body,
    [PLAN_VERBS.resume.action('Open my plan', { planId: plan.id }), PLAN_VERBS.list.action('My plans')],
    { fallbackText: `Outcome recorded for ${plan.title}.` },
  );
}
