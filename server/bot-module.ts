import type { CloudAdapter } from 'botbuilder';
import { CosmosBotStorage } from '../bot/cosmos-bot-storage.js';
import type { InvolvementBot } from '../bot/involvement-bot.js';
import { BotMessenger, type Messenger } from '../bot/messenger.js';
import type { Containers } from '../storage/cosmos.js';
import type { AppConfig } from './config.js';

/** The bot's own state, and its messenger once the adapter exists (the services are built before it). */
export interface BotModule {
  readonly botStorage: CosmosBotStorage;
  /** Proactive messages; throws until `attachAdapter` has run. */
  readonly messenger: () => Messenger;
  readonly attachAdapter: (adapter: CloudAdapter, bot: InvolvementBot) => void;
}

export function createBotModule(deps: {
  readonly config: Pick<AppConfig, 'bot'>;
  readonly containers: Containers;
}): BotModule {
  let messenger: Messenger | undefined;
  return {
    botStorage: new CosmosBotStorage(deps.containers.botState),
    messenger: () => {
      if (!messenger) throw new Error('The bot adapter is not ready yet');
      return messenger;
    },
    attachAdapter: (adapter) => {
      messenger = new BotMessenger(adapter, deps.config.bot?.appId ?? '');
    },
  };
}
