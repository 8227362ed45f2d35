import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createZip, type ZipEntry } from './app-package/zip.js';

/**
 * `npm run deploy:zip`: the zip `az webapp deploy` uploads to App Service. It holds the built server and
 * tab, the policy data they read and the package files; App Service installs the runtime packages itself
 * (CUSTOM_BUILD_COMMAND in infra/main.bicep). The Agents Toolkit makes the same selection with .webappignore.
 */
export const DEPLOYED_PATHS = ['dist', 'policy', 'package.json', 'package-lock.json'] as const;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function deployEntries(root: string): ZipEntry[] {
  return DEPLOYED_PATHS.flatMap((path) => filesUnder(root, join(root, path)))
    .filter((name) => !name.endsWith('.map'))
    .sort()
    .map((name) => ({ name, data: readFileSync(join(root, name)) }));
}

function filesUnder(root: string, path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [relative(root, path).split(sep).join('/')];
  return readdirSync(path).flatMap((child) => filesUnder(root, join(path, child)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const missing = ['dist/server/main.js', 'dist/tab/index.html', 'dist/public-pages/.vite/manifest.json'].filter(
    (path) => !existsSync(join(ROOT, path)),
  );
  if (missing.length > 0) {
    process.stderr.write(`Build first (npm run build): ${missing.join(', ')} not found.\n`);
    process.exit(1);
  }
  const entries = deployEntries(ROOT);
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  const zipPath = join(ROOT, 'build', 'involvement-hub.zip');
  writeFileSync(zipPath, createZip(entries));
  process.stdout.write(
    `Wrote ${relative(process.cwd(), zipPath)} (${entries.length} files). Deploy it with:\n  az webapp deploy --resource-group <group> --name <AZURE_WEB_APP_NAME> --src-path build/involvement-hub.zip --type zip\n`,
  );
}
