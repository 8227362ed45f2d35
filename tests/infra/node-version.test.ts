import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Production runs on one Node LTS (App Service's linuxFxVersion in infra/main.bicep). The tests must run on the
 * same major version wherever they run, whatever Node the machine has: the `node` dev dependency puts that
 * version first on the PATH of every npm script (`npm test`, `npm start`, `.ci/run`).
 */
const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const PACKAGE = JSON.parse(read('package.json')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

function productionMajor(): number {
  const match = /linuxFxVersion: 'NODE\|(\d+)-lts'/.exec(read('infra/main.bicep'));
  assert.ok(match, 'infra/main.bicep sets linuxFxVersion to a Node LTS');
  return Number(match[1]);
}

describe('the Node version', () => {
  it('is the one production runs on: App Service, .nvmrc, engines and the node dev dependency agree', () => {
    const major = productionMajor();
    assert.equal(major % 2, 0, 'an even (LTS) release line');
    assert.equal(read('.nvmrc').trim(), String(major));
    assert.equal(PACKAGE.engines.node, `>=${major}`);
    assert.match(PACKAGE.devDependencies['node'] ?? '', new RegExp(`^\\^${major}\\.`));
  });

  it('runs this test suite', () => {
    assert.equal(
      process.versions.node.split('.')[0],
      String(productionMajor()),
      `the suite runs on Node ${process.version}`,
    );
  });
});
