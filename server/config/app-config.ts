import type { TemplateIds } from '../../storage/notify-sender.js';

/** The configuration every other part of the app receives: read once from the environment, typed and checked. */
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
