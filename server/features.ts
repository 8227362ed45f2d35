import type { BotFeature } from '../bot/feature.js';
import { generalFeature } from '../bot/features/general.js';
import { ievSetupFeature } from '../bot/features/iev-setup.js';
import type { HelpTopic } from '../cards/help-card.js';
import type { AppConfig } from './config.js';
import type { Services } from './services.js';

/** The bot's table of contents: every feature's commands, card actions and prompts, in match order. */
export function createFeatures(_config: AppConfig, services: Services, helpTopics: () => HelpTopic[]): BotFeature[] {
  return [generalFeature({ helpTopics, feedback: services.feedback }), ievSetupFeature(services.ievChannel)];
}
