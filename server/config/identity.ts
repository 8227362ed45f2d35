import type { BotCredentials, Mode, TabSsoConfig } from './app-config.js';
import type { Vars } from './environment.js';

/** Who the app is and who may call it: the bot's credentials, the tab's single sign-on, the personal link secret. */

/** Known to anyone who reads this file: good for local mode only, where no real partner gets a link. */
export const LOCAL_PERSONAL_LINK_SECRET = 'local-mode-only personal link secret; never used in Azure';

export function personalLinkProblems(vars: Vars, mode: Mode): string[] {
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

export function botCredentials(vars: Vars): BotCredentials | undefined {
  if (!vars.MicrosoftAppId) return undefined;
  const appType = vars.MicrosoftAppType ?? (vars.MicrosoftAppPassword ? 'MultiTenant' : 'UserAssignedMSI');
  return {
    appId: vars.MicrosoftAppId,
    appPassword: vars.MicrosoftAppPassword,
    appType,
    tenantId: vars.MicrosoftAppTenantId,
  };
}

export function tabSsoConfig(vars: Vars): TabSsoConfig | undefined {
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

/** The secret itself, unless App Service passed the unresolved Key Vault reference (then the local one, refused outside local mode). */
export function personalLinkSecret(vars: Vars): string {
  return vars.PERSONAL_LINK_SECRET && !vars.PERSONAL_LINK_SECRET.startsWith('@Microsoft.KeyVault(')
    ? vars.PERSONAL_LINK_SECRET
    : LOCAL_PERSONAL_LINK_SECRET;
}
