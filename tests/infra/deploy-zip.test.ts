import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPLOYED_PATHS, deployEntries } from '../../scripts/deploy-zip.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function writeFiles(root: string, paths: string[]): void {
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), path);
  }
}

/** Starts `npm run start:prod` in `dir` and resolves with its URL once it listens. */
async function startBuiltServer(
  dir: string,
  env: Record<string, string>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn('node', ['dist/server/main.js'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the built server did not start:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /"url":"(http[^"]+)".*"msg":"Involvement Hub is listening"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the built server exited before listening:\n${output}`));
    });
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('the App Service deployment zip', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'hub-deploy-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds the built server and tab, the policy data and the package files, and nothing else', () => {
    writeFiles(scratch, [
      'dist/server/main.js',
      'dist/server/main.js.map',
      'dist/tab/index.html',
      'dist/tab/assets/app.js',
      'policy/reimbursement-policy.json',
      'package.json',
      'package-lock.json',
      'server/main.ts',
      'tests/a.test.ts',
      'env/.env.dev',
      '.env',
      'infra/main.bicep',
      '.data/snapshot.json',
    ]);
    assert.deepEqual(
      deployEntries(scratch).map((entry) => entry.name),
      [
        'dist/server/main.js',
        'dist/tab/assets/app.js',
        'dist/tab/index.html',
        'package-lock.json',
        'package.json',
        'policy/reimbursement-policy.json',
      ],
    );
  });

  it('selects the same files as .webappignore does for the Agents Toolkit', () => {
    const kept = readFileSync(join(ROOT, '.webappignore'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).replace(/\/(\*\*)?$/, ''));
    assert.deepEqual([...new Set(kept)].sort(), [...DEPLOYED_PATHS].sort());
  });

  it('starts from the deployed files alone (npm run start:prod) and serves the health check and the tab', async function () {
    this.timeout(120_000);
    if (!existsSync(join(ROOT, 'dist', 'tab', 'index.html'))) this.skip(); // `npm test` builds the tab first (pretest)
    // What App Service has after a deployment: the zip's files plus the installed packages.
    const build = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsc'),
      ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(scratch, 'dist')],
      { encoding: 'utf8' },
    );
    assert.ok(existsSync(join(scratch, 'dist', 'server', 'main.js')), `the server did not build:\n${build.stdout}`);
    for (const built of ['tab', 'public-pages']) {
      cpSync(join(ROOT, 'dist', built), join(scratch, 'dist', built), { recursive: true });
    }
    for (const path of DEPLOYED_PATHS.filter((path) => path !== 'dist')) {
      if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(scratch, path), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
    const server = await startBuiltServer(scratch, {
      NODE_ENV: 'development',
      PORT: '0',
      LOCAL_DATA_DIR: join(scratch, '.data'),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
    });
    try {
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200);
      const tab = await fetch(`${server.url}/tab/index.html`);
      assert.equal(tab.status, 200, 'the built tab is served from dist/tab');
      assert.match(await tab.text(), /<title>Involvement Register<\/title>/);
    } finally {
      await server.stop();
    }
  });
});
