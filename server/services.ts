import type { CloudAdapter } from 'botbuilder';
import { BotMessenger, type Messenger } from '../bot/messenger.js';
import { CosmosBotStorage } from '../bot/cosmos-bot-storage.js';
import type { InvolvementBot } from '../bot/involvement-bot.js';
import { DirectoryService } from '../domain/people/directory-service.js';
import { IevChannel } from '../domain/people/iev-channel.js';
import { TeamService } from '../domain/people/team-service.js';
import { InvolvementWorkReader, PartnerStore } from '../storage/partner-store.js';
import { AuditStore } from '../storage/audit-store.js';
import { RegisterService } from '../domain/register/register-service.js';
import { PartnerPicker } from '../domain/register/partner-picker.js';
import { PartnerRightsService } from '../domain/register/partner-rights.js';
import { WorkService } from '../domain/register/work-service.js';
import type { DatabaseHandle } from '../storage/database.js';
import { DirectoryStore } from '../storage/directory-store.js';
import { FeedbackStore } from '../storage/feedback-store.js';
import { PlanStore } from '../storage/plan-store.js';
import { PlanService } from '../domain/planning/plan-service.js';
import { SupportService } from '../domain/planning/support-service.js';
import { createClaimsModule, type ClaimsModule } from './claims-module.js';
import { createOutboxModule, type OutboxModule } from './outbox-module.js';
import { createScheduleModule, type ScheduleModule } from './schedule-module.js';
import type { Clock } from '../domain/ports.js';
import { ImpactService } from '../domain/impact/impact-service.js';
import { ImpactQueries } from '../storage/impact-queries.js';
import { supportDeliverer } from '../domain/notifications/support-notifications.js';
import { supportCardNotifier } from '../bot/planning/support-notification-cards.js';
import { createPartnerMessagesModule, type PartnerMessagesModule } from './partner-messages-module.js';
import { ApplicationService } from '../domain/applications/application-service.js';
import { ApplicationStore } from '../storage/application-store.js';
import { PersonalLinks } from '../domain/links/personal-links.js';
import { LinkStore } from '../storage/link-store.js';
import { OrganisationService } from '../domain/organisations/organisation-service.js';
import { OrganisationStore } from '../storage/organisation-store.js';
import { createOpportunitiesModule, type OpportunitiesModule } from './opportunities-module.js';
import { PartnerEvaluations } from '../domain/evaluations/evaluation-service.js';
import { EvaluationStore } from '../storage/evaluation-store.js';
import { ConsentRenewalRequests } from '../domain/register/consent-renewal-requests.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';

/**
 * Everything the edges (bot features, tab API) use, built once per process from configuration.
 * Feature areas add their stores and services here.
 */
export interface Services {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly database: DatabaseHandle;
  readonly directoryStore: DirectoryStore;
  readonly directory: DirectoryService;
  /** The IEV team's membership, kept by its members in the tab. */
  readonly team: TeamService;
  readonly feedback: FeedbackStore;
  readonly botStorage: CosmosBotStorage;
  readonly partners: PartnerStore;
  /** The Involvement Register's rules (visibility, registration, audit of sensitive views). */
  readonly register: RegisterService;
  readonly audit: AuditStore;
  /** A partner's data export, erasure on request and the retention review (IEV only). */
  readonly partnerRights: PartnerRightsService;
  /** Read-only view of plans and claims for the register tab. */
  readonly work: InvolvementWorkReader;
  /** Involvement work as the tabs list it (who may see it, which partner names it shows). */
  readonly involvementWork: WorkService;
  readonly ievChannel: IevChannel;
  /** Plans (before, during, after) and New Works support requests, in `plans` (pk /hostId). */
  readonly planStore: PlanStore;
  readonly plans: PlanService;
  readonly support: SupportService;
  /** The durable outbox of messages owed (cards to hosts and the IEV channel), and its dispatcher. */
  readonly outbox: OutboxModule;
  /** Expense claims, payment batches and receipts (Blob). */
  readonly claims: ClaimsModule;
  /** "Is it working?": suppressed reach, hours, money and feedback-loop figures (domain/impact). */
  readonly impact: ImpactService;
  /** Reminders to hosts and the IEV team's weekly digest, run on a schedule (domain/schedule). */
  readonly schedule: ScheduleModule;
  /** Choosing partners by name in the bot (a claim's partner, a session's partners). */
  readonly partnerPicker: PartnerPicker;
  /** Applications to join the register from the public /join page (IEV decides). */
  readonly applications: ApplicationService;
  /** Messages to partners by email, text message or letter (GOV.UK Notify), through the durable outbox. */
  readonly partnerMessages: PartnerMessagesModule;
  /** Personal links sent to partners (signed, expiring, single use): issue, open, use (domain/links). */
  readonly links: PersonalLinks;
  /** The community organisations directory (IEV keeps it; hosts and the bot's suggestions read it). */
  readonly organisations: OrganisationService;
  /** Involvement opportunities: published from plans, matched to the register, invitations and answers. */
  readonly opportunities: OpportunitiesModule;
  /** Partners' own "how was it for you?": invitations when work closes, the form behind the link, answers kept apart. */
  readonly evaluations: PartnerEvaluations;
  /** Asking partners whose consent is due for renewal, by personal link, and taking their answer (`/consent`). */
  readonly consentRenewalRequests: ConsentRenewalRequests;
  /** Proactive messages; available once the adapter exists. */
  messenger(): Messenger;
  attachAdapter(adapter: CloudAdapter, bot: InvolvementBot): void;
  startBackgroundWork(): void;
  stopBackgroundWork(): Promise<void>;
  close(): Promise<void>;
}

