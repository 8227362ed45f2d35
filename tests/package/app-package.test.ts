/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access --
   manifests are JSON that these tests read and break field by field; the schema check types them. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppPackage, PackageError } from '../../scripts/app-package/build-package.js';
import { decodePng, encodePng } from '../../scripts/app-package/png.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

type Manifest = Record<string, any>;

/** A copy of the repository's package inputs that a test may break without touching the real ones. */
function packageWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hub-package-'));
  for (const path of [
    'appPackage/manifest.json',
    'appPackage/color.png',
    'appPackage/outline.png',
    'env/.env.dev',
    'package.json',
  ]) {
    cpSync(join(ROOT, path), join(dir, path));
  }
  return dir;
}

function editManifest(dir: string, edit: (manifest: Manifest) => void): void {
  const path = join(dir, 'appPackage', 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
}

function solidPng(size: number, rgba: [number, number, number, number]): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let offset = 0; offset < pixels.length; offset += 4) pixels.set(rgba, offset);
  return encodePng({ width: size, height: size, pixels });
}

/**
 * Reads the zip with Python's zipfile, an implementation independent of ours (python3 is on every
 * machine of this project's kind). It also checks every entry's CRC.
 */
function readZip(zipPath: string): Map<string, Buffer> {
  const script =
    'import base64,json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))';
  const entries = JSON.parse(execFileSync('python3', ['-c', script, zipPath], { encoding: 'utf8' })) as Record<
    string,
    string
  >;
  return new Map(Object.entries(entries).map(([name, data]) => [name, Buffer.from(data, 'base64')]));
}

async function problemsFor(dir: string, overrides: Record<string, string> = {}): Promise<string[]> {
  try {
    await buildAppPackage({ envName: 'dev', rootDir: dir, overrides });
  } catch (error) {
    if (error instanceof PackageError) return [...error.problems];
    throw error;
  }
  assert.fail('the broken package was built');
}

