import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { BotCredentials } from '../server/config.js';
import type { Logger } from '../server/logger.js';

/**
 * The Bot Framework adapter. With credentials, every inbound activity's token is verified and
 * outbound calls are authenticated (password or user-assigned managed identity). Without them
 * (local mode only; production refuses to start) token checks are off.
 */
export function createAdapter(credentials: BotCredentials | undefined, logger: Logger): CloudAdapter {
  const settings = {
    MicrosoftAppId: credentials?.appId ?? '',
    MicrosoftAppPassword: credentials?.appPassword ?? '',
    MicrosoftAppType: credentials?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: credentials?.tenantId ?? '',
  };
  const credentialsFactory = new ConfigurationServiceClientCredentialFactory(settings);
  const authentication = new ConfigurationBotFrameworkAuthentication(settings, credentialsFactory);
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type }, 'unhandled bot error');
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.').catch(() => undefined);
    }
  };
  return adapter;
}
