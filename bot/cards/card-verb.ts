import { z } from 'zod';
import type { ExecuteAction } from './adaptive-card.js';
import { schemaProblems, UNREADABLE_FORM } from '../../domain/schema-problems.js';

/** What a card's button carries: ids and small flags, never the record itself. */
type ButtonSchema = z.ZodObject;
/** What the card's inputs send back with the press (Teams merges them into the action's data). */
type InputsSchema = z.ZodObject;

export type ButtonOptions = Pick<ExecuteAction, 'style' | 'associatedInputs' | 'id'>;

/**
 * One card action, declared once: its verb, the schema of the data its button carries and, if the handler
 * reads them, of the card inputs sent with it. Cards build buttons from it; `on()` in `bot/feature.ts`
 * parses the press with it and hands the handler typed data. Renaming a verb or a field is then a compile
 * error, not a button that silently stops working. (The idea of teams-ai's `actionExecute<TData>(verb, …)`
 * and the Agents SDK's zod-parsed invoke values, without either SDK.)
 */
export interface CardVerb<Button extends ButtonSchema = ButtonSchema, Inputs extends InputsSchema = InputsSchema> {
  readonly verb: string;
  readonly button: Button;
  readonly inputs: Inputs;
  /** An `Action.Execute` for this verb; `data` is typed by the button schema. */
  action(title: string, ...args: ActionArgs<Button>): ExecuteAction;
}

/** The data may be left out when the button carries nothing required. */
type ActionArgs<Button extends ButtonSchema> =
  Record<never, never> extends z.output<Button>
    ? [data?: z.output<Button>, options?: ButtonOptions]
    : [data: z.output<Button>, options?: ButtonOptions];

/** The data a handler receives: the button's fields and the inputs', parsed. */
export type VerbData<V extends CardVerb> = z.output<V['button']> & z.output<V['inputs']>;

const NO_INPUTS = z.object({});

export function cardVerb<Button extends ButtonSchema, Inputs extends InputsSchema = typeof NO_INPUTS>(
  verb: string,
  button: Button,
  inputs?: Inputs,
): CardVerb<Button, Inputs> {
  return {
    verb,
    button,
    inputs: (inputs ?? NO_INPUTS) as Inputs,
    action: (title, ...[data, options]) => ({
      type: 'Action.Execute',
      title,
      verb,
      data: { verb, ...(data ?? {}) },
      ...(options ?? {}),
    }),
  };
}

/**
 * Reads a press: the button's data first, then the inputs, so a damaged button is reported before a
 * wrong answer. Unknown keys are dropped; the first problem's message says what was wrong.
 */
export function parsePress<V extends CardVerb>(
  verb: V,
  data: Readonly<Record<string, unknown>>,
): { ok: true; data: VerbData<V> } | { ok: false; message: string } {
  const button = verb.button.safeParse(data);
  if (!button.success) return { ok: false, message: firstMessage(button.error) };
  const inputs = verb.inputs.safeParse(data);
  if (!inputs.success) return { ok: false, message: firstMessage(inputs.error) };
  return { ok: true, data: { ...button.data, ...inputs.data } as VerbData<V> };
}

/** The first problem in plain words (our schema's own message, or ours for zod's default wording). */
const firstMessage = (error: z.ZodError): string => schemaProblems(error)[0]?.message ?? UNREADABLE_FORM;
