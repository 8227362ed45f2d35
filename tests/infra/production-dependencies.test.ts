import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * App Service installs only `dependencies` (`npm ci --omit=dev`, infra/main.bicep). A module the
 * server loads at start-up from `devDependencies` would crash production on its first start, so this
 * follows every static import from server/main.ts and checks where each package comes from.
 * Development-only code (the embedded database, Azurite) must load its packages lazily.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/**
 * Static, value-level imports and re-exports (type-only ones vanish at build time), and dynamic imports of
 * the project's own modules (server/main.ts loads the app after starting telemetry), which load as surely.
 */
function staticImports(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const imports = [
    ...withoutComments.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm),
  ].map((match) => match[1]!);
  const ownDynamic = [...withoutComments.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((match) => match[1]!);
  return [...imports, ...ownDynamic];
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function productionImportGraph(entry: string): Map<string, string[]> {
  const packagesByFile = new Map<string, string[]>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (packagesByFile.has(file)) continue;
    const packages: string[] = [];
    packagesByFile.set(file, packages);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = join(dirname(file), specifier.replace(/\.js$/, '.ts'));
        if (existsSync(target)) pending.push(target);
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        packages.push(packageName(specifier));
      }
    }
  }
  return packagesByFile;
}

describe('the production install', () => {
  it('has every package the server loads at start-up in "dependencies", not only "devDependencies"', () => {
    const graph = productionImportGraph(join(ROOT, 'server', 'main.ts'));
    assert.ok(graph.size > 10, 'followed the imports from server/main.ts');
    const devOnly = [...graph].flatMap(([file, packages]) =>
      packages
        .filter((name) => !(name in PACKAGE.dependencies))
        .map(
          (name) =>
            `${relative(ROOT, file)} imports ${name}${name in PACKAGE.devDependencies ? ' (a devDependency)' : ' (not in package.json)'}`,
        ),
    );
    assert.deepEqual(devOnly, []);
  });
});
