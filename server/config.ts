import { z } from 'zod';
import { CHANNELS, MESSAGE_KINDS } from '../domain/partner-messages/ports.js';
import { LOCAL_TEMPLATES } from '../storage/local-notify.js';
import type { TemplateIds } from '../storage/notify-sender.js';

/**
 * The one place that reads the environment. Everything else receives a typed `AppConfig`.
 * Every variable here is documented in README.md and .env.example.
 */

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const idList = optionalText.transform((value) =>
  value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [],
);

const NOTIFY_SERVICE_URL = 'https://api.notifications.service.gov.uk';
type TemplateKey = keyof TemplateIds;
const TEMPLATE_KEYS = MESSAGE_KINDS.flatMap((kind) => CHANNELS.map((channel): TemplateKey => `${kind}.${channel}`));

/** NOTIFY_TEMPLATE_WELCOME_EMAIL, NOTIFY_TEMPLATE_EXPENSES_PAID_SMS, …: one Notify template id per message and channel. */
function templateVariable(key: TemplateKey): string {
  return `NOTIFY_TEMPLATE_${key.replace(/[-.]/g, '_').toUpperCase()}`;
}

const templateId = optionalText.pipe(z.uuid({ message: 'must be a GOV.UK Notify template id (a UUID)' }).optional());

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  PUBLIC_URL: optionalText.pipe(
    z.url({ message: 'must be an absolute URL such as https://hub.example.nhs.uk' }).optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  COSMOS_ENDPOINT: optionalText.pipe(
    z.url({ message: 'must be the account URL, e.g. https://<account>.documents.azure.com:443/' }).optional(),
  ),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().trim().min(1).default('involvement-hub'),
  LOCAL_DATA_DIR: z.string().trim().min(1).default('.data'),
  LOCAL_COSMOS_ENDPOINT: optionalText.pipe(z.url().optional()),
  SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),

  BLOB_ENDPOINT: optionalText.pipe(z.url().optional()),
  BLOB_CONNECTION_STRING: optionalText,
  BLOB_CONTAINER: z.string().trim().min(3).default('receipts'),

  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: optionalText.pipe(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  MicrosoftAppTenantId: optionalText,

  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_TENANT_ID: optionalText,
  AAD_APP_ALLOWED_TENANTS: idList,
  TAB_API_AUDIENCE: optionalText,

  IEV_MEMBER_IDS: idList,
  IEV_CHANNEL_ID: optionalText,
  IEV_SERVICE_URL: optionalText.pipe(z.url().optional()),
  RETENTION_REVIEW_YEARS: z.coerce.number().int().min(1).max(20).default(3),
  // Never below 5: fewer would show counts small enough to identify someone (docs/impact.md).
  IMPACT_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(5).max(50).default(5),
  SCHEDULED_JOBS: z.enum(['on', 'off']).default('on'),
  SCHEDULE_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(8),
  DIGEST_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
  NUDGE_PARTNERS_CONTACT_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  NUDGE_FEEDBACK_LOOP_WEEKS: z.coerce.number().int().min(1).max(52).default(4),
  NUDGE_CLAIM_QUERY_DAYS: z.coerce.number().int().min(1).max(90).default(5),
  NUDGE_CLAIM_DRAFT_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  NUDGE_SNOOZE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  CONSENT_RENEWAL_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  AZURE_CLIENT_ID: optionalText,
  // A secret: a Key Vault reference in Azure. App Service passes the reference itself when it cannot resolve it
  // (the secret is not in the vault yet): that is "not set up", and messages to partners wait until it is.
  NOTIFY_API_KEY: z
    .preprocess(
      (value) => (typeof value === 'string' && value.startsWith('@Microsoft.KeyVault(') ? undefined : value),
      optionalText,
    )
    .pipe(
      z
        .string()
        .regex(/-[0-9a-f-]{36}-[0-9a-f-]{36}$/i, { message: 'must be a GOV.UK Notify API key (name-serviceid-secret)' })
        .optional(),
    ),
  NOTIFY_BASE_URL: optionalText.pipe(z.url().optional()),
  // A secret (HMAC key of the personal links sent to partners): a Key Vault reference in Azure, never logged.
  PERSONAL_LINK_SECRET: optionalText.pipe(
    z.string().min(32, { message: 'must be at least 32 characters (e.g. openssl rand -base64 48)' }).optional(),
  ),
  // One GOV.UK Notify template id per message and channel (README, "Messages to partners").
  NOTIFY_TEMPLATE_WELCOME_EMAIL: templateId,
  NOTIFY_TEMPLATE_WELCOME_SMS: templateId,
  NOTIFY_TEMPLATE_WELCOME_LETTER: templateId,
  NOTIFY_TEMPLATE_EXPENSES_PAID_EMAIL: templateId,
  NOTIFY_TEMPLATE_EXPENSES_PAID_SMS: templateId,
  NOTIFY_TEMPLATE_EXPENSES_PAID_LETTER: templateId,
  NOTIFY_TEMPLATE_YOU_SAID_WE_DID_EMAIL: templateId,
  NOTIFY_TEMPLATE_YOU_SAID_WE_DID_SMS: templateId,
  NOTIFY_TEMPLATE_YOU_SAID_WE_DID_LETTER: templateId,
  NOTIFY_TEMPLATE_EVALUATION_INVITATION_EMAIL: templateId,
  NOTIFY_TEMPLATE_EVALUATION_INVITATION_SMS: templateId,
  NOTIFY_TEMPLATE_EVALUATION_INVITATION_LETTER: templateId,
  NOTIFY_TEMPLATE_INVITATION_EMAIL: templateId,
  NOTIFY_TEMPLATE_INVITATION_SMS: templateId,
  NOTIFY_TEMPLATE_INVITATION_LETTER: templateId,
  NOTIFY_TEMPLATE_CONSENT_RENEWAL_EMAIL: templateId,
  NOTIFY_TEMPLATE_CONSENT_RENEWAL_SMS: templateId,
  NOTIFY_TEMPLATE_CONSENT_RENEWAL_LETTER: templateId,
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.pipe(
    z
      .string()
      .regex(/(^|;)\s*InstrumentationKey=[^;]+/i, {
        message: 'must be an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...)',
      })
      .optional(),
  ),
});

