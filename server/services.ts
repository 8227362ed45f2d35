import type { CloudAdapter } from 'botbuilder';
import type { Messenger } from '../bot/messenger.js';
import type { CosmosBotStorage } from '../bot/cosmos-bot-storage.js';
import type { InvolvementBot } from '../bot/involvement-bot.js';
import type { PartnerEvaluations } from '../domain/evaluations/evaluation-service.js';
import type { ImpactService } from '../domain/impact/impact-service.js';
import type { PersonalLinks } from '../domain/links/personal-links.js';
import type { OrganisationService } from '../domain/organisations/organisation-service.js';
import type { DirectoryService } from '../domain/people/directory-service.js';
import type { IevChannel } from '../domain/people/iev-channel.js';
import type { TeamService } from '../domain/people/team-service.js';
import type { PlanService } from '../domain/planning/plan-service.js';
import type { SupportService } from '../domain/planning/support-service.js';
import type { ApplicationService } from '../domain/applications/application-service.js';
import type { ConsentRenewalRequests } from '../domain/register/consent-renewal-requests.js';
import type { PartnerPicker } from '../domain/register/partner-picker.js';
import type { PartnerRightsService } from '../domain/register/partner-rights.js';
import type { RegisterService } from '../domain/register/register-service.js';
import type { WorkService } from '../domain/register/work-service.js';
import type { Clock } from '../domain/ports.js';
import type { AreaContext } from './area-context.js';
import type { AuditStore } from '../storage/audit-store.js';
import type { DatabaseHandle } from '../storage/database.js';
import type { DirectoryStore } from '../storage/directory-store.js';
import type { FeedbackStore } from '../storage/feedback-store.js';
import type { InvolvementWorkReader, PartnerStore } from '../storage/partner-store.js';
import type { PlanStore } from '../storage/plan-store.js';
import { createBotModule } from './bot-module.js';
import { createClaimsModule, type ClaimsModule } from './claims-module.js';
import type { AppConfig } from './config.js';
import { createConsentRenewalModule } from './consent-renewal-module.js';
import { createImpactModule } from './impact-module.js';
import { createLinksModule } from './links-module.js';
import type { Logger } from './logger.js';
import { createOpportunitiesModule, type OpportunitiesModule } from './opportunities-module.js';
import { createOrganisationsModule } from './organisations-module.js';
import { createOutboxModule, type OutboxModule } from './outbox-module.js';
import { createPartnerMessagesModule, type PartnerMessagesModule } from './partner-messages-module.js';
import { createPeopleModule } from './people-module.js';
import { createPlanningModule } from './planning-module.js';
import { createRegisterModule } from './register-module.js';
import { createScheduleModule, type ScheduleModule } from './schedule-module.js';
import { createSharedStores } from './stores-module.js';

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

/**
 * The composition root: each area is built by its own module from what it names, after the areas it takes (the
 * types say which), and every area gets the one clock. the two lists below build them; this maps them to what the edges use.
 */
export async function createServices(
  config: AppConfig,
  database: DatabaseHandle,
  logger: Logger,
  options: {
    readonly clock?: Clock;
    readonly localNotify?: LocalNotifyConnection | undefined;
  } = {},
): Promise<Services> {
  const now = options.clock ?? (() => new Date());
  const context = { config, containers: database.containers, logger, now };
  const foundations = await createFoundations(context, options.localNotify);
  const areas = await createWorkAreas(context, foundations);
  const { stores, people, bot, outbox } = foundations;
  const { register, planning, claims, schedule } = areas;
  return {
    config,
    logger,
    database,
    ...stores,
    directory: people.directory,
    team: people.team,
    ievChannel: people.ievChannel,
    botStorage: bot.botStorage,
    messenger: bot.messenger,
    attachAdapter: bot.attachAdapter,
    register: register.register,
    partnerRights: register.partnerRights,
    applications: register.applications,
    involvementWork: register.involvementWork,
    partnerPicker: register.partnerPicker,
    plans: planning.plans,
    support: planning.support,
    outbox,
    claims,
    schedule,
    impact: areas.impact,
    partnerMessages: foundations.partnerMessages,
    links: foundations.links,
    evaluations: foundations.evaluations,
    organisations: areas.organisations,
    opportunities: areas.opportunities,
    consentRenewalRequests: areas.consentRenewalRequests,
    startBackgroundWork: () => {
      outbox.dispatcher.start();
      schedule.start();
    },
    stopBackgroundWork: async () => {
      await schedule.stop();
      await outbox.dispatcher.stop();
    },
    close: () => claims.close(),
  };
}

/** Where the local GOV.UK Notify server listens (local mode), when the app started one. */
type LocalNotifyConnection = { readonly baseUrl: string; readonly apiKey: string };

/** The areas every other one builds on: the shared records, the bot, the outbox, partner messages and links, people. */
async function createFoundations(context: AreaContext, localNotify: LocalNotifyConnection | undefined) {
  const stores = createSharedStores(context);
  const { partners, planStore } = stores;
  const bot = createBotModule(context);
  const outbox = createOutboxModule(context);
  const partnerMessages = createPartnerMessagesModule({ ...context, outbox, partners, plans: planStore, localNotify });
  const { links, evaluations } = createLinksModule({ ...context, planStore });
  const people = await createPeopleModule({ ...context, ...stores });
  // How an area's cards reach people: the bot's messenger, to a colleague's chat or the IEV channel.
  const sends = { ...people.reach, messenger: bot.messenger };
  return {
    stores,
    bot,
    outbox,
    partnerMessages,
    messaging: partnerMessages.messaging,
    links,
    evaluations,
    people,
    sends,
  };
}

/** The areas of the work itself: plans, claims, the register, opportunities, the schedule, impact, organisations. */
async function createWorkAreas(context: AreaContext, foundations: Awaited<ReturnType<typeof createFoundations>>) {
  const { config } = context;
  const { stores, outbox, messaging, links, evaluations, sends } = foundations;
  const { partners, planStore } = stores;
  const { directory } = foundations.people;
  const planning = await createPlanningModule({
    ...context,
    ...stores,
    ...sends,
    outbox,
    messaging,
    evaluations,
    directory,
  });
  const claims = createClaimsModule({
    ...context,
    ...sends,
    partners,
    outbox,
    claimPaid: messaging,
    work: planStore,
    approverIds: () => directory.ievMemberIds(),
  });
  const register = createRegisterModule({
    ...context,
    ...stores,
    claims: claims.store,
    outbox: outbox.store,
    messaging,
  });
  const opportunities = createOpportunitiesModule({
    ...context,
    ...stores,
    ...sends,
    outbox,
    plans: planning.plans,
    messaging,
    links,
    register: register.register,
  });
  register.addRecordHolders(messaging, links, opportunities.service, register.applications);
  const targetDaysToPay = () => claims.policy().payment.targetDaysToPay;
  const { hourUtc } = config.schedule;
  const jobs = [opportunities.service.closingJob(hourUtc), links.retentionJob(hourUtc, config.retentionReviewYears)];
  const schedule = createScheduleModule({ ...context, ...sends, outbox, targetDaysToPay, jobs });
  const consentRenewalRequests = createConsentRenewalModule({
    ...context,
    partners,
    due: schedule.consentRenewals,
    links,
    messages: messaging,
    register: register.register,
  });
  const impact = createImpactModule({ ...context, targetDaysToPay });
  const organisations = createOrganisationsModule(context);
  return { planning, claims, register, opportunities, schedule, consentRenewalRequests, impact, organisations };
}
