import { CardFactory, MessageFactory, type Activity, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/adaptive-card.js';
import type { CardPoster } from '../../domain/notifications/claim-notifications.js';
import type { ConversationAddress } from '../../storage/directory-store.js';

/**
 * Proactive sends for the notification outbox. Unlike a plain `continueConversationAsync`, a failed
 * send (a 429 from Teams, say) is thrown back to the caller instead of ending in the adapter's
 * onTurnError, so the outbox knows to retry and can honour Retry-After.
 */
export class ClaimsPoster implements CardPoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async sendCard(address: ConversationAddress, card: AdaptiveCard): Promise<string | undefined> {
    let id: string | undefined;
    await this.within(address, async (context) => {
      id = (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id;
    });
    return id;
  }

  async updateCard(address: ConversationAddress, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.within(address, async (context) => {
      await context.updateActivity({ id: activityId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] } as Partial<Activity>);
    });
  }

  private async within(address: ConversationAddress, work: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.botAppId, referenceFor(address), async (context) => {
      try {
        await work(context);
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
  }
}

function referenceFor(address: ConversationAddress): Partial<ConversationReference> {
  return {
    channelId: address.channelId,
    serviceUrl: address.serviceUrl,
    bot: { id: address.botId, name: 'Involvement Hub' },
    conversation: { id: address.conversationId, isGroup: address.conversationType !== 'personal', conversationType: address.conversationType, tenantId: address.tenantId, name: '' },
  };
}
