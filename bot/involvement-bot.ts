import {
  CardFactory,
  ConversationState,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type StatePropertyAccessor,
  type Storage,
} from 'botbuilder';
import { helpCard, type HelpTopic } from './general/help-card.js';
import { messageCard } from './cards/message-card.js';
import { welcomeCard } from './general/welcome-card.js';
import type { AdaptiveCard, ExecuteAction } from './cards/adaptive-card.js';
import { DomainError } from '../domain/errors.js';
import type { DirectoryService } from '../domain/people/directory-service.js';
import type { DirectoryRepository } from '../domain/people/ports.js';
import type { Logger } from '../server/logger.js';
import { addressOf, conversationKindOf } from './conversation-address.js';
import type { ActionResult, ActionRoute, BotFeature, CommandRoute, PromptAnswer, SentFile, Turn } from './feature.js';

interface PendingPrompt {
  readonly promptId: string;
  readonly data: Record<string, unknown>;
  /** Who was asked: in a channel, other people's messages are not the answer. */
  readonly askedOf?: string;
}

export interface BotDependencies {
  readonly features: readonly BotFeature[];
  readonly directory: DirectoryService;
  /** Welcomes a conversation once, however often Teams reports the install. */
  readonly directoryStore: Pick<DirectoryRepository, 'markOnce'>;
  readonly storage: Storage;
  readonly logger: Logger;
}

/**
 * The Teams edge of the product. It only routes: which message, card action or event goes to which
 * feature (each area's table is its `bot/<area>/*-feature.ts`, such as `bot/claims/claims-feature.ts`).
 * Features call domain services and answer with cards.
 */
export class InvolvementBot extends TeamsActivityHandler {
  private readonly commands: CommandRoute[];
  private readonly actions = new Map<string, ActionRoute>();
  private readonly answers = new Map<string, PromptAnswer>();
  private readonly conversationState: ConversationState;
  private readonly pendingPrompt: StatePropertyAccessor<PendingPrompt | undefined>;

