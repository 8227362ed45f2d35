import type { ConversationAddress } from '../domain/people/ports.js';
import type { Clock } from '../domain/ports.js';
import type { Containers } from '../storage/cosmos.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';

/** What every area module may use: the configuration, the database's containers, the log and the one clock. */
export interface AreaContext {
  readonly config: AppConfig;
  readonly containers: Containers;
  readonly logger: Logger;
  /** The time every service goes by (tests: a controllable clock). */
  readonly now: Clock;
}

/** Where the bot reaches people: a colleague's 1:1 chat with it, and the IEV team's channel. */
export interface Reach {
  readonly personalChatOf: (userId: string) => Promise<ConversationAddress | undefined>;
  readonly ievChannel: () => Promise<ConversationAddress | undefined>;
}

/** The address links and cards point at: PUBLIC_URL, or this machine in local mode; never with a trailing slash. */
export function publicBaseOf(config: Pick<AppConfig, 'publicUrl' | 'port'>): string {
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
}
