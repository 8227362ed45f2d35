import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAppPackage, PackageError } from './app-package/build-package.js';

/**
 * `npm run package [-- --env dev]`: builds appPackage/build/appPackage.<env>.zip for sideloading or the
 * organisation's app catalogue. Validates offline; a broken manifest stops the build naming the field.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({ options: { env: { type: 'string', short: 'e', default: 'dev' } } });
const envName = values.env;
if (!/^[a-z0-9-]+$/i.test(envName)) {
  process.stderr.write(`--env must be a simple name such as dev or prod (got "${envName}")\n`);
  process.exit(2);
}

try {
  const built = await buildAppPackage({ envName, rootDir: ROOT, overrides: process.env });
  process.stdout.write(
    `Teams app package for "${envName}" is valid (schema ${String(built.manifest.manifestVersion)}, checked offline):\n  ${relative(process.cwd(), built.zipPath)}\n`,
  );
} catch (error) {
  if (error instanceof PackageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
