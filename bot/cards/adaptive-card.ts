/**
 * The small typed vocabulary our cards are built from: the Adaptive Card 1.5 elements and actions we use,
 * each with the sizes, colours and styles the schema allows, so a wrong one is a compile error. Every card
 * is a function that returns an `AdaptiveCard`; nothing here knows about Teams or the Bot Framework.
 *
 * Teams renders schema 1.5 at most; `Table` is avoided because Teams mobile does not render it;
 * every `Action.Execute` carries a verb (without one Teams never sends it to the bot).
 */
type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

/** What every element may carry: an id (inputs, error lines, the status block) and its spacing. */
interface ElementBase {
  readonly id?: string;
  readonly separator?: boolean;
  readonly spacing?: Spacing;
}

export interface TextBlock extends ElementBase {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap?: boolean;
  readonly size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  readonly weight?: 'Lighter' | 'Default' | 'Bolder';
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly style?: 'default' | 'heading';
}

export interface FactSet extends ElementBase {
  readonly type: 'FactSet';
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
}

export interface Container extends ElementBase {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: ContainerStyle;
}

export interface ActionSet extends ElementBase {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

/** Every input has an id and a visible label; Teams checks `isRequired` before sending, with `errorMessage`. */
interface InputBase extends ElementBase {
  readonly id: string;
  readonly label: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
}

export interface TextInput extends InputBase {
  readonly type: 'Input.Text';
  readonly maxLength?: number;
  readonly isMultiline?: boolean;
  readonly placeholder?: string;
  readonly value?: string;
}

export interface NumberInput extends InputBase {
  readonly type: 'Input.Number';
  readonly min?: number;
  readonly max?: number;
  readonly placeholder?: string;
  readonly value?: number;
}

export interface DateInput extends InputBase {
  readonly type: 'Input.Date';
  /** yyyy-mm-dd */
  readonly min?: string;
  readonly max?: string;
  readonly value?: string;
}

export interface ChoiceSetInput extends InputBase {
  readonly type: 'Input.ChoiceSet';
  readonly choices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly style?: 'compact' | 'expanded';
  readonly isMultiSelect?: boolean;
  /** Comma-separated when several are chosen. */
  readonly value?: string;
}

export interface ToggleInput extends InputBase {
  readonly type: 'Input.Toggle';
  readonly title: string;
  readonly value?: string;
  readonly valueOn?: string;
  readonly valueOff?: string;
}

export type InputElement = TextInput | NumberInput | DateInput | ChoiceSetInput | ToggleInput;

/** The elements our cards use; anything else (Table, Media…) is left out on purpose. */
export type CardElement = TextBlock | FactSet | Container | ActionSet | InputElement;

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

export function card(
  body: readonly CardElement[],
  actions: readonly CardAction[] = [],
  extra: Partial<AdaptiveCard> = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...extra,
  };
}

export function heading(text: string, size: 'Medium' | 'Large' = 'Large'): TextBlock {
  return { type: 'TextBlock', text, size, weight: 'Bolder', wrap: true, style: 'heading' };
}

export function paragraph(
  text: string,
  options: { subtle?: boolean; color?: 'Attention' | 'Good' | 'Warning' | 'Accent'; id?: string } = {},
): TextBlock {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.subtle ? { isSubtle: true } : {}),
    ...(options.color ? { color: options.color } : {}),
    ...(options.id ? { id: options.id } : {}),
  };
}

export function facts(rows: ReadonlyArray<readonly [string, string]>): FactSet {
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) };
}

export function bulletList(items: readonly string[]): TextBlock {
  return paragraph(items.map((item) => `- ${item}`).join('\r'));
}

export function container(
  items: readonly CardElement[],
  options: { style?: Exclude<ContainerStyle, 'default'>; id?: string } = {},
): Container {
  return {
    type: 'Container',
    items,
    ...(options.style ? { style: options.style } : {}),
    ...(options.id ? { id: options.id } : {}),
  };
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function actionSet(actions: readonly CardAction[]): ActionSet {
  return { type: 'ActionSet', actions };
}

/** An error shown next to the input it belongs to (the card keeps the person's answers). */
export function fieldError(inputId: string, message: string): TextBlock {
  return {
    type: 'TextBlock',
    id: `${inputId}-error`,
    text: message,
    wrap: true,
    color: 'Attention',
    size: 'Small',
    weight: 'Bolder',
  };
}

/** A bold line that starts a section of a longer card, set off by a rule. */
export function subheading(text: string): TextBlock {
  return { type: 'TextBlock', text, weight: 'Bolder', wrap: true, separator: true, spacing: 'Medium' };
}
