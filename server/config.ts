import type { AppConfig, Mode, ScheduleConfig } from './config/app-config.js';
import { environmentSchema, type Vars } from './config/environment.js';
import { botCredentials, personalLinkProblems, personalLinkSecret, tabSsoConfig } from './config/identity.js';
import { notifyConfig, notifyProblems } from './config/notify.js';
import { consistencyProblems, isLoopback, productionProblems } from './config/problems.js';

/**
 * The one place that reads the environment. Everything else receives a typed `AppConfig`.
 * Every variable here is documented in README.md and .env.example.
 */

export type { AppConfig, BotCredentials, TabSsoConfig } from './config/app-config.js';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const vars = parsed.data;
  const mode: Mode = vars.COSMOS_ENDPOINT ? 'azure' : 'local';
  const config: AppConfig = {
    environment: vars.NODE_ENV,
    mode,
    port: vars.PORT,
    host: vars.HOST ?? '127.0.0.1',
    publicUrl: vars.PUBLIC_URL,
    logLevel: vars.LOG_LEVEL,
    ...storageConfig(vars),
    seedDemoData: vars.SEED_DEMO_DATA
      ? vars.SEED_DEMO_DATA === 'true'
      : mode === 'local' && vars.NODE_ENV === 'development',
    bot: botCredentials(vars),
    tabSso: tabSsoConfig(vars),
    ievMemberIds: vars.IEV_MEMBER_IDS,
    ievChannel:
      vars.IEV_CHANNEL_ID && vars.IEV_SERVICE_URL
        ? { channelId: vars.IEV_CHANNEL_ID, serviceUrl: vars.IEV_SERVICE_URL }
        : undefined,
    retentionReviewYears: vars.RETENTION_REVIEW_YEARS,
    impactSuppressionThreshold: vars.IMPACT_SUPPRESSION_THRESHOLD,
    schedule: scheduleConfig(vars),
    notify: notifyConfig(vars, mode),
    personalLinkSecret: personalLinkSecret(vars),
    telemetry: vars.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? { connectionString: vars.APPLICATIONINSIGHTS_CONNECTION_STRING }
      : undefined,
  };
  const problems = [
    ...productionProblems(config, vars),
    ...consistencyProblems(vars),
    ...notifyProblems(vars, config),
    ...personalLinkProblems(vars, mode),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Cosmos and Blob storage: the Azure accounts when configured, else the local servers under LOCAL_DATA_DIR. */
function storageConfig(vars: Vars): Pick<AppConfig, 'cosmos' | 'blob'> {
  return {
    cosmos: vars.COSMOS_ENDPOINT
      ? {
          kind: 'azure',
          endpoint: vars.COSMOS_ENDPOINT,
          key: vars.COSMOS_KEY,
          database: vars.COSMOS_DATABASE,
          managedIdentityClientId: vars.AZURE_CLIENT_ID,
        }
      : {
          kind: 'local',
          database: vars.COSMOS_DATABASE,
          dataDir: vars.LOCAL_DATA_DIR,
          sharedEndpoint: vars.LOCAL_COSMOS_ENDPOINT,
        },
    blob:
      vars.BLOB_ENDPOINT || vars.BLOB_CONNECTION_STRING
        ? {
            kind: 'azure',
            endpoint: vars.BLOB_ENDPOINT,
            connectionString: vars.BLOB_CONNECTION_STRING,
            container: vars.BLOB_CONTAINER,
            managedIdentityClientId: vars.AZURE_CLIENT_ID,
          }
        : { kind: 'local', dataDir: vars.LOCAL_DATA_DIR, container: vars.BLOB_CONTAINER },
  };
}

function scheduleConfig(vars: Vars): ScheduleConfig {
  return {
    enabled: vars.SCHEDULED_JOBS === 'on',
    hourUtc: vars.SCHEDULE_HOUR_UTC,
    digestWeekday: vars.DIGEST_WEEKDAY,
    partnersContactDays: vars.NUDGE_PARTNERS_CONTACT_DAYS,
    feedbackLoopWeeks: vars.NUDGE_FEEDBACK_LOOP_WEEKS,
    claimQueryDays: vars.NUDGE_CLAIM_QUERY_DAYS,
    claimDraftDays: vars.NUDGE_CLAIM_DRAFT_DAYS,
    snoozeDays: vars.NUDGE_SNOOZE_DAYS,
    consentRenewalMonths: vars.CONSENT_RENEWAL_MONTHS,
  };
}

/** Whether the tab may offer the local developer identity: explicit local mode, loopback only, SSO off. */
export function allowsDeveloperIdentity(config: AppConfig): boolean {
  return config.mode === 'local' && config.environment !== 'production' && !config.tabSso && isLoopback(config.host);
}