describe('npm run package', () => {
  let workspaces: string[] = [];
  const workspace = () => {
    const dir = packageWorkspace();
    workspaces.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
    workspaces = [];
  });

  it('builds appPackage.dev.zip in a fresh checkout: manifest filled from env/.env.dev, icons beside it', () => {
    const dir = workspace();
    // A fresh clone after `npm ci`: the committed package inputs and scripts, the installed node_modules.
    cpSync(join(ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const result = spawnSync('npm', ['run', 'package'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /Teams app package for "dev" is valid \(schema 1\.29, checked offline\):\n {2}appPackage\/build\/appPackage\.dev\.zip/,
    );
    const zipPath = join(dir, 'appPackage', 'build', 'appPackage.dev.zip');
    const zip = readZip(zipPath);
    assert.deepEqual([...zip.keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8')) as Manifest;
    const env = readFileSync(join(dir, 'env', '.env.dev'), 'utf8');
    const value = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(env)![1];
    assert.equal(manifest.id, value('TEAMS_APP_ID'));
    assert.equal(manifest.bots[0].botId, value('BOT_ID'));
    assert.deepEqual(manifest.validDomains, [value('TAB_DOMAIN')]);
    assert.equal(manifest.webApplicationInfo.resource, `api://${value('TAB_DOMAIN')}/${value('AAD_APP_CLIENT_ID')}`);
    assert.equal(manifest.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    assert.equal(manifest.name.short, 'Involvement Hub (dev)');
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);

    const colour = decodePng(zip.get('color.png')!);
    const outline = decodePng(zip.get('outline.png')!);
    assert.deepEqual([colour.width, colour.height, outline.width, outline.height], [192, 192, 32, 32]);
  });

  it('takes a value from the environment over the env file, so a pipeline can pass deployment outputs', async () => {
    const dir = workspace();
    const built = await buildAppPackage({
      envName: 'dev',
      rootDir: dir,
      overrides: {
        BOT_ID: '11111111-2222-4333-8444-555555555555',
        TAB_DOMAIN: 'hub.example.org',
        TAB_ENDPOINT: 'https://hub.example.org',
      },
    });
    assert.equal((built.manifest.bots as Manifest[])[0]!.botId, '11111111-2222-4333-8444-555555555555');
    assert.equal(
      (built.manifest.staticTabs as Manifest[])[0]!.contentUrl,
      'https://hub.example.org/tab/index.html#/partners',
    );
  });

  it('allows an empty name suffix, as production has', async () => {
    const dir = workspace();
    const envPath = join(dir, 'env', '.env.dev');
    writeFileSync(envPath, readFileSync(envPath, 'utf8').replace(/^APP_NAME_SUFFIX=.*$/m, 'APP_NAME_SUFFIX='));
    const built = await buildAppPackage({ envName: 'dev', rootDir: dir });
    assert.deepEqual(built.manifest.name, {
      short: 'Involvement Hub',
      full: 'Involvement Hub: patient and public involvement',
    });
  });

  const brokenCases: Array<[string, (dir: string) => void, Record<string, string>, RegExp]> = [
    [
      'a required field is missing',
      (dir) => editManifest(dir, (m) => delete m.developer.privacyUrl),
      {},
      /^schema: developer: must have required property 'privacyUrl'$/,
    ],
    [
      'a bot scope is misspelt',
      (dir) => editManifest(dir, (m) => (m.bots[0].scopes = ['personal', 'teams'])),
      {},
      /^schema: bots\[0\]\.scopes\[1\]: must be equal to one of the allowed values/,
    ],
    [
      'the colour icon is the wrong size',
      (dir) => writeFileSync(join(dir, 'appPackage', 'color.png'), solidPng(100, [0, 94, 184, 255])),
      {},
      /^icons\.color: "color\.png" must be 192×192 pixels, but it is 100×100$/,
    ],
    [
      'the outline icon has no transparent background',
      (dir) => writeFileSync(join(dir, 'appPackage', 'outline.png'), solidPng(32, [255, 255, 255, 255])),
      {},
      /^icons\.outline: "outline\.png" must have a transparent background/,
    ],
    [
      'the outline icon is not white',
      (dir) => writeFileSync(join(dir, 'appPackage', 'outline.png'), stripedPng([0, 94, 184, 255])),
      {},
      /^icons\.outline: "outline\.png" must be white on transparent only, but 256 visible pixels are not white$/,
    ],
    [
      'an icon file is missing',
      (dir) => rmSync(join(dir, 'appPackage', 'outline.png')),
      {},
      /^icons\.outline: the file "outline\.png" is not in the app package folder$/,
    ],
    [
      'an icon is not a PNG',
      (dir) => writeFileSync(join(dir, 'appPackage', 'color.png'), 'GIF89a'),
      {},
      /^icons\.color: "color\.png" is not a usable PNG \(not a PNG file\)$/,
    ],
    [
      'the configuration page is on a host not in validDomains',
      (dir) =>
        editManifest(dir, (m) => (m.configurableTabs[0].configurationUrl = 'https://elsewhere.example.org/config')),
      {},
      /^configurableTabs\[0\]\.configurationUrl: the host "elsewhere\.example\.org" is not in validDomains \(involvement-hub-dev-4kq2ce\.azurewebsites\.net\)$/,
    ],
    [
      'a tab page is served over http',
      (dir) =>
        editManifest(
          dir,
          (m) => (m.staticTabs[0].contentUrl = 'http://involvement-hub-dev-4kq2ce.azurewebsites.net/tab/'),
        ),
      {},
      /^staticTabs\[0\]\.contentUrl: .* must use https/,
    ],
    ['the bot id is not a GUID', () => undefined, { BOT_ID: 'involvement-bot' }, /^bots\[0\]\.botId: must be a GUID/],
    [
      'the bot id is the all-zero GUID',
      () => undefined,
      { BOT_ID: '00000000-0000-0000-0000-000000000000' },
      /^bots\[0\]\.botId: must be a real id, not the all-zero GUID$/,
    ],
    [
      'the manifest names a different bot from BOT_ID',
      (dir) => editManifest(dir, (m) => (m.bots[0].botId = '0f8fad5b-d9cb-469f-a165-70867728950e')),
      {},
      /^bots\[0\]\.botId: must be the deployed bot's id b2505c0b-50ab-4a95-b19f-17b1947eaa5f \(BOT_ID\)/,
    ],
    [
      'the SSO resource is not api://<tab host>/<client id>',
      (dir) => editManifest(dir, (m) => (m.webApplicationInfo.resource = 'api://${{AAD_APP_CLIENT_ID}}')),
      {},
      /^webApplicationInfo\.resource: must be "api:\/\/involvement-hub-dev-4kq2ce\.azurewebsites\.net\/ae58c67a-23e8-41b9-af19-7fb551b038e7"/,
    ],
    [
      'an environment value is empty',
      (dir) =>
        writeFileSync(
          join(dir, 'env', '.env.dev'),
          readFileSync(join(dir, 'env', '.env.dev'), 'utf8').replace(/^AAD_APP_CLIENT_ID=.*$/m, 'AAD_APP_CLIENT_ID='),
        ),
      {},
      /^webApplicationInfo\.id: needs AAD_APP_CLIENT_ID, which is not set in env\/\.env\.dev/,
    ],
    [
      'the schema version is not bundled for offline checks',
      (dir) =>
        editManifest(dir, (m) => {
          m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json';
          m.manifestVersion = '1.18';
        }),
      {},
      /^\$schema: version v1\.18 is not bundled in @microsoft\/app-manifest/,
    ],
    [
      'manifestVersion and $schema disagree',
      (dir) => editManifest(dir, (m) => (m.manifestVersion = '1.21')),
      {},
      /^manifestVersion: is "1\.21" but \$schema is the v1\.29 schema/,
    ],
    [
      'the app is used in teams without saying which channel features it supports',
      (dir) => editManifest(dir, (m) => delete m.supportsChannelFeatures),
      {},
      /^supportsChannelFeatures: must be set \(to "tier1"\) when the app is used in teams, from manifest 1\.25/,
    ],
    [
      'a command list uses a scope the bot does not have',
      (dir) => editManifest(dir, (m) => (m.bots[0].scopes = ['personal'])),
      {},
      /^bots\[0\]\.commandLists\[1\]\.scopes: "team" is not one of the bot's scopes$/,
    ],
  ];

  for (const [what, breakIt, overrides, expected] of brokenCases) {
    it(`refuses to build when ${what}, naming the field`, async () => {
      const dir = workspace();
      breakIt(dir);
      const problems = await problemsFor(dir, overrides);
      assert.ok(
        problems.some((problem) => expected.test(problem)),
        `expected ${expected} among:\n${problems.join('\n')}`,
      );
      assert.ok(
        !existsSync(join(dir, 'appPackage', 'build', 'appPackage.dev.zip')),
        'no zip is written for a broken manifest',
      );
    });
  }

  it('fails the command with exit code 1 and the field in the message, not a stack trace', () => {
    const result = spawnSync(TSX, [join(ROOT, 'scripts', 'package-app.ts'), '--env', 'dev'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', BOT_ID: 'not-a-guid' },
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /The Teams app package was not built:\n {2}- .*bots\[0\]\.botId/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  it('names every value still missing in an environment that has not been provisioned yet', () => {
    const result = spawnSync(TSX, [join(ROOT, 'scripts', 'package-app.ts'), '--env', 'local'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    assert.equal(result.status, 1);
    for (const name of ['BOT_ID', 'TAB_ENDPOINT', 'TAB_DOMAIN', 'AAD_APP_CLIENT_ID']) {
      assert.match(result.stderr, new RegExp(`needs ${name}, which is not set in env/\\.env\\.local`), name);
    }
    assert.match(result.stderr, /bots\[0\]\.botId: needs BOT_ID/);
  });

  it('refuses an environment that has no env file', () => {
    const result = spawnSync(TSX, [join(ROOT, 'scripts', 'package-app.ts'), '--env', 'nowhere'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /env\/\.env\.nowhere: there is no such environment file/);
  });
});

/** White stripes on transparent, except half the visible rows are NHS Blue. */
function stripedPng(rgba: [number, number, number, number]): Buffer {
  const pixels = new Uint8Array(32 * 32 * 4);
  for (let y = 0; y < 32; y += 1) {
    for (let x = 0; x < 32; x += 1) {
      if (y % 2 === 1) continue; // transparent rows
      pixels.set(y % 4 === 0 ? rgba : [255, 255, 255, 255], (y * 32 + x) * 4);
    }
  }
  return encodePng({ width: 32, height: 32, pixels });
}
