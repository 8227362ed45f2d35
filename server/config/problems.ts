import type { AppConfig } from './app-config.js';
import type { Vars } from './environment.js';

/** Settings that contradict each other, and what production refuses. */

export function consistencyProblems(vars: Vars): string[] {
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
export function productionProblems(config: AppConfig, vars: Vars): string[] {
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

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}
