import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/config.js';
import { CONTAINERS } from '../../storage/containers.js';
import { cosmosCredentialKind } from '../../storage/cosmos.js';
import {
  appServiceEnvironment,
  appSettings,
  AZURE_SAMPLE,
  bicep,
  cosmosContainers,
  outputs,
  parameters,
  resourceBody,
} from './bicep-text.js';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

/** App Service's own settings: read by the platform, not by the app's configuration (server/config/environment.ts). */
const PLATFORM_SETTINGS = new Set(['WEBSITES_PORT', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND']);

/** Names the app reads (server/config/environment.ts), taken from its environment schema. */
function configVariables(): string[] {
  const schema =
    /const environmentSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(read('server/config/environment.ts'))?.[1] ?? '';
  return [...schema.matchAll(/^\s{2}(\w+):/gm)].map((match) => match[1]!);
}

describe('the Bicep app settings', () => {
  it('start the app in production, Azure mode, with the managed identity for Cosmos DB, Blob storage and the bot', () => {
    // loadConfig refuses production without every variable it requires, naming each one missing.
    const config = loadConfig(appServiceEnvironment(AZURE_SAMPLE));
    assert.equal(config.environment, 'production');
    assert.equal(config.mode, 'azure');
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.publicUrl, AZURE_SAMPLE.publicUrl);
    assert.ok(config.cosmos.kind === 'azure');
    assert.equal(config.cosmos.key, undefined);
    assert.equal(config.cosmos.managedIdentityClientId, AZURE_SAMPLE['identity.properties.clientId']);
    assert.equal(
      cosmosCredentialKind({
        kind: 'azure',
        endpoint: config.cosmos.endpoint,
        key: config.cosmos.key,
        managedIdentityClientId: config.cosmos.managedIdentityClientId,
      }),
      'managed-identity',
    );
    assert.ok(config.blob.kind === 'azure');
    assert.equal(config.blob.connectionString, undefined);
    assert.equal(config.blob.endpoint, AZURE_SAMPLE['storage.properties.primaryEndpoints.blob']);
    assert.deepEqual(config.bot, {
      appId: AZURE_SAMPLE['identity.properties.clientId'],
      appPassword: undefined,
      appType: 'UserAssignedMSI',
      tenantId: AZURE_SAMPLE['identity.properties.tenantId'],
    });
    assert.equal(config.tabSso?.clientId, AZURE_SAMPLE.aadAppClientId);
    assert.ok(
      config.tabSso?.audience.includes(
        `api://involvement-hub-dev-4kq2ce.azurewebsites.net/${AZURE_SAMPLE.aadAppClientId}`,
      ),
    );
  });

  it('include every variable production requires: leaving any one out stops the app naming it', () => {
    const env = appServiceEnvironment(AZURE_SAMPLE);
    const required = [
      'MicrosoftAppId',
      'COSMOS_ENDPOINT',
      'AAD_APP_CLIENT_ID',
      'AAD_APP_TENANT_ID',
      'BLOB_ENDPOINT',
      'PUBLIC_URL',
      'MicrosoftAppTenantId',
    ];
    for (const name of required) {
      const { [name]: _left, ...without } = env;
      assert.throws(() => loadConfig(without), new RegExp(name), `without ${name} the app should refuse to start`);
    }
  });

  it('set only variables the app or App Service reads (a misspelt name would be silently ignored)', () => {
    const known = new Set(configVariables());
    assert.ok(
      known.has('COSMOS_ENDPOINT') && known.has('MicrosoftAppType'),
      'read the variable names from server/config/environment.ts',
    );
    const unknown = appSettings()
      .map((setting) => setting.name)
      .filter((name) => !known.has(name) && !PLATFORM_SETTINGS.has(name));
    assert.deepEqual(unknown, []);
  });

  it('write no key, password, secret or connection string into app settings', () => {
    for (const { name, expression } of appSettings()) {
      if (name === 'APPLICATIONINSIGHTS_CONNECTION_STRING') {
        // Only where to send telemetry (Microsoft documents it as not a secret); it reads no data.
        assert.equal(expression, 'appInsights.properties.ConnectionString');
        continue;
      }
      if (name === 'NOTIFY_API_KEY' || name === 'PERSONAL_LINK_SECRET') {
        // The secrets: a Key Vault reference, resolved by App Service with the managed identity.
        assert.match(expression, /^'@Microsoft\.KeyVault\(VaultName=\$\{keyVault\.name\};SecretName=\$\{\w+\}\)'$/);
        continue;
      }
      assert.doesNotMatch(name, /key|password|secret|connection_?string|sas|token|credential/i, `app setting ${name}`);
      assert.doesNotMatch(
        expression,
        /list\w*\(|key|secret|password|connectionString/i,
        `value of ${name}: ${expression}`,
      );
    }
    const config = read('server/config/environment.ts');
    for (const secretVariable of ['COSMOS_KEY', 'MicrosoftAppPassword', 'BLOB_CONNECTION_STRING']) {
      assert.match(config, new RegExp(`${secretVariable}:`), `${secretVariable} is still a variable the app knows`);
      assert.ok(
        !appSettings().some((setting) => setting.name === secretVariable),
        `${secretVariable} must not be set in Azure`,
      );
    }
  });

  it('send telemetry from the app itself, to the Application Insights the template creates, and not also from App Service\u2019s agent', () => {
    const settings = appSettings();
    assert.equal(
      settings.find((setting) => setting.name === 'APPLICATIONINSIGHTS_CONNECTION_STRING')?.expression,
      'appInsights.properties.ConnectionString',
    );
    assert.equal(
      loadConfig(appServiceEnvironment(AZURE_SAMPLE)).telemetry?.connectionString,
      AZURE_SAMPLE['appInsights.properties.ConnectionString'],
    );
    // The agent would report the same requests a second time, without the app's stripping of personal data.
    assert.ok(!settings.some((setting) => setting.name === 'ApplicationInsightsAgent_EXTENSION_VERSION'));
  });

  it('never read a key or password anywhere in the template; the one secret (Notify\u2019s key) is in a Key Vault with RBAC', () => {
    assert.doesNotMatch(
      bicep,
      /listKeys|listConnectionStrings|listAccountSas|listServiceSas|primaryMasterKey|@secure\(\)/,
    );
    // The vault holds only GOV.UK Notify's API key, put in by hand: no access policies, the identity reads secrets only.
    assert.match(resourceBody('keyVault'), /enableRbacAuthorization: true/);
    assert.doesNotMatch(resourceBody('keyVault'), /accessPolicies/);
    assert.match(resourceBody('keyVaultSecretsRole'), /keyVaultSecretsUserRoleId/);
    assert.match(bicep, /var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'/);
    assert.equal((bicep.match(/Microsoft\.KeyVault\/vaults@/g) ?? []).length, 1);
    assert.doesNotMatch(bicep, /Microsoft\.KeyVault\/vaults\/secrets/, 'no secret value passes through the template');
  });
});

describe('the Azure resources', () => {
  it('turn off key access to Cosmos DB and give the identity the data-plane Data Contributor role', () => {
    assert.match(resourceBody('cosmos'), /disableLocalAuth: true/);
    assert.match(resourceBody('cosmos'), /disableKeyBasedMetadataWriteAccess: true/);
    const role = resourceBody('cosmosDataRole');
    assert.match(role, /sqlRoleAssignments@/);
    assert.match(bicep, /var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'/);
    assert.match(role, /principalId: identity\.properties\.principalId/);
  });

  it('are serverless Cosmos DB by default, with a parameter for provisioned autoscale', () => {
    assert.ok(parameters().some((parameter) => parameter.name === 'cosmosCapacityMode'));
    assert.match(bicep, /param cosmosCapacityMode string = 'serverless'/);
    assert.match(resourceBody('cosmos'), /cosmosCapacityMode == 'serverless' \? \[ \{ name: 'EnableServerless' \} \]/);
    assert.match(resourceBody('database'), /autoscaleSettings: \{ maxThroughput: cosmosAutoscaleMaxThroughput \}/);
  });

  it('create every Cosmos container the app uses, with the same partition key (the app cannot create them with Entra ID)', () => {
    const declared = cosmosContainers();
    const expected = Object.values(CONTAINERS).map((container) => ({
      name: container.id,
      partitionKey: container.partitionKey.paths[0],
      pointReadsOnly: (container.indexingPolicy.includedPaths ?? []).length === 0,
    }));
    assert.deepEqual(
      [...declared].sort((a, b) => a.name.localeCompare(b.name)),
      [...expected].sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('keep receipts in Blob storage with shared keys and public access off, reached through the Blob Data Contributor role', () => {
    const storage = resourceBody('storage');
    assert.match(storage, /allowSharedKeyAccess: false/);
    assert.match(storage, /allowBlobPublicAccess: false/);
    assert.match(resourceBody('receipts'), /publicAccess: 'None'/);
    assert.match(bicep, /var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'/);
    assert.match(resourceBody('blobDataRole'), /principalId: identity\.properties\.principalId/);
  });

  it('register the bot with the managed identity (no app password) and the Teams channel', () => {
    const bot = resourceBody('bot');
    assert.match(bot, /msaAppType: 'UserAssignedMSI'/);
    assert.match(bot, /msaAppId: identity\.properties\.clientId/);
    assert.match(bot, /msaAppMSIResourceId: identity\.id/);
    assert.match(bot, /endpoint: '\$\{publicUrl\}\/api\/messages'/);
    assert.match(resourceBody('teamsChannel'), /channelName: 'MsTeamsChannel'/);
    const webApp = resourceBody('webApp');
    assert.match(webApp, /type: 'UserAssigned'/);
    assert.match(webApp, /linuxFxVersion: 'NODE\|24-lts'/);
    assert.match(webApp, /appCommandLine: 'npm run start:prod'/);
    assert.match(webApp, /healthCheckPath: '\/healthz'/);
    assert.match(read('package.json'), /"start:prod": "node dist\/server\/main\.js"/);
  });

  it('output every deployment value the app package needs, under the names the env files use', () => {
    const manifest = read('appPackage/manifest.json');
    const placeholders = new Set([...manifest.matchAll(/\$\{\{(\w+)\}\}/g)].map((match) => match[1]!));
    const envDev = read('env/.env.dev');
    for (const name of ['BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT']) {
      assert.ok(placeholders.has(name), `the manifest uses ${name}`);
      assert.ok(outputs().includes(name), `main.bicep outputs ${name}`);
      assert.match(envDev, new RegExp(`^${name}=`, 'm'), `env/.env.dev has ${name}`);
    }
  });
});

describe('the parameter files', () => {
  const declared = new Map(parameters().map((parameter) => [parameter.name, parameter]));
  for (const file of ['main.parameters.dev.json', 'main.parameters.prod.json', 'main.parameters.toolkit.json']) {
    it(`${file} sets only parameters main.bicep declares, and every required one except those given on the command line`, () => {
      const values = (JSON.parse(read(`infra/${file}`)) as { parameters: Record<string, unknown> }).parameters;
      assert.deepEqual(
        Object.keys(values).filter((name) => !declared.has(name)),
        [],
      );
      // aadAppClientId comes from the tab's app registration: `az deployment group create … aadAppClientId=<id>` (docs/deploy.md).
      const givenOnCommandLine = file.includes('toolkit') ? [] : ['aadAppClientId'];
      const missing = [...declared.values()].filter(
        (parameter) =>
          !parameter.hasDefault && !(parameter.name in values) && !givenOnCommandLine.includes(parameter.name),
      );
      assert.deepEqual(
        missing.map((parameter) => parameter.name),
        [],
      );
    });
  }
});
