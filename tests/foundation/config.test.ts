import assert from 'node:assert/strict';
import { allowsDeveloperIdentity, ConfigError, loadConfig } from '../../server/config.js';
import { cosmosCredentialKind } from '../../storage/cosmos.js';

const AZURE_PRODUCTION = {
  NODE_ENV: 'production',
  COSMOS_ENDPOINT: 'https://hub.documents.azure.com:443/',
  BLOB_ENDPOINT: 'https://hubreceipts.blob.core.windows.net/',
  MicrosoftAppId: '9b0d1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
  AAD_APP_CLIENT_ID: '0d1c2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  AAD_APP_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  PUBLIC_URL: 'https://hub.example.nhs.uk',
  HOST: '0.0.0.0',
  PERSONAL_LINK_SECRET: 'a-production-secret-of-at-least-32-characters',
};

describe('configuration', () => {
  it('defaults to local mode on loopback port 3978 with nothing set', () => {
    const config = loadConfig({});
    assert.equal(config.mode, 'local');
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3978);
    assert.equal(config.bot, undefined);
    assert.equal(allowsDeveloperIdentity(config), true);
  });

  it('accepts Azure production settings without any key and chooses managed identity', () => {
    const config = loadConfig(AZURE_PRODUCTION);
    assert.equal(config.mode, 'azure');
    assert.equal(config.bot?.appType, 'UserAssignedMSI');
    assert.equal(config.cosmos.kind, 'azure');
    if (config.cosmos.kind !== 'azure') return;
    assert.equal(
      cosmosCredentialKind({
        kind: 'azure',
        endpoint: config.cosmos.endpoint,
        key: config.cosmos.key,
        managedIdentityClientId: undefined,
      }),
      'managed-identity',
    );
    assert.equal(allowsDeveloperIdentity(config), false);
  });

  const refusals: Array<[string, Record<string, string>, RegExp]> = [
    [
      'production without bot credentials',
      { ...AZURE_PRODUCTION, MicrosoftAppId: '', MicrosoftAppType: '' },
      /MicrosoftAppId is required in production/,
    ],
    [
      'production on the embedded database',
      { ...AZURE_PRODUCTION, COSMOS_ENDPOINT: '' },
      /COSMOS_ENDPOINT is required in production/,
    ],
    [
      'production with a local-only setting',
      { ...AZURE_PRODUCTION, SEED_DEMO_DATA: 'true' },
      /SEED_DEMO_DATA=true is a local-only setting/,
    ],
    [
      'Azure without the personal link secret',
      { ...AZURE_PRODUCTION, PERSONAL_LINK_SECRET: '' },
      /PERSONAL_LINK_SECRET is required outside local mode/,
    ],
    [
      'Azure before the personal link secret is in Key Vault',
      {
        ...AZURE_PRODUCTION,
        PERSONAL_LINK_SECRET: '@Microsoft.KeyVault(VaultName=kvhub;SecretName=personal-link-secret)',
      },
      /PERSONAL_LINK_SECRET: the Key Vault secret personal-link-secret cannot be read yet/,
    ],
    ['a personal link secret too short to be one', { PERSONAL_LINK_SECRET: 'secret' }, /^PERSONAL_LINK_SECRET:/m],
    ['a port that is not a number', { PORT: 'abc' }, /^PORT:/m],
    [
      'a Cosmos endpoint that is not a URL',
      { COSMOS_ENDPOINT: 'not a url' },
      /COSMOS_ENDPOINT: must be the account URL/,
    ],
    ['half of the tab SSO settings', { AAD_APP_CLIENT_ID: 'abc' }, /must be set together/],
    [
      'a local Cosmos endpoint that is not loopback',
      { LOCAL_COSMOS_ENDPOINT: 'https://10.0.0.4:8081/' },
      /must be a loopback address/,
    ],
    [
      'an Application Insights connection string without an instrumentation key',
      { APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://uksouth-1.in.applicationinsights.azure.com/' },
      /^APPLICATIONINSIGHTS_CONNECTION_STRING: must be an Application Insights connection string/m,
    ],
  ];
  for (const [name, env, message] of refusals) {
    it(`refuses ${name}`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && message.test(error.problems.join('\n')),
      );
    });
  }

  it('never offers the developer identity when tab SSO is configured or the server listens beyond loopback', () => {
    assert.equal(allowsDeveloperIdentity(loadConfig({ AAD_APP_CLIENT_ID: 'a', AAD_APP_TENANT_ID: 'b' })), false);
    assert.equal(allowsDeveloperIdentity(loadConfig({ HOST: '0.0.0.0' })), false);
  });
});
