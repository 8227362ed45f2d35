import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { outputs } from './bicep-text.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

const placeholders = (text: string) => new Set([...text.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!));
/** `writeToEnvironmentFile:` entries (`key: ENV_NAME`) in an Agents Toolkit project file. */
const writtenBySteps = (yaml: string) =>
  new Set(
    [...yaml.matchAll(/writeToEnvironmentFile:\n((?:\s{6}\w+: \w+\n)+)/g)].flatMap((match) =>
      [...match[1]!.matchAll(/: (\w+)/g)].map((entry) => entry[1]!),
    ),
  );
const envKeys = (path: string) => new Set([...read(path).matchAll(/^(\w+)=/gm)].map((match) => match[1]!));

/** Variables the Toolkit itself provides. */
const TOOLKIT_BUILT_INS = new Set([
  'TEAMSFX_ENV',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP_NAME',
  'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
]);

describe('the Agents Toolkit project files', () => {
  for (const [file, envFile] of [
    ['m365agents.yml', 'env/.env.dev'],
    ['m365agents.local.yml', 'env/.env.local'],
  ] as const) {
    it(`${file} refers only to files that exist`, () => {
      const yaml = read(file);
      const paths = [...yaml.matchAll(/(?:path|parameters|manifestPath|ignoreFile): (\.\/[^\s$]+)$/gm)].map(
        (match) => match[1]!,
      );
      assert.ok(paths.length > 0);
      for (const path of paths) assert.ok(existsSync(`${ROOT}${path.slice(2)}`), `${file} refers to ${path}`);
    });

    it(`${file} uses only values its steps write, the deployment outputs or ${envFile} provides`, () => {
      const yaml = read(file);
      const known = new Set([...writtenBySteps(yaml), ...outputs(), ...envKeys(envFile), ...TOOLKIT_BUILT_INS]);
      const used = new Set([
        ...placeholders(yaml),
        ...placeholders(read('aad.manifest.json')),
        ...placeholders(read('appPackage/manifest.json')),
        ...(file === 'm365agents.yml' ? placeholders(read('infra/main.parameters.toolkit.json')) : []),
      ]);
      // APP_VERSION comes from package.json when npm run package fills the manifest.
      const unknown = [...used].filter((name) => !known.has(name) && name !== 'APP_VERSION');
      assert.deepEqual(unknown, []);
    });
  }

  it('both project files are on the schema version the current Agents Toolkit writes (v1.11)', () => {
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const yaml = read(file);
      assert.match(
        yaml,
        /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.11\/yaml\.schema\.json$/m,
        file,
      );
      assert.match(yaml, /^version: v1\.11$/m, file);
    }
  });

  it('m365agents.yml provisions with infra/main.bicep and packages with npm run package', () => {
    const yaml = read('m365agents.yml');
    assert.match(yaml, /- path: \.\/infra\/main\.bicep\n\s+parameters: \.\/infra\/main\.parameters\.toolkit\.json/);
    assert.match(yaml, /args: run package -- --env \$\{\{TEAMSFX_ENV\}\}/);
    assert.match(yaml, /resourceId: \$\{\{BOT_AZURE_APP_SERVICE_RESOURCE_ID\}\}/);
    assert.ok(outputs().includes('BOT_AZURE_APP_SERVICE_RESOURCE_ID'));
  });

  // Microsoft's list of the clients that host Teams tabs ("Extend a Teams personal tab across Microsoft 365").
  const TAB_HOSTS: Array<[string, string]> = [
    ['Teams desktop and mobile', '1fec8e78-bce4-4aaf-ab1b-5451cc387264'],
    ['Teams web', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'],
    ['Microsoft 365 web', '4765445b-32c6-49b0-83e6-1d93765276ca'],
    ['Microsoft 365 desktop', '0ec893e0-5785-4de6-99da-4ed124e5296c'],
    ['Microsoft 365 mobile and Outlook desktop', 'd3590ed6-52b3-4102-aeff-aad2292ab01c'],
    ['Outlook web', 'bc59ab01-8403-45c6-8796-ac3ef710b3e3'],
    ['Outlook mobile', '27922004-5251-4030-b22d-91ecd9a37ea4'],
  ];

  it('pre-authorises every client that can host the tab (Teams, Microsoft 365, Outlook) for single sign-on', () => {
    const aad = JSON.parse(read('aad.manifest.json')) as {
      identifierUris: string[];
      api: { preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }> };
    };
    assert.deepEqual(aad.identifierUris, ['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    const preAuthorised = aad.api.preAuthorizedApplications.map((client) => client.appId);
    assert.deepEqual([...preAuthorised].sort(), TAB_HOSTS.map(([, id]) => id).sort());
    for (const client of aad.api.preAuthorizedApplications)
      assert.deepEqual(client.delegatedPermissionIds, ['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}'], client.appId);
    // The same clients in the step-by-step deployment guide, for those who register the tab by hand.
    const guide = read('docs/deploy.md');
    for (const [name, id] of TAB_HOSTS) assert.ok(guide.includes(id), `docs/deploy.md pre-authorises ${name} (${id})`);
  });

  it('keeps local secrets and generated settings out of git', () => {
    const ignored = read('.gitignore');
    for (const pattern of ['env/.env.*.user', '.localConfigs', 'appPackage/build/'])
      assert.ok(ignored.includes(pattern), pattern);
    assert.match(read('m365agents.local.yml'), /botPassword: SECRET_BOT_PASSWORD/);
  });

  it('deploys the built app and its data files, and nothing else (.webappignore)', () => {
    const rules = read('.webappignore')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    assert.equal(rules[0], '*');
    for (const kept of ['!dist/**', '!policy/**', '!package.json', '!package-lock.json'])
      assert.ok(rules.includes(kept), kept);
  });
});