export type Mode = 'local' | 'azure';

export interface AppConfig {
  readonly environment: 'development' | 'test' | 'production';
  readonly mode: Mode;
  readonly port: number;
  /** Interface to bind. Loopback unless HOST is configured. */
  readonly host: string;
  readonly publicUrl: string | undefined;
  readonly logLevel: string;
  readonly cosmos:
    | {
        readonly kind: 'local';
        readonly database: string;
        readonly dataDir: string;
        readonly sharedEndpoint: string | undefined;
      }
    | {
        readonly kind: 'azure';
        readonly endpoint: string;
        readonly key: string | undefined;
        readonly database: string;
        readonly managedIdentityClientId: string | undefined;
      };
  readonly seedDemoData: boolean;
  readonly blob:
    | { readonly kind: 'local'; readonly dataDir: string; readonly container: string }
    | {
        readonly kind: 'azure';
        readonly endpoint: string | undefined;
        readonly connectionString: string | undefined;
        readonly container: string;
        readonly managedIdentityClientId: string | undefined;
      };
  /** Bot Framework credentials; undefined means inbound token checks are off (local only). */
  readonly bot: BotCredentials | undefined;
  /** Teams SSO for the tab; undefined means the local developer identity is offered (local mode on loopback only). */
  readonly tabSso: TabSsoConfig | undefined;
  readonly ievMemberIds: readonly string[];
  readonly ievChannel: { readonly channelId: string; readonly serviceUrl: string } | undefined;
  /** Years without involvement after which a partner's record is due for retention review (docs/register-tab.md). */
  readonly retentionReviewYears: number;
  /** "Is it working?" shows counts of people below this as "fewer than N" (docs/impact.md). */
  readonly impactSuppressionThreshold: number;
  /** Reminders to hosts and the IEV digest (domain/schedule); periods and thresholds are in the README table. */
  readonly schedule: ScheduleConfig;
  /**
   * Messages to partners through GOV.UK Notify: the Trust's service (`service`), the local Notify server the app
   * starts itself (`local`, local mode only), or undefined (not set up: messages wait until it is).
   */
  readonly notify:
    | { readonly kind: 'service'; readonly baseUrl: string; readonly apiKey: string; readonly templates: TemplateIds }
    | { readonly kind: 'local'; readonly templates: TemplateIds }
    | undefined;
  /** Signs the personal links sent to partners (domain/links): a secret, never logged. */
  readonly personalLinkSecret: string;
  /** OpenTelemetry to Application Insights (server/telemetry.ts); undefined sends nothing. */
  readonly telemetry: { readonly connectionString: string } | undefined;
}

