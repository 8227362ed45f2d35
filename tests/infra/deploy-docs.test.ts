import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { outputs, parameters } from './bicep-text.js';

/** docs/deploy.md is followed word for word by an administrator: what it names must exist. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const guide = readFileSync(`${ROOT}docs/deploy.md`, 'utf8');
const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> })
  .scripts;

describe('the deployment guide', () => {
  it('reads only deployment outputs the Bicep has', () => {
    const used = [...guide.matchAll(/\$\(out (\w+)\)/g)].map((match) => match[1]!);
    assert.ok(used.length >= 4);
    assert.deepEqual(
      used.filter((name) => !outputs().includes(name)),
      [],
    );
  });

  it('runs only npm scripts that exist', () => {
    const used = [...guide.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((match) => match[1]!);
    assert.deepEqual(
      [...new Set(used)].filter((name) => !(name in scripts)),
      [],
    );
  });

  it('names only repository files that exist, and a parameters file for each environment it mentions', () => {
    const paths = [
      ...guide.matchAll(
        /`((?:infra|env|appPackage|scripts|tests|storage|server)\/[\w./-]+|aad\.manifest\.json|m365agents(?:\.local)?\.yml|\.webappignore)`/g,
      ),
    ]
      .map((match) => match[1]!)
      .filter(
        (path) => !path.includes('$') && !path.includes('<') && !path.includes('/build/') && !path.endsWith('.user'),
      );
    assert.ok(paths.length > 5);
    assert.deepEqual(
      paths.filter((path) => !existsSync(`${ROOT}${path}`)),
      [],
    );
    for (const env of ['dev', 'prod']) assert.ok(existsSync(`${ROOT}infra/main.parameters.${env}.json`), env);
  });

  it('passes only parameters the Bicep declares on the command line', () => {
    const declared = new Set(parameters().map((parameter) => parameter.name));
    const passed = [...guide.matchAll(/\s(\w+)=(?:\$|"|\d|autoscale)/g)]
      .map((match) => match[1]!)
      .filter((name) => /^[a-z]/.test(name));
    assert.ok(passed.includes('aadAppClientId'));
    assert.deepEqual(
      [...new Set(passed)].filter((name) => !declared.has(name) && !['ENV', 'RG'].includes(name)),
      [],
    );
  });

  it('tells the IEV team how to set up their channel with the words the bot understands', () => {
    assert.match(guide, /@Involvement Hub set up IEV channel/);
    assert.match(readFileSync(`${ROOT}bot/general/iev-setup-feature.ts`, 'utf8'), /command: 'set up IEV channel'/);
  });
});
