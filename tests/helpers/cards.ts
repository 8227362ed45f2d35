import { createRequire } from 'node:module';
import type { Activity } from 'botbuilder';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';

const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Every Adaptive Card in the given activities (or connector calls), in order. */
export function cardsIn(items: ReadonlyArray<Partial<Activity> | { activity: Partial<Activity> }>): AdaptiveCard[] {
  return items.flatMap((item) => {
    const activity = isCall(item) ? item.activity : item;
    return (activity.attachments ?? [])
      .filter((attachment) => attachment.contentType === ADAPTIVE_CARD_TYPE)
      .map((attachment) => attachment.content as AdaptiveCard);
  });
}

function isCall(item: Partial<Activity> | { activity: Partial<Activity> }): item is { activity: Partial<Activity> } {
  return 'activity' in item && typeof item.activity === 'object' && !('type' in item);
}

/** All the text a person would read on a card (text blocks, facts, labels, choices, button titles), one string. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label', 'placeholder', 'fallbackText']) {
      if (typeof record[key] === 'string') parts.push(record[key]);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === 'data' || key === 'refresh') continue;
      if (typeof value === 'object') visit(value);
    }
  };
  visit(card);
  return parts.join('\n');
}

type AnyAction = { type: string; title?: string; verb?: string; data?: Record<string, unknown>; card?: unknown };

/** Every action on a card, including those inside action sets and show-cards. */
export function actionsOf(card: unknown): AnyAction[] {
  const found: AnyAction[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.'))
      found.push(record as unknown as AnyAction);
    for (const [key, value] of Object.entries(record)) if (key !== 'refresh' && typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}

export function findAction(card: unknown, verb: string): AnyAction | undefined {
  return actionsOf(card).find((action) => action.verb === verb || action.data?.verb === verb);
}

/** Every input on a card with its id. */
export function inputsOf(card: unknown): Array<{ id: string; type: string; label?: string; [key: string]: unknown }> {
  const found: Array<{ id: string; type: string; label?: string }> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.'))
      found.push(record as unknown as { id: string; type: string });
    for (const value of Object.values(record)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}

interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: Array<{ message: string }> };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(index: number): { message: string } };
}

/**
 * Problems a card has for Teams: what the official adaptivecards renderer rejects, plus the rules
 * Teams adds (schema ≤ 1.5, labelled inputs, no Table, every Action.Execute with a verb, < 80 KB).
 */
export function validateCard(card: unknown): string[] {
  const require = createRequire(import.meta.url);
  const renderer = require('adaptivecards/dist/adaptivecards.min.js') as AdaptiveCardsModule;
  const problems: string[] = [];
  const parsed = new renderer.AdaptiveCard();
  const context = new renderer.SerializationContext();
  parsed.parse(card, context);
  for (let index = 0; index < context.eventCount; index += 1)
    problems.push(`renderer: ${context.getEventAt(index).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`renderer: ${event.message}`);
  const record = card as { version?: string };
  if (!record.version || Number(record.version) > 1.5)
    problems.push(`version ${record.version} is above 1.5 (Teams renders up to 1.5)`);
  if (JSON.stringify(card).length > 80_000) problems.push('card is larger than 80 KB');
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Table') problems.push('uses Table, which Teams mobile does not render');
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && !element.label)
      problems.push(`input "${String(element.id)}" has no label`);
    if (element.type === 'Action.Execute' && !element.verb)
      problems.push(`Action.Execute "${String(element.title)}" has no verb`);
    for (const value of Object.values(element)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return problems;
}