  constructor(private readonly deps: BotDependencies) {
    super();
    this.commands = deps.features.flatMap((feature) => feature.commands ?? []);
    for (const feature of deps.features) {
      for (const action of feature.actions ?? []) this.actions.set(action.verb, action);
      for (const answer of feature.answers ?? []) this.answers.set(answer.promptId, answer);
    }
    this.conversationState = new ConversationState(deps.storage);
    this.pendingPrompt = this.conversationState.createProperty<PendingPrompt | undefined>('pendingPrompt');

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Teams sends both installationUpdate and conversationUpdate when the app is added; welcomeOnce dedupes.
      const botAdded = (context.activity.membersAdded ?? []).some(
        (member) => member.id === context.activity.recipient.id,
      );
      if (botAdded) await this.welcomeOnce(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeOnce(context);
      await next();
    });
  }

  /** Every card action verb the bot answers (tests press them all). */
  actionVerbs(): string[] {
    return [...this.actions.keys()];
  }

  /** Help topics for the help card and the manifest's command list. */
  helpTopics(): HelpTopic[] {
    return this.commands
      .filter((route) => route.listed !== false)
      .map((route) => ({ command: route.command, description: route.description }));
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context);
  }

  /**
   * botbuilder refuses a damaged card action (no action, not Action.Execute) with a 400 carrying its own
   * message; here it is a card like any other failure, and every card action answers HTTP 200.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const value = isPlainObject(context.activity.value) ? context.activity.value : {};
    return { status: 200, body: await this.onAdaptiveCardInvoke(context, value as unknown as AdaptiveCardInvokeValue) };
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    // Card data is whatever the client sent: a verb that is not text is a damaged card, not a crash.
    const action = invokeValue.action as { data?: unknown; verb?: unknown } | undefined;
    const data = isPlainObject(action?.data) ? action.data : {};
    const verb = typeof action?.verb === 'string' ? action.verb : '';
    const result = await this.runAction(context, verb, data);
    if ('message' in result) {
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: result.message as unknown as Record<string, unknown>,
      };
    }
    if (result.updateForEveryone && context.activity.replyToId) {
      // The invoke answer only changes the presser's view; updating the activity changes it for everyone.
      await context
        .updateActivity({
          id: context.activity.replyToId,
          type: 'message',
          attachments: [CardFactory.adaptiveCard(result.card)],
        })
        .catch((error: unknown) => {
          this.deps.logger.warn({ err: errorSummary(error), verb }, 'could not update the card for everyone');
        });
    }
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: result.card as unknown as Record<string, unknown>,
    };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const value = context.activity.value as Record<string, unknown> | undefined;
    if (value && typeof value.verb === 'string') {
      // Action.Submit (older clients, or cards sent without Universal Actions): same table as Action.Execute.
      const result = await this.runAction(context, value.verb, value);
      if ('message' in result) await context.sendActivity(result.message);
      else if (context.activity.replyToId)
        await context.updateActivity({
          id: context.activity.replyToId,
          type: 'message',
          attachments: [CardFactory.adaptiveCard(result.card)],
        });
      else await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(result.card)));
      return;
    }
    const turn = await this.turnFor(context);
    const files = fileAttachments(context);
    if (files.length > 0) {
      for (const feature of this.deps.features) {
        if (
          feature.attachments &&
          (await guarded(turn, () => feature.attachments!.handle(turn, files), this.deps.logger))
        )
          return;
      }
    }
    const text = messageText(context);
    const pending = await this.pendingPrompt.get(context);
    if (pending && (pending.askedOf === undefined || pending.askedOf === turn.actor.id)) {
      await this.pendingPrompt.delete(context);
      const answer = this.answers.get(pending.promptId);
      const isCommand = this.matchCommand(text, turn) !== undefined;
      if (answer && !isCommand) {
        await guarded(turn, () => answer.handle(turn, text, pending.data), this.deps.logger);
        return;
      }
    }
    const route = this.matchCommand(text, turn);
    if (route) {
      await guarded(turn, () => route.handle(turn, text), this.deps.logger);
      return;
    }
    await turn.sendText(
      text ? 'Sorry, I didn\u2019t understand that. Here is what I can help with.' : 'Here is what I can help with.',
    );
    await turn.sendCard(helpCard(this.helpTopics()));
  }

  private matchCommand(text: string, turn: Turn): CommandRoute | undefined {
    if (!text) return undefined;
    return this.commands.find(
      (route) =>
        (!route.scopes || route.scopes.includes(turn.conversation)) &&
        route.patterns.some((pattern) => pattern.test(text)),
    );
  }

  /**
   * The one place every card action runs, so none can answer with an HTTP error: whatever fails (reading
   * who pressed, the feature's own work) becomes a card that says what happened and can send the same
   * answers again.
   */
  private async runAction(context: TurnContext, verb: string, data: Record<string, unknown>): Promise<ActionResult> {
    try {
      const turn = await this.turnFor(context);
      const route = this.actions.get(verb);
      if (!route) {
        this.deps.logger.warn({ verb: verb.slice(0, 64) }, 'card action with unknown verb');
        return {
          card: messageCard(
            'That button no longer works',
            'This card is out of date. Type \u201chelp\u201d to see what I can do.',
          ),
        };
      }
      return await route.handle(turn, data);
    } catch (error) {
      return { card: errorCard(error, this.deps.logger, verb, retryOf(verb, data)) };
    }
  }

  private async turnFor(context: TurnContext): Promise<Turn> {
    const from = context.activity.from;
    const caller = { id: from.aadObjectId ?? from.id, displayName: from.name ?? 'Colleague' };
    const conversation = conversationKindOf(context.activity);
    const actor = await this.deps.directory.actorFor(
      caller,
      conversation === 'personal' ? { personalChat: addressOf(context.activity) } : {},
    );
    return {
      context,
      actor,
      conversation,
      ask: async (promptId, question, data = {}) => {
        await this.pendingPrompt.set(context, { promptId, data, askedOf: actor.id });
        if (typeof question === 'string') await context.sendActivity(question);
        else await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(question)));
      },
      sendCard: async (card: AdaptiveCard) =>
        (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id,
      sendText: async (text: string) => {
        await context.sendActivity(text);
      },
      botAccessToken: () => botAccessTokenOf(context),
    };
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const kind = conversationKindOf(context.activity);
    const first = await this.deps.directoryStore.markOnce(`welcome:${context.activity.conversation.id}`);
    if (!first) return;
    const card = welcomeCard(kind === 'personal' ? 'personal' : 'team');
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageText(context: TurnContext): string {
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 2000);
}

