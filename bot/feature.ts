import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from './cards/adaptive-card.js';
import { parsePress, type CardVerb, type VerbData } from './cards/card-verb.js';
import { ValidationError } from '../domain/errors.js';
import type { Actor } from '../domain/people/actor.js';

/** Where a message came from, in the terms our features care about. */
export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface Turn {
  readonly context: TurnContext;
  readonly actor: Actor;
  readonly conversation: ConversationKind;
  /** Asks a free-text question; the person's next message in this conversation goes to `answers[promptId]`. */
  ask(promptId: string, question: string | AdaptiveCard, data?: Record<string, unknown>): Promise<void>;
  sendCard(card: AdaptiveCard): Promise<string | undefined>;
  sendText(text: string): Promise<void>;
  /**
   * The bot's own access token for Teams (its app credentials, as the Bot Connector client uses them), or
   * undefined where the bot has no credentials (local mode). Only for Teams' own hosts: whoever receives it
   * can act as the bot.
   */
  botAccessToken(): Promise<string | undefined>;
}

export interface CommandRoute {
  /** What the person types, as shown in help and registered in the manifest. */
  readonly command: string;
  readonly description: string;
  /** Patterns matched against the message text (mention removed, trimmed). First match wins across features. */
  readonly patterns: readonly RegExp[];
  readonly scopes?: readonly ConversationKind[];
  /** Listed on the help card. */
  readonly listed?: boolean;
  handle(turn: Turn, text: string): Promise<void>;
}

/** What an Action.Execute (or Action.Submit) answers with: a card that replaces the pressed card, or a short message. */
export type ActionResult =
  { readonly card: AdaptiveCard; readonly updateForEveryone?: boolean } | { readonly message: string };

export interface ActionRoute {
  readonly verb: string;
  handle(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult>;
}

/** Every value a card sent with a press, as Teams merges the card's inputs into the action's data. */
export type CardInputs = Readonly<Record<string, unknown>>;

export interface RouteOptions {
  /** The answer to a press that does not parse (a damaged or forged card), instead of refusing it as invalid. */
  readonly damaged?: (turn: Turn) => ActionResult | Promise<ActionResult>;
}

/** A named handler of one verb: it takes its feature's dependencies first, then the press. */
export type ActionHandler<V extends CardVerb, Deps> = (
  deps: Deps,
  turn: Turn,
  data: VerbData<V>,
  inputs: CardInputs,
) => Promise<ActionResult>;

/**
 * `on()` for a feature whose handlers are named functions beside it rather than closures inside it:
 * `const on = routesWith(deps)`, then `on(CLAIM_VERBS.reject, rejectClaim)`, so the feature's table reads
 * as its table of contents and each handler says by its type what it needs.
 */
export function routesWith<Deps>(deps: Deps) {
  return <V extends CardVerb>(verb: V, handle: ActionHandler<V, Deps>, options?: RouteOptions): ActionRoute =>
    on(verb, (turn, data, inputs) => handle(deps, turn, data, inputs), options);
}

/**
 * The route for one declared card verb: the press is parsed with the verb's schemas and the handler gets
 * typed data, plus every value the card sent (`inputs`) for forms whose answers the domain checks itself.
 * A press that does not parse is a damaged or forged card: `damaged` answers it, or by default it is refused
 * as invalid with the schema's message.
 */
export function on<V extends CardVerb>(
  verb: V,
  handle: (turn: Turn, data: VerbData<V>, inputs: CardInputs) => Promise<ActionResult>,
  options: RouteOptions = {},
): ActionRoute {
  return {
    verb: verb.verb,
    handle: async (turn, inputs) => {
      const press = parsePress(verb, inputs);
      if (press.ok) return handle(turn, press.data, inputs);
      if (options.damaged) return options.damaged(turn);
      throw new ValidationError(press.message);
    },
  };
}

export interface PromptAnswer {
  readonly promptId: string;
  handle(turn: Turn, text: string, data: Readonly<Record<string, unknown>>): Promise<void>;
}

/**
 * A file or photo sent to the bot in a message. `file`: shared from OneDrive/SharePoint, with a pre-signed
 * `downloadUrl` (no token). `inline`: a photo pasted into the message, whose `contentUrl` on Teams' own
 * servers needs the bot's access token.
 */
export interface SentFile {
  readonly source: 'file' | 'inline';
  readonly name: string;
  readonly contentType: string;
  readonly downloadUrl: string;
}

/** Files (receipts, photos) sent to the bot in a message. */
export interface AttachmentRoute {
  handle(turn: Turn, attachments: readonly SentFile[]): Promise<boolean>;
}

/** One feature's slice of the bot: the table of what it answers. */
export interface BotFeature {
  readonly name: string;
  readonly commands?: readonly CommandRoute[];
  readonly actions?: readonly ActionRoute[];
  readonly answers?: readonly PromptAnswer[];
  readonly attachments?: AttachmentRoute;
}
