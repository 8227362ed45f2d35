import { ForbiddenError } from '../errors.js';
import { isIevMember, type Actor } from './actor.js';
import type { ConversationAddress, DirectoryRepository } from './ports.js';

const SETTING_KEY = 'iev-channel';

/**
 * Where the bot posts expense approvals and support requests: the IEV team's channel. An IEV member
 * runs "set up IEV channel" there once (recorded in Cosmos); IEV_CHANNEL_ID/IEV_SERVICE_URL can
 * preconfigure it instead.
 */
export class IevChannel {
  constructor(
    private readonly deps: {
      readonly store: DirectoryRepository;
      /** IEV_CHANNEL_ID/IEV_SERVICE_URL, when set: the channel before anyone has run "set up IEV channel". */
      readonly configured:
        { channelId: string; serviceUrl: string; botId: string; tenantId: string | undefined } | undefined;
    },
  ) {}

  async address(): Promise<ConversationAddress | undefined> {
    const recorded = await this.deps.store.getSetting<ConversationAddress>(SETTING_KEY);
    if (recorded) return recorded.value;
    if (!this.deps.configured) return undefined;
    return {
      serviceUrl: this.deps.configured.serviceUrl,
      conversationId: this.deps.configured.channelId,
      teamsChannelId: this.deps.configured.channelId,
      tenantId: this.deps.configured.tenantId,
      channelId: 'msteams',
      botId: this.deps.configured.botId,
      conversationType: 'channel',
    };
  }

  async register(actor: Actor, where: ConversationAddress): Promise<ConversationAddress> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only members of the IEV team can choose the IEV channel.');
    if (where.conversationType !== 'channel')
      throw new ForbiddenError('Run this in the IEV team\u2019s channel, not in a chat.');
    // New posts go to the channel itself, not into the thread the command was typed in.
    const channelConversation = where.teamsChannelId ?? where.conversationId.split(';')[0]!;
    const address: ConversationAddress = { ...where, conversationId: channelConversation };
    await this.deps.store.putSetting(SETTING_KEY, address, actor.id);
    return address;
  }
}
