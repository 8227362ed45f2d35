import type { Messenger } from '../bot/messenger.js';
import { supportCardNotifier } from '../bot/planning/support-notification-cards.js';
import type { PartnerEvaluations } from '../domain/evaluations/evaluation-service.js';
import { supportDeliverer } from '../domain/notifications/support-notifications.js';
import type { PartnerMessaging } from '../domain/partner-messages/partner-messaging.js';
import type { DirectoryService } from '../domain/people/directory-service.js';
import { PlanService } from '../domain/planning/plan-service.js';
import { SupportService } from '../domain/planning/support-service.js';
import type { PartnerStore } from '../storage/partner-store.js';
import type { PlanStore } from '../storage/plan-store.js';
import type { AreaContext, Reach } from './area-context.js';
import type { OutboxModule } from './outbox-module.js';

/** Plans (before, during, after) and New Works support requests, in `plans` (pk /hostId). */
export interface PlanningModule {
  readonly plans: PlanService;
  readonly support: SupportService;
}

export interface PlanningDependencies extends Pick<AreaContext, 'config' | 'logger' | 'now'>, Reach {
  readonly planStore: PlanStore;
  readonly partners: PartnerStore;
  readonly outbox: OutboxModule;
  /** A plan that closes tells each partner who took part "you said, we did" … */
  readonly messaging: Pick<PartnerMessaging, 'owe'>;
  /** … and invites them to say how it was for them. */
  readonly evaluations: PartnerEvaluations;
  readonly directory: Pick<DirectoryService, 'ievMembers'>;
  readonly messenger: () => Messenger;
}

export async function createPlanningModule(deps: PlanningDependencies): Promise<PlanningModule> {
  const { planStore, outbox, now } = deps;
  const plans = new PlanService({
    store: planStore,
    partners: deps.partners,
    now,
    messages: deps.messaging,
    suppressionThreshold: deps.config.impactSuppressionThreshold,
    evaluations: deps.evaluations,
  });
  await plans.mapFreeTextServiceAreas();
  const support = new SupportService({
    store: planStore,
    plans,
    outbox: outbox.store,
    deliverNow: (id) => outbox.dispatcher.deliverNow(id),
    ievColleagues: () => deps.directory.ievMembers(),
    now,
  });
  outbox.deliverers.handle(
    'support',
    supportDeliverer({
      find: (hostId, requestId) => planStore.findSupportRequest(hostId, requestId),
      recordPost: (request, address, activityId) => support.recordPost(request, address, activityId),
      notifier: () => supportCardNotifier(deps.messenger),
      personalChatOf: deps.personalChatOf,
      ievChannel: deps.ievChannel,
      warn: (details, message) => deps.logger.warn(details, message),
      now,
    }),
  );
  return { plans, support };
}