export async function createServices(
  config: AppConfig,
  database: DatabaseHandle,
  logger: Logger,
  options: {
    readonly clock?: Clock;
    readonly localNotify?: { readonly baseUrl: string; readonly apiKey: string } | undefined;
  } = {},
): Promise<Services> {
  const directoryStore = new DirectoryStore(database.containers);
  let messenger: Messenger | undefined;
  const partners = new PartnerStore(database.containers);
  const audit = new AuditStore(database.containers);
  const work = new InvolvementWorkReader(database.containers);
  const planStore = new PlanStore(database.containers);
  const links = new PersonalLinks({
    secret: config.personalLinkSecret,
    store: new LinkStore(database.containers),
    ...(options.clock ? { now: options.clock } : {}),
  });
  // Partner messaging is built with the outbox below; the plans only use it once a plan closes.
  const publicBase = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
  const evaluations = new PartnerEvaluations({
    links,
    store: new EvaluationStore(database.containers),
    work: async (hostId, planId) => {
      const plan = await planStore.findPlan(hostId, planId);
      return plan && { id: plan.id, title: plan.title, serviceArea: plan.serviceArea };
    },
    linkUrl: (token) => `${publicBase}/how-was-it?link=${token}`,
    ...(options.clock ? { now: options.clock } : {}),
  });
  const plans = new PlanService(
    planStore,
    partners,
    undefined,
    { owe: (owed, now) => partnerMessages.messaging.owe(owed, now) },
    config.impactSuppressionThreshold,
    evaluations,
  );
  await plans.mapFreeTextServiceAreas();
  const directory = new DirectoryService(directoryStore, config.ievMemberIds);
  await directory.seedIevMembers();
  const ievChannel = new IevChannel(
    directoryStore,
    config.ievChannel
      ? {
          ...config.ievChannel,
          botId: config.bot?.appId ?? '',
          tenantId: config.bot?.tenantId ?? config.tabSso?.tenantId,
        }
      : undefined,
  );
  const currentMessenger = (): Messenger => {
    if (!messenger) throw new Error('The bot adapter is not ready yet');
    return messenger;
  };
  const outbox = createOutboxModule(database.containers, logger, options.clock);
  const partnerMessages = createPartnerMessagesModule({
    config,
    logger,
    containers: database.containers,
    outbox,
    partners,
    plans: planStore,
    localNotify: options.localNotify,
  });
  const claims = createClaimsModule({
    config,
    containers: database.containers,
    logger,
    partners,
    messenger: currentMessenger,
    personalChatOf: (userId) => directory.personalChatOf(userId),
    ievChannel: () => ievChannel.address(),
    approverIds: () => directory.ievMemberIds(),
    outbox,
    claimPaid: partnerMessages.messaging,
    work: planStore,
    ...(options.clock ? { now: options.clock } : {}),
  });
  const support = new SupportService({
    store: planStore,
    plans,
    outbox: outbox.store,
    deliverNow: (id) => outbox.dispatcher.deliverNow(id),
    ievColleagues: () => directory.ievMembers(),
  });
  outbox.deliverers.handle(
    'support',
    supportDeliverer({
      find: (hostId, requestId) => planStore.findSupportRequest(hostId, requestId),
      recordPost: (request, address, activityId) => support.recordPost(request, address, activityId),
      notifier: () =>
        supportCardNotifier(() => {
          if (!messenger) throw new Error('The bot adapter is not ready yet');
          return messenger;
        }),
      personalChatOf: (userId) => directory.personalChatOf(userId),
      ievChannel: () => ievChannel.address(),
      warn: (details, message) => logger.warn(details, message),
    }),
  );
  const partnerRights: PartnerRightsService = new PartnerRightsService(
    partners,
    claims.store,
    audit,
    work,
    { yearsWithoutInvolvement: config.retentionReviewYears },
    outbox.store,
    [
      partnerMessages.messaging,
      links,
      {
        name: 'opportunities',
        exportFor: (id): Promise<readonly unknown[]> => opportunities.service.exportFor(id),
        eraseFor: (id) => opportunities.service.eraseFor(id),
      },
      {
        name: 'applications',
        exportFor: (id): Promise<readonly unknown[]> => applications.exportFor(id),
        eraseFor: async () => {},
      },
    ],
  );
  const register: RegisterService = new RegisterService(
    partners,
    audit,
    work,
    (actor, id, reason, now, alsoChange) => partnerRights.erase(actor, id, reason, now, alsoChange),
    partnerMessages.messaging,
  );
  const applications: ApplicationService = new ApplicationService(
    new ApplicationStore(database.containers),
    partners,
    register,
  );
  const opportunities = createOpportunitiesModule({
    config,
    containers: database.containers,
    logger,
    outbox,
    partners,
    planStore,
    plans,
    messaging: partnerMessages.messaging,
    register,
    links,
    messenger: currentMessenger,
    personalChatOf: (userId) => directory.personalChatOf(userId),
    ievChannel: () => ievChannel.address(),
    ...(options.clock ? { now: options.clock } : {}),
  });
  const schedule = createScheduleModule({
    config,
    containers: database.containers,
    logger,
    outbox,
    messenger: currentMessenger,
    personalChatOf: (userId) => directory.personalChatOf(userId),
    ievChannel: () => ievChannel.address(),
    targetDaysToPay: () => claims.policy().payment.targetDaysToPay,
    now: options.clock ?? (() => new Date()),
    jobs: [
      opportunities.service.closingJob(config.schedule.hourUtc),
      links.retentionJob(config.schedule.hourUtc, config.retentionReviewYears),
    ],
  });
  const consentRenewalRequests = new ConsentRenewalRequests({
    partners,
    due: schedule.consentRenewals,
    links,
    messages: partnerMessages.messaging,
    renew: (partnerId, choices, now, operationId) => register.renewConsent(partnerId, choices, now, operationId),
    months: config.schedule.consentRenewalMonths,
    linkUrl: (token) => `${publicBase}/consent?link=${token}`,
    ...(options.clock ? { now: options.clock } : {}),
  });
  return {
    config,
    logger,
    database,
    directoryStore,
    directory,
    team: new TeamService(directoryStore, directory, audit),
    feedback: new FeedbackStore(database.containers),
    botStorage: new CosmosBotStorage(database.containers.botState),
    partners,
    register,
    applications,
    partnerRights,
    audit,
    work,
    involvementWork: new WorkService(work, partners),
    partnerPicker: new PartnerPicker(partners),
    ievChannel,
    planStore,
    plans,
    support,
    outbox,
    claims,
    schedule,
    impact: new ImpactService(new ImpactQueries(database.containers), {
      targetDaysToPay: () => claims.policy().payment.targetDaysToPay,
      threshold: config.impactSuppressionThreshold,
    }),
    messenger: currentMessenger,
    attachAdapter: (adapter) => {
      messenger = new BotMessenger(adapter, config.bot?.appId ?? '');
    },
    partnerMessages,
    links,
    organisations: new OrganisationService(new OrganisationStore(database.containers), options.clock),
    opportunities,
    evaluations,
    consentRenewalRequests,
    startBackgroundWork: () => {
      outbox.dispatcher.start();
      schedule.start();
    },
    stopBackgroundWork: async () => {
      await schedule.stop();
      await outbox.dispatcher.stop();
    },
    close: async () => {
      await claims.close();
    },
  };
}