export interface ScheduleConfig {
  /** Off: this instance runs no scheduled jobs (messages already owed are still delivered). */
  readonly enabled: boolean;
  readonly hourUtc: number;
  /** ISO weekday of the IEV digest, 1 = Monday. */
  readonly digestWeekday: number;
  readonly partnersContactDays: number;
  readonly feedbackLoopWeeks: number;
  readonly claimQueryDays: number;
  readonly claimDraftDays: number;
  readonly snoozeDays: number;
  readonly consentRenewalMonths: number;
}

export interface BotCredentials {
  readonly appId: string;
  readonly appPassword: string | undefined;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly tenantId: string | undefined;
}

export interface TabSsoConfig {
  readonly clientId: string;
  readonly tenantId: string;
  readonly allowedTenants: readonly string[];
  /** Expected `aud` claim; defaults to api://<public host>/<client id>. */
  readonly audience: readonly string[];
}

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
  const bot = botCredentials(vars);
  const tabSso = tabSsoConfig(vars);
  const config: AppConfig = {
    environment: vars.NODE_ENV,
    mode,
    port: vars.PORT,
    host: vars.HOST ?? '127.0.0.1',
    publicUrl: vars.PUBLIC_URL,
    logLevel: vars.LOG_LEVEL,
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
    seedDemoData: vars.SEED_DEMO_DATA
      ? vars.SEED_DEMO_DATA === 'true'
      : mode === 'local' && vars.NODE_ENV === 'development',
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
    bot,
    tabSso,
    ievMemberIds: vars.IEV_MEMBER_IDS,
    ievChannel:
      vars.IEV_CHANNEL_ID && vars.IEV_SERVICE_URL
        ? { channelId: vars.IEV_CHANNEL_ID, serviceUrl: vars.IEV_SERVICE_URL }
        : undefined,
    retentionReviewYears: vars.RETENTION_REVIEW_YEARS,
    impactSuppressionThreshold: vars.IMPACT_SUPPRESSION_THRESHOLD,
    schedule: {
      enabled: vars.SCHEDULED_JOBS === 'on',
      hourUtc: vars.SCHEDULE_HOUR_UTC,
      digestWeekday: vars.DIGEST_WEEKDAY,
      partnersContactDays: vars.NUDGE_PARTNERS_CONTACT_DAYS,
      feedbackLoopWeeks: vars.NUDGE_FEEDBACK_LOOP_WEEKS,
      claimQueryDays: vars.NUDGE_CLAIM_QUERY_DAYS,
      claimDraftDays: vars.NUDGE_CLAIM_DRAFT_DAYS,
      snoozeDays: vars.NUDGE_SNOOZE_DAYS,
      consentRenewalMonths: vars.CONSENT_RENEWAL_MONTHS,
    },
    notify: notifyConfig(vars, mode),
    personalLinkSecret:
      vars.PERSONAL_LINK_SECRET && !vars.PERSONAL_LINK_SECRET.startsWith('@Microsoft.KeyVault(')
        ? vars.PERSONAL_LINK_SECRET
        : LOCAL_PERSONAL_LINK_SECRET,
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

type Vars = z.infer<typeof environmentSchema>;

/** Templates from the environment; outside production, the local Notify server's own ids fill any not given. */
function templatesOf(vars: Vars, localDefaults: boolean): Partial<Record<TemplateKey, string>> {
  const env = vars as unknown as Record<string, string | undefined>;
  return Object.fromEntries(
    TEMPLATE_KEYS.flatMap((key) => {
      const local = LOCAL_TEMPLATES.find((template) => `${template.kind}.${template.channel}` === key)?.id;
      const id = env[templateVariable(key)] ?? (localDefaults ? local : undefined);
      return id ? [[key, id]] : [];
    }),
  );
}

function notifyConfig(vars: Vars, mode: Mode): AppConfig['notify'] {
  const localDefaults = vars.NODE_ENV !== 'production';
  const templates = templatesOf(vars, localDefaults) as TemplateIds;
  if (vars.NOTIFY_API_KEY)
    return {
      kind: 'service',
      baseUrl: vars.NOTIFY_BASE_URL ?? NOTIFY_SERVICE_URL,
      apiKey: vars.NOTIFY_API_KEY,
      templates,
    };
  return mode === 'local' && localDefaults ? { kind: 'local', templates } : undefined;
}

function notifyProblems(vars: Vars, config: AppConfig): string[] {
  const problems: string[] = [];
  if (vars.NOTIFY_BASE_URL && !vars.NOTIFY_API_KEY)
    problems.push('NOTIFY_BASE_URL is set but NOTIFY_API_KEY is missing');
  if (config.notify?.kind === 'service') {
    const missing = TEMPLATE_KEYS.filter((key) => !config.notify?.templates[key]).map(templateVariable);
    if (missing.length > 0) problems.push(`GOV.UK Notify template ids are missing: ${missing.join(', ')}`);
    if (config.environment === 'production' && !config.notify.baseUrl.startsWith('https://'))
      problems.push('NOTIFY_BASE_URL must be https in production');
  }
  return problems;
}

/** Known to anyone who reads this file: good for local mode only, where no real partner gets a link. */
const LOCAL_PERSONAL_LINK_SECRET = 'local-mode-only personal link secret; never used in Azure';

function personalLinkProblems(vars: Vars, mode: Mode): string[] {
  if (mode === 'local') return [];
  if (!vars.PERSONAL_LINK_SECRET)
    return ['PERSONAL_LINK_SECRET is required outside local mode (it signs the personal links sent to partners)'];
  // App Service passes the reference itself when it cannot resolve it: the secret is not in the vault yet.
  if (vars.PERSONAL_LINK_SECRET.startsWith('@Microsoft.KeyVault('))
    return [
      'PERSONAL_LINK_SECRET: the Key Vault secret personal-link-secret cannot be read yet (put it in the vault: README, "Deploy")',
    ];
  return [];
}

function botCredentials(vars: Vars): BotCredentials | undefined {
  if (!vars.MicrosoftAppId) return undefined;
  const appType = vars.MicrosoftAppType ?? (vars.MicrosoftAppPassword ? 'MultiTenant' : 'UserAssignedMSI');
  return {
    appId: vars.MicrosoftAppId,
    appPassword: vars.MicrosoftAppPassword,
    appType,
    tenantId: vars.MicrosoftAppTenantId,
  };
}

function tabSsoConfig(vars: Vars): TabSsoConfig | undefined {
  if (!vars.AAD_APP_CLIENT_ID || !vars.AAD_APP_TENANT_ID) return undefined;
  const audience = vars.TAB_API_AUDIENCE
    ? [vars.TAB_API_AUDIENCE]
    : [
        ...(vars.PUBLIC_URL ? [`api://${new URL(vars.PUBLIC_URL).host}/${vars.AAD_APP_CLIENT_ID}`] : []),
        vars.AAD_APP_CLIENT_ID,
      ];
  return {
    clientId: vars.AAD_APP_CLIENT_ID,
    tenantId: vars.AAD_APP_TENANT_ID,
    allowedTenants: vars.AAD_APP_ALLOWED_TENANTS.length > 0 ? vars.AAD_APP_ALLOWED_TENANTS : [vars.AAD_APP_TENANT_ID],
    audience,
  };
}

function consistencyProblems(vars: Vars): string[] {
  const problems: string[] = [];
  if (vars.MicrosoftAppType && !vars.MicrosoftAppId)
    problems.push('MicrosoftAppType is set but MicrosoftAppId is missing');
  if (
    (vars.MicrosoftAppType === 'SingleTenant' || vars.MicrosoftAppType === 'UserAssignedMSI') &&
    vars.MicrosoftAppId &&
    !vars.MicrosoftAppTenantId
  ) {
    problems.push(`MicrosoftAppTenantId is required when MicrosoftAppType is ${vars.MicrosoftAppType}`);
  }
  if (vars.MicrosoftAppType === 'MultiTenant' && vars.MicrosoftAppId && !vars.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant');
  }
  if (Boolean(vars.AAD_APP_CLIENT_ID) !== Boolean(vars.AAD_APP_TENANT_ID)) {
    problems.push('AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID must be set together (tab single sign-on)');
  }
  if (vars.LOCAL_COSMOS_ENDPOINT && !isLoopback(new URL(vars.LOCAL_COSMOS_ENDPOINT).hostname)) {
    problems.push(
      'LOCAL_COSMOS_ENDPOINT must be a loopback address (it skips certificate checks); use COSMOS_ENDPOINT for a real account',
    );
  }
  if (vars.LOCAL_COSMOS_ENDPOINT && vars.COSMOS_ENDPOINT)
    problems.push('Set COSMOS_ENDPOINT or LOCAL_COSMOS_ENDPOINT, not both');
  if (Boolean(vars.IEV_CHANNEL_ID) !== Boolean(vars.IEV_SERVICE_URL)) {
    problems.push('IEV_CHANNEL_ID and IEV_SERVICE_URL must be set together');
  }
  return problems;
}

/** Production must never run on the embedded database or without authenticating callers. */
function productionProblems(config: AppConfig, vars: Vars): string[] {
  if (config.environment !== 'production') return [];
  const problems: string[] = [];
  if (!config.bot) problems.push('MicrosoftAppId is required in production (bot credentials or managed identity)');
  if (!vars.COSMOS_ENDPOINT)
    problems.push('COSMOS_ENDPOINT is required in production (the embedded local database is for development only)');
  if (!config.tabSso)
    problems.push('AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID are required in production (tab single sign-on)');
  if (!vars.BLOB_ENDPOINT && !vars.BLOB_CONNECTION_STRING)
    problems.push('BLOB_ENDPOINT is required in production (receipt storage)');
  if (!vars.PUBLIC_URL) problems.push('PUBLIC_URL is required in production');
  if (vars.LOCAL_COSMOS_ENDPOINT)
    problems.push('LOCAL_COSMOS_ENDPOINT is a local-only setting and is refused in production');
  if (vars.SEED_DEMO_DATA === 'true')
    problems.push('SEED_DEMO_DATA=true is a local-only setting and is refused in production');
  return problems;
}

/** Whether the tab may offer the local developer identity: explicit local mode, loopback only, SSO off. */
export function allowsDeveloperIdentity(config: AppConfig): boolean {
  return config.mode === 'local' && config.environment !== 'production' && !config.tabSso && isLoopback(config.host);
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}
