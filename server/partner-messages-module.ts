import { PartnerMessaging } from '../domain/partner-messages/partner-messaging.js';
import type { Clock } from '../domain/ports.js';
import type { PartnerRepository } from '../domain/register/ports.js';
import type { Containers } from '../storage/cosmos.js';
import { MessageStore } from '../storage/message-store.js';
import { NotifySender } from '../storage/notify-sender.js';
import type { PlanStore } from '../storage/plan-store.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import type { OutboxModule } from './outbox-module.js';

/** Messages to partners (GOV.UK Notify), owed through the shared outbox under the topic `partner-message`. */
export interface PartnerMessagesModule {
  readonly messaging: PartnerMessaging;
}

export interface PartnerMessagesDependencies {
  readonly config: AppConfig;
  readonly containers: Containers;
  readonly logger: Logger;
  readonly outbox: OutboxModule;
  readonly partners: PartnerRepository;
  readonly plans: Pick<PlanStore, 'findPlan'>;
  readonly now: Clock;
  /** Where the local Notify server listens (local mode), when the app started one. */
  readonly localNotify?: { readonly baseUrl: string; readonly apiKey: string } | undefined;
}

export function createPartnerMessagesModule(deps: PartnerMessagesDependencies): PartnerMessagesModule {
  const notify = deps.config.notify;
  const connection =
    notify?.kind === 'service'
      ? { baseUrl: notify.baseUrl, apiKey: notify.apiKey }
      : notify?.kind === 'local'
        ? deps.localNotify
        : undefined;
  const messaging = new PartnerMessaging({
    messages: new MessageStore(deps.containers),
    outbox: deps.outbox.store,
    partners: deps.partners,
    sender: notify && connection ? new NotifySender({ ...connection, templates: notify.templates }) : undefined,
    planClosed: async (planId, hostId) => (await deps.plans.findPlan(hostId, planId))?.phase === 'closed',
    logger: deps.logger,
    onEnqueued: () => deps.outbox.dispatcher.kick(),
    now: deps.now,
  });
  deps.outbox.deliverers.handle('partner-message', (entry) => messaging.deliver(entry));
  return { messaging };
}
