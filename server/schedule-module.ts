import type { Messenger } from '../bot/messenger.js';
import { cardScheduleNotifier } from '../bot/schedule/schedule-notifier.js';
import type { ConversationAddress } from '../domain/people/ports.js';
import type { Clock } from '../domain/ports.js';
import { ConsentRenewalService } from '../domain/register/consent-renewal.js';
import { IevDigest } from '../domain/schedule/digest.js';
import { NudgePreferences } from '../domain/schedule/nudge-preferences.js';
import { HostNudges } from '../domain/schedule/nudges.js';
import { Scheduler, type ScheduledJob } from '../domain/schedule/scheduler.js';
import type { Containers } from '../storage/cosmos.js';
import { NudgePreferenceStore, ScheduleQueries, ScheduleRunStore } from '../storage/schedule-store.js';
import { publicBaseOf } from './area-context.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import type { OutboxModule } from './outbox-module.js';

/** Reminders to hosts and the IEV team's weekly digest, wired once per process (`services.schedule`). */
export interface ScheduleModule {
  readonly scheduler: Scheduler;
  readonly nudges: HostNudges;
  readonly digest: IevDigest;
  readonly preferences: NudgePreferences;
  readonly preferenceStore: NudgePreferenceStore;
  readonly runs: ScheduleRunStore;
  /** IEV's list of partners whose consent is due for renewal (the digest counts them). */
  readonly consentRenewals: ConsentRenewalService;
  start(): void;
  stop(): Promise<void>;
}

export interface ScheduleModuleDependencies {
  readonly config: AppConfig;
  readonly containers: Containers;
  readonly logger: Logger;
  readonly outbox: OutboxModule;
  readonly messenger: () => Messenger;
  readonly personalChatOf: (userId: string) => Promise<ConversationAddress | undefined>;
  readonly ievChannel: () => Promise<ConversationAddress | undefined>;
  readonly targetDaysToPay: () => number;
  readonly now: Clock;
  /** Other features' daily or weekly jobs (e.g. closing involvement opportunities), run by the same scheduler. */
  readonly jobs?: readonly ScheduledJob[];
}

export function createScheduleModule(deps: ScheduleModuleDependencies): ScheduleModule {
  const { config, outbox, now } = deps;
  const settings = config.schedule;
  const queries = new ScheduleQueries(deps.containers);
  const preferenceStore = new NudgePreferenceStore(deps.containers);
  const tab = `${publicBaseOf(config)}/tab/#/`;
  const notifier = cardScheduleNotifier(
    deps.messenger,
    {
      claimsWaiting: `${tab}claims?state=waiting`,
      claimsPastPayBy: `${tab}claims?state=all&pastPayBy=true`,
      // The register view lists IEV's welcome tasks and the retention review.
      welcomes: `${tab}partners`,
      supportRequests: `${tab}support`,
      applications: `${tab}applications`,
      retentionReviews: `${tab}partners`,
      consentRenewals: `${tab}partners`,
    },
    deps.targetDaysToPay,
  );
  const kick = () => outbox.dispatcher.kick();
  const nudges = new HostNudges({
    candidates: queries,
    preferences: preferenceStore,
    outbox: outbox.store,
    settings: {
      partnersContactDays: settings.partnersContactDays,
      feedbackLoopWeeks: settings.feedbackLoopWeeks,
      claimQueryDays: settings.claimQueryDays,
      claimDraftDays: settings.claimDraftDays,
      hourUtc: settings.hourUtc,
    },
    personalChatOf: deps.personalChatOf,
    notifier: () => notifier,
    now,
    onEnqueued: kick,
  });
  const digest = new IevDigest({
    sources: queries,
    outbox: outbox.store,
    settings: {
      weekday: settings.digestWeekday,
      hourUtc: settings.hourUtc,
      consentRenewalMonths: settings.consentRenewalMonths,
      retention: { yearsWithoutInvolvement: config.retentionReviewYears },
    },
    ievChannel: deps.ievChannel,
    notifier: () => notifier,
    now,
    onEnqueued: kick,
  });
  outbox.deliverers.handle('nudge', nudges.deliver);
  outbox.deliverers.handle('digest', digest.deliver);
  const runs = new ScheduleRunStore(deps.containers);
  const scheduler = new Scheduler({ runs, jobs: [nudges, digest, ...(deps.jobs ?? [])], now, logger: deps.logger });
  return {
    scheduler,
    nudges,
    digest,
    preferences: new NudgePreferences({ repository: preferenceStore, snoozeDays: settings.snoozeDays, now }),
    preferenceStore,
    runs,
    consentRenewals: new ConsentRenewalService({ queries, months: settings.consentRenewalMonths, now }),
    start: () => {
      if (settings.enabled) scheduler.start();
    },
    stop: () => scheduler.stop(),
  };
}
