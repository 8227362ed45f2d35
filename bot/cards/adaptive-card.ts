/**
 * The small typed vocabulary our cards are built from. Every card in this folder is a function
 * that returns an `AdaptiveCard`; nothing here knows about Teams or the Bot Framework.
 *
 * Teams renders schema 1.5 at most; `Table` is avoided because Teams mobile does not render it;
 * every `Action.Execute` carries a verb (without one Teams never sends it to the bot).
 */
export type CardElement = { readonly type: string; readonly id?: string; readonly [key: string]: unknown };

export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data?: Record<string, unknown>;
  readonly style?: 'default' | 'positive' | 'destructive';
  readonly associatedInputs?: 'auto' | 'none';
  readonly id?: string;
}

export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: Record<string, unknown> & { readonly verb: string };
  readonly style?: 'default' | 'positive' | 'destructive';
  readonly associatedInputs?: 'auto' | 'none';
}

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: AdaptiveCard;
}

export type CardAction = ExecuteAction | SubmitAction | OpenUrlAction | ShowCardAction;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema?: string;
  readonly version: '1.4' | '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly refresh?: { readonly action: ExecuteAction; readonly userIds?: readonly string[] };
  readonly fallbackText?: string;
  readonly msteams?: { readonly width?: 'Full' };
}

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function card(body: readonly CardElement[], actions: readonly CardAction[] = [], extra: Partial<AdaptiveCard> = {}): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body, ...(actions.length > 0 ? { actions } : {}), ...extra };
}

export function heading(text: string, size: 'Medium' | 'Large' = 'Large'): CardElement {
  return { type: 'TextBlock', text, size, weight: 'Bolder', wrap: true, style: 'heading' };
}

export function paragraph(text: string, options: { subtle?: boolean; color?: 'Attention' | 'Good' | 'Warning' | 'Accent'; id?: string } = {}): CardElement {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.subtle ? { isSubtle: true } : {}),
    ...(options.color ? { color: options.color } : {}),
    ...(options.id ? { id: options.id } : {}),
  };
}

export function facts(rows: ReadonlyArray<readonly [string, string]>): CardElement {
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) };
}

export function bulletList(items: readonly string[]): CardElement {
  return paragraph(items.map((item) => `- ${item}`).join('\r'));
}

export function container(items: readonly CardElement[], options: { style?: 'emphasis' | 'good' | 'attention' | 'warning' | 'accent'; id?: string } = {}): CardElement {
  return { type: 'Container', items, ...(options.style ? { style: options.style } : {}), ...(options.id ? { id: options.id } : {}) };
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function actionSet(actions: readonly CardAction[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** An error shown next to the input it belongs to (the card keeps the person's answers). */
export function fieldError(inputId: string, message: string): CardElement {
  return { type: 'TextBlock', id: `${inputId}-error`, text: message, wrap: true, color: 'Attention', size: 'Small', weight: 'Bolder' };
}
