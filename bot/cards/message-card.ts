import { card, heading, paragraph, type AdaptiveCard, type CardAction } from './adaptive-card.js';

/** A short titled message: outcomes, refusals and errors. Never carries technical detail. */
export function messageCard(title: string, message: string, actions: readonly CardAction[] = []): AdaptiveCard {
  return card([heading(title, 'Medium'), paragraph(message)], actions, { fallbackText: `${title}. ${message}` });
}