/**
 * Files shared from OneDrive/SharePoint come as `file.download.info` with a pre-signed `downloadUrl`; a photo
 * pasted into the message comes as an `image/*` attachment whose `contentUrl` is on Teams' servers and needs
 * the bot's token (the `text/html` copy of the message beside it is not the image).
 */
function fileAttachments(context: TurnContext): SentFile[] {
  return (context.activity.attachments ?? []).flatMap((attachment): SentFile[] => {
    const content = attachment.content as { downloadUrl?: string } | undefined;
    if (attachment.contentType === 'application/vnd.microsoft.teams.file.download.info' && content?.downloadUrl) {
      return [
        {
          source: 'file',
          name: attachment.name ?? 'file',
          contentType: attachment.contentType,
          downloadUrl: content.downloadUrl,
        },
      ];
    }
    if (attachment.contentUrl && attachment.contentType?.startsWith('image/')) {
      return [
        {
          source: 'inline',
          name: attachment.name ?? 'photo',
          contentType: attachment.contentType,
          downloadUrl: attachment.contentUrl,
        },
      ];
    }
    return [];
  });
}

/**
 * The bot's token for Teams, from the credentials of this turn's Bot Connector client: the same app
 * credentials (managed identity or password) and audience botbuilder uses to reply. None without credentials.
 */
async function botAccessTokenOf(context: TurnContext): Promise<string | undefined> {
  const client = context.turnState.get<{ credentials?: unknown } | undefined>(context.adapter.ConnectorClientKey);
  const credentials = client?.credentials as { appId?: string | null; getToken?: () => Promise<string> } | undefined;
  if (!credentials?.appId || typeof credentials.getToken !== 'function') return undefined;
  return credentials.getToken();
}

async function guarded<T>(turn: Turn, work: () => Promise<T>, logger: Logger): Promise<T | false> {
  try {
    return await work();
  } catch (error) {
    await turn.sendCard(errorCard(error, logger, 'message'));
    return false;
  }
}

/**
 * The one place a failure becomes something a person reads: domain errors say what happened; anything else
 * is ours. When trying again could work (the database was unreachable, or something failed on our side),
 * the card offers it with what the person sent, so nothing they typed is lost.
 */
function errorCard(error: unknown, logger: Logger, where: string, retry?: ExecuteAction): AdaptiveCard {
  const again = retry
    ? { actions: [retry], kept: ' What you entered is kept: press \u201cTry again\u201d to send it again.' }
    : { actions: [], kept: '' };
  if (error instanceof DomainError) {
    logger.info({ kind: error.kind, where }, 'request refused');
    const titles = {
      'not-found': 'We couldn\u2019t find that',
      conflict: 'That changed while you were looking',
      forbidden: 'You can\u2019t do that',
      invalid: 'Please check your answers',
      unavailable: 'We couldn\u2019t save that just now',
    } as const;
    if (error.kind === 'unavailable')
      return messageCard(titles[error.kind], `${error.userMessage}${again.kept}`, again.actions);
    return messageCard(titles[error.kind], error.userMessage);
  }
  logger.error({ err: errorSummary(error), where }, 'unexpected error in bot');
  return messageCard(
    'Something went wrong on our side',
    `Nothing was changed. Please try again in a minute. If it keeps happening, contact the IEV team.${again.kept}`,
    again.actions,
  );
}

/** Cards stay well under Teams' size limit: a press whose answers are larger than this is not offered again. */
const MAX_RETRY_DATA_CHARS = 20_000;

/** The same press again: the verb and everything the card sent (its ids and the person's answers). */
function retryOf(verb: string, data: Record<string, unknown>): ExecuteAction | undefined {
  if (!verb || JSON.stringify(data).length > MAX_RETRY_DATA_CHARS) return undefined;
  return { type: 'Action.Execute', title: 'Try again', verb, data: { ...data, verb } };
}

function errorSummary(error: unknown): { name: string; message: string; stack?: string | undefined } {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { name: 'unknown', message: String(error) };
}
