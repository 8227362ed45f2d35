import type { BotFeature } from '../bot/feature.js';
import { generalFeature } from '../bot/general/general-feature.js';
import { ievSetupFeature } from '../bot/general/iev-setup-feature.js';
import { planningFeature } from '../bot/planning/planning-feature.js';
import { claimsFeature } from '../bot/claims/claims-feature.js';
import { scheduleFeature } from '../bot/schedule/schedule-feature.js';
import type { HelpTopic } from '../bot/general/help-card.js';
import { opportunitiesFeature } from '../bot/opportunities/opportunities-feature.js';
import type { AppConfig } from './config.js';
import type { Services } from './services.js';

/** The bot's table of contents: every feature's commands, card actions and prompts, in match order. */
export function createFeatures(config: AppConfig, services: Services, helpTopics: () => HelpTopic[]): BotFeature[] {
  // Planning first: "start a plan" must reach it before general's "start" (help) pattern.
  const planning = planningFeature({
    plans: services.plans,
    spendOnPlan: (plan) => services.claims.service.spendOnPlan(plan),
    support: services.support,
    partners: services.partnerPicker,
    register: services.register,
    ievChannel: services.ievChannel,
    directory: services.directory,
    messenger: () => services.messenger(),
    logger: services.logger,
    today: () => new Date(),
    organisations: services.organisations,
  });
  const claims = claimsFeature({
    claims: services.claims.service,
    partners: services.partnerPicker,
    policy: () => services.claims.policy(),
    claimUrl: (id) => services.claims.claimUrl(id),
    ievChannelReady: async () => (await services.ievChannel.address()) !== undefined,
    ievChannelId: async () => (await services.ievChannel.address())?.conversationId,
    approverIds: () => services.directory.ievMemberIds(),
    allowLoopbackFiles: config.mode === 'local' && config.environment !== 'production',
  });
  return [
    planning,
    claims,
    opportunitiesFeature({
      opportunities: services.opportunities.service,
      tabUrl: (id) => services.opportunities.tabUrl(id),
    }),
    scheduleFeature({ preferences: services.schedule.preferences, plans: services.plans }),
    generalFeature({ helpTopics, feedback: services.feedback }),
    ievSetupFeature(services.ievChannel, () => services.support.postWaiting()),
  ];
}
