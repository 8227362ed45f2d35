/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access --
   manifests are JSON that these tests read and break field by field; the schema check types them. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyOutputs } from '../../scripts/env-from-outputs.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Shaped like `az deployment group show --query properties.outputs -o json` for a new deployment. */
const OUTPUTS = {
  BOT_ID: { type: 'String', value: '9d0c2f4e-7a1b-4c3d-8e5f-6a7b8c9d0e1f' },
  BOT_DOMAIN: { type: 'String', value: 'involvement-hub-prod-7hx2pq.azurewebsites.net' },
  TAB_DOMAIN: { type: 'String', value: 'involvement-hub-prod-7hx2pq.azurewebsites.net' },
  TAB_ENDPOINT: { type: 'String', value: 'https://involvement-hub-prod-7hx2pq.azurewebsites.net' },
  AAD_APP_CLIENT_ID: { type: 'String', value: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' },
  AZURE_WEB_APP_NAME: { type: 'String', value: 'involvement-hub-prod-7hx2pq' },
};

describe('env:outputs (deployment outputs into env/.env.<env>)', () => {
  it("replaces the outputs' lines, appends new ones and keeps comments and other values", () => {
    const before = '# a comment\nTEAMS_APP_ID=399ef5a9-26bd-44ff-ad44-867841b2cf4e\nBOT_ID=old\n';
    const { text, written } = applyOutputs(before, {
      BOT_ID: { value: 'new-bot' },
      TAB_DOMAIN: { value: 'hub.example.org' },
      tags: { value: 'lower-case names are not environment variables' },
      SETTINGS: { type: 'Object', value: { nested: true } },
      MULTILINE: { value: 'one\ntwo' },
    });
    assert.equal(
      text,
      '# a comment\nTEAMS_APP_ID=399ef5a9-26bd-44ff-ad44-867841b2cf4e\nBOT_ID=new-bot\nTAB_DOMAIN=hub.example.org\n',
    );
    assert.deepEqual(written, ['BOT_ID', 'TAB_DOMAIN']);
  });

  it("lets the package step use a new deployment's values with no hand edits", () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-outputs-'));
    try {
      for (const path of [
        'appPackage/manifest.json',
        'appPackage/color.png',
        'appPackage/outline.png',
        'env/.env.dev',
        'package.json',
        'scripts',
      ]) {
        cpSync(join(ROOT, path), join(dir, path), { recursive: true });
      }
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
      const update = spawnSync('npm', ['run', '--silent', 'env:outputs', '--', '--env', 'dev'], {
        cwd: dir,
        input: JSON.stringify(OUTPUTS),
        encoding: 'utf8',
        env,
      });
      assert.equal(update.status, 0, update.stderr);
      assert.match(
        update.stdout,
        /Updated env\/\.env\.dev: BOT_ID, BOT_DOMAIN, TAB_DOMAIN, TAB_ENDPOINT, AAD_APP_CLIENT_ID, AZURE_WEB_APP_NAME/,
      );
      assert.match(readFileSync(join(dir, 'env', '.env.dev'), 'utf8'), /^# The "dev" environment/, 'comments kept');

      const build = spawnSync('npm', ['run', 'package', '--', '--env', 'dev'], { cwd: dir, encoding: 'utf8', env });
      assert.equal(build.status, 0, build.stderr);
      const manifest = JSON.parse(
        readFileSync(join(dir, 'appPackage', 'build', 'manifest.dev.json'), 'utf8'),
      ) as Record<string, any>;
      assert.equal(manifest.bots[0].botId, OUTPUTS.BOT_ID.value);
      assert.deepEqual(manifest.validDomains, [OUTPUTS.TAB_DOMAIN.value]);
      assert.equal(
        manifest.configurableTabs[0].configurationUrl,
        `${OUTPUTS.TAB_ENDPOINT.value}/tab/index.html#/config`,
      );
      assert.equal(
        manifest.webApplicationInfo.resource,
        `api://${OUTPUTS.TAB_DOMAIN.value}/${OUTPUTS.AAD_APP_CLIENT_ID.value}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
