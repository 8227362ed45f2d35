import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads what the tests need from infra/main.bicep as text. The Bicep compiler is not available
 * offline here, so these checks look at the source; `az bicep build` checks the syntax (docs/deploy.md).
 */
export const BICEP_PATH = fileURLToPath(new URL('../../infra/main.bicep', import.meta.url));
export const bicep = readFileSync(BICEP_PATH, 'utf8');

export interface AppSetting {
  readonly name: string;
  /** The Bicep expression, e.g. `'production'` or `cosmos.properties.documentEndpoint`. */
  readonly expression: string;
}

/** The web app's `appSettings: [ { name: '…', value: … } ]` entries, in order. */
export function appSettings(): AppSetting[] {
  const block = /appSettings:\s*\[([\s\S]*?)\n\s*\]/.exec(bicep)?.[1];
  if (!block) throw new Error('infra/main.bicep has no appSettings block');
  return [...block.matchAll(/\{\s*name:\s*'([^']+)'\s*,\s*value:\s*(.+?)\s*\}\s*$/gm)].map((match) => ({
    name: match[1]!,
    expression: match[2]!,
  }));
}

export interface BicepParameter {
  readonly name: string;
  readonly type: string;
  readonly hasDefault: boolean;
}

export function parameters(): BicepParameter[] {
  return [...bicep.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=.*)?$/gm)].map((match) => ({
    name: match[1]!,
    type: match[2]!,
    hasDefault: Boolean(match[3]),
  }));
}

export function outputs(): string[] {
  return [...bicep.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((match) => match[1]!);
}

/** The `cosmosContainers` table: name, partition key path and whether it is point-reads only. */
export function cosmosContainers(): Array<{ name: string; partitionKey: string; pointReadsOnly: boolean }> {
  const block = /var cosmosContainers = \[([\s\S]*?)\n\]/.exec(bicep)?.[1] ?? '';
  return [
    ...block.matchAll(/\{\s*name:\s*'([^']+)',\s*partitionKey:\s*'([^']+)',\s*pointReadsOnly:\s*(true|false)\s*\}/g),
  ].map((match) => ({
    name: match[1]!,
    partitionKey: match[2]!,
    pointReadsOnly: match[3] === 'true',
  }));
}

/** The body of `resource <symbol> '<type>' = { … }` (up to the next top-level resource/output). */
export function resourceBody(symbol: string): string {
  const start = bicep.search(new RegExp(`^resource ${symbol} '`, 'm'));
  if (start < 0) throw new Error(`infra/main.bicep has no resource "${symbol}"`);
  const rest = bicep.slice(start + 1);
  const end = rest.search(/^(resource|output|\/\/ -{3,}) /m);
  return bicep.slice(start, end < 0 ? undefined : start + 1 + end);
}

/** What Azure puts where the Bicep has an expression: the shapes of real values, no real ones. */
export const AZURE_SAMPLE: Readonly<Record<string, string>> = {
  publicUrl: 'https://involvement-hub-dev-4kq2ce.azurewebsites.net',
  'cosmos.properties.documentEndpoint': 'https://involvement-hub-dev-4kq2ce-cosmos.documents.azure.com:443/',
  'storage.properties.primaryEndpoints.blob': 'https://stinvolveme4kq2cexyz.blob.core.windows.net/',
  'identity.properties.clientId': '3f2a1c9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  'identity.properties.tenantId': '72f988bf-86f1-41af-91ab-2d7cd011db47',
  aadAppClientId: 'ae58c67a-23e8-41b9-af19-7fb551b038e7',
  aadAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  ievMemberIds: '',
  'appInsights.properties.ConnectionString':
    'InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
  // Before the key is put in the vault, App Service passes the reference itself.
  "'@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${notifyKeySecretName})'":
    '@Microsoft.KeyVault(VaultName=kvinvolvem4kq2cexyz;SecretName=notify-api-key)',
  // The personal link key, once put in the vault as the deployment guide says (the app does not start without it).
  "'@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${personalLinkSecretName})'":
    'sample-personal-link-secret-of-forty-eight-characters',
  // No template ids given at deployment.
  ...Object.fromEntries(
    [...bicep.matchAll(/value: (notifyTemplateIds\[\?'\w+'\] \?\? '')/g)].map((match) => [match[1]!, '']),
  ),
};

/**
 * Turns the app settings into the environment the app would see on App Service, with each Bicep
 * expression replaced by a value of the shape Azure gives it.
 */
export function appServiceEnvironment(sample: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { name, expression } of appSettings()) {
    const literal = /^'([^'$]*)'$/.exec(expression)?.[1] ?? stringVariable(expression);
    const value = literal ?? sample[expression];
    if (value === undefined)
      throw new Error(`no sample value for the Bicep expression ${expression} (app setting ${name})`);
    env[name] = value;
  }
  return env;
}

/** The value of `var <name> = '<literal>'`, if the expression is such a variable. */
function stringVariable(expression: string): string | undefined {
  if (!/^\w+$/.test(expression)) return undefined;
  return new RegExp(`^var ${expression} = '([^'$]*)'$`, 'm').exec(bicep)?.[1];
}
