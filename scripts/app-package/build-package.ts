import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { manifestRuleProblems, stringsIn } from './manifest-rules.js';
import { createZip } from './zip.js';

/**
 * Builds the Teams app package for one environment: fills the manifest template from env/.env.<name>,
 * validates it offline against the official schema for its version (bundled in @microsoft/app-manifest)
 * and the rules the schema cannot express, then zips manifest and icons.
 */

export interface PackageOptions {
  /** Environment name: reads env/.env.<name> and writes appPackage/build/appPackage.<name>.zip. */
  readonly envName: string;
  /** The repository root (holds appPackage/ and env/). */
  readonly rootDir: string;
  /** Values that win over the env file (the CLI passes the process environment). */
  readonly overrides?: Readonly<Record<string, string | undefined>>;
}

export interface BuiltPackage {
  readonly zipPath: string;
  readonly manifestPath: string;
  readonly manifest: Record<string, unknown>;
}

export class PackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The Teams app package was not built:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/;

export async function buildAppPackage(options: PackageOptions): Promise<BuiltPackage> {
  const packageDir = join(options.rootDir, 'appPackage');
  const envFile = join(options.rootDir, 'env', `.env.${options.envName}`);
  if (!existsSync(envFile))
    throw new PackageError([`env/.env.${options.envName}: there is no such environment file (try --env dev)`]);
  const variables: Record<string, string> = {
    APP_VERSION: packageVersion(options.rootDir),
    ...parseEnvFile(readFileSync(envFile, 'utf8')),
    ...definedOnly(options.overrides ?? {}),
  };

  const template = parseJson(readFileSync(join(packageDir, 'manifest.json'), 'utf8'), 'appPackage/manifest.json');
  const { manifest, problems: missing } = fillPlaceholders(template, variables, `env/.env.${options.envName}`);
  if (missing.length > 0) throw new PackageError(missing);

  const files = { read: (name: string) => readIfPresent(packageDir, name) };
  const problems = [
    ...(await schemaProblems(manifest)),
    ...manifestRuleProblems(manifest, files, { botId: variables.BOT_ID || undefined }),
  ];
  if (problems.length > 0) throw new PackageError(problems);

  const buildDir = join(packageDir, 'build');
  mkdirSync(buildDir, { recursive: true });
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const manifestPath = join(buildDir, `manifest.${options.envName}.json`);
  writeFileSync(manifestPath, manifestText);
  const icons = manifest.icons as { color: string; outline: string };
  const zip = createZip([
    { name: 'manifest.json', data: Buffer.from(manifestText) },
    { name: icons.color, data: files.read(icons.color)! },
    { name: icons.outline, data: files.read(icons.outline)! },
  ]);
  const zipPath = join(buildDir, `appPackage.${options.envName}.zip`);
  writeFileSync(zipPath, zip);
  return { zipPath, manifestPath, manifest };
}

/** KEY=VALUE lines as the Agents Toolkit writes them; # comments; optional quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const raw = match[2]!;
    values[match[1]!] = /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw.replace(/\s+#.*$/, '');
  }
  return values;
}

function fillPlaceholders(
  template: unknown,
  variables: Record<string, string>,
  envFile: string,
): { manifest: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  for (const [path, value] of stringsIn(template)) {
    for (const [, name] of value.matchAll(PLACEHOLDER)) {
      // A suffix (APP_NAME_SUFFIX) may be empty, as in production; any other empty value is a missing one.
      const missing = variables[name!] === undefined || (variables[name!] === '' && !name!.endsWith('_SUFFIX'));
      if (missing) problems.push(`${path}: needs ${name}, which is not set in ${envFile} (or the environment)`);
    }
  }
  const filled = JSON.parse(JSON.stringify(template), (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(PLACEHOLDER, (whole, name: string) => variables[name] ?? whole) : value,
  ) as Record<string, unknown>;
  return { manifest: filled, problems: [...new Set(problems)] };
}

/** Validates against the schema file bundled for the manifest's $schema URL; never downloads. */
async function schemaProblems(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaPath = bundledSchemaPath(manifest.$schema);
  if (typeof schemaPath !== 'string') return [schemaPath.problem];
  // The published schemas contain "\a" and "\v" escapes that JSON does not allow; the package's own loader fixes them the same way.
  const schema = JSON.parse(
    readFileSync(schemaPath, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'),
  ) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  const failures = await AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest, schema);
  return failures.map((failure) => `schema: ${readablePath(failure)}`);
}

export function bundledSchemaPath(schemaUrl: unknown): string | { problem: string } {
  const version = typeof schemaUrl === 'string' ? SCHEMA_URL.exec(schemaUrl)?.[1] : undefined;
  if (!version) {
    return {
      problem: `$schema: must be a Teams manifest schema URL such as https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json (got ${JSON.stringify(schemaUrl)})`,
    };
  }
  const require = createRequire(import.meta.url);
  const packageRoot = join(require.resolve('@microsoft/app-manifest/package.json'), '..');
  const path = join(packageRoot, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
  if (!existsSync(path))
    return {
      problem: `$schema: version ${version} is not bundled in @microsoft/app-manifest, so it cannot be checked offline; choose a bundled version`,
    };
  return path;
}

/** "/bots/0 must have required property 'botId'. Details: …" → "bots[0]: must have required property 'botId'". */
function readablePath(failure: string): string {
  const match = /^(\S*) (.*?)\.? Details: (.*)$/s.exec(failure);
  if (!match) return failure;
  const path =
    match[1]!
      .split('/')
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
      .replace(/^\./, '') || '(manifest)';
  const params = JSON.parse(match[3]! || '{}') as Record<string, unknown>;
  const detail =
    'allowedValues' in params
      ? ` (one of ${JSON.stringify(params.allowedValues)})`
      : 'additionalProperty' in params
        ? ` ("${String(params.additionalProperty)}")`
        : '';
  return `${path}: ${match[2]}${detail}`;
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PackageError([`${name}: is not valid JSON (${(error as Error).message})`]);
  }
}

function readIfPresent(dir: string, name: string): Buffer | undefined {
  const path = join(dir, name);
  // Icons must sit inside the package folder; refuse names that climb out of it.
  if (relative(dir, path).startsWith('..') || !existsSync(path)) return undefined;
  return readFileSync(path);
}

function packageVersion(rootDir: string): string {
  return (JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { version: string }).version;
}

function definedOnly(values: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
}
