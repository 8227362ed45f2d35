import { z } from 'zod';

/**
 * The environment variables the app reads, each with its type, default and check. Every variable here is
 * documented in README.md and .env.example.
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

const templateId = optionalText.pipe(z.uuid({ message: 'must be a GOV.UK Notify template id (a UUID)' }).optional());

export const environmentSchema = z.object({
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

export type Vars = z.infer<typeof environmentSchema>;
