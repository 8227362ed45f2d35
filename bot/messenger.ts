import {
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { AdaptiveCard } from './cards/adaptive-card.js';
import type { ConversationAddress } from '../domain/people/ports.js';

/**
 * Sends and updates messages outside a turn (proactively): host notifications, cards posted to the
 * IEV channel. Features depend on this interface, not on the Bot Framework.
 */
export interface Messenger {
  /** Posts a card; in a channel this starts a new thread. Returns the new message's id. */
  sendCard(address: ConversationAddress, card: AdaptiveCard): Promise<string | undefined>;
  sendText(address: ConversationAddress, text: string): Promise<string | undefined>;
  /** Replaces a card already posted, for everyone who sees it. Every method rejects if Teams refused. */
  updateCard(address: ConversationAddress, activityId: string, card: AdaptiveCard): Promise<void>;
}

export class BotMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async sendCard(address: ConversationAddress, card: AdaptiveCard): Promise<string | undefined> {
    return this.send(address, MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  async sendText(address: ConversationAddress, text: string): Promise<string | undefined> {
    return this.send(address, MessageFactory.text(text));
  }

  async updateCard(address: ConversationAddress, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.within(address, async (context) => {
      await context.updateActivity({ id: activityId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    });
  }

  private async send(
    address: ConversationAddress,
    activity: ReturnType<typeof MessageFactory.text>,
  ): Promise<string | undefined> {
    let id: string | undefined;
    await this.within(address, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    });
    return id;
  }

  /**
   * The adapter hands errors thrown inside a proactive turn to onTurnError and does not rethrow them;
   * callers (the notification outbox above all) must know a send failed (a 429 from Teams, say) to retry it.
   */
  private async within(address: ConversationAddress, work: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, referenceFor(address), async (context) => {
      try {
        await work(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }
}

function referenceFor(address: ConversationAddress): Partial<ConversationReference> {
  return {
    channelId: address.channelId,
    serviceUrl: address.serviceUrl,
    bot: { id: address.botId, name: 'Involvement Hub' },
    conversation: {
      id: address.conversationId,
      isGroup: address.conversationType !== 'personal',
      conversationType: address.conversationType,
      tenantId: address.tenantId,
      name: '',
    },
  };
}
