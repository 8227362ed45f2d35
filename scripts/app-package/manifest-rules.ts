import { decodePng, pngSize, PngError } from './png.js';

/**
 * Rules a Teams app package must follow that the manifest's JSON schema cannot express.
 * Each problem names the manifest field it is about, so a broken build says where to look.
 */

export interface PackageFiles {
  /** Reads a file the manifest refers to (icons), or undefined if it is missing. */
  read(name: string): Buffer | undefined;
}

export interface ExpectedValues {
  /** The bot's id from the environment: the manifest must register exactly this bot. */
  readonly botId: string | undefined;
}

type Json = Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const ICON_SIZES = { color: 192, outline: 32 } as const;

export function manifestRuleProblems(manifest: Json, files: PackageFiles, expected: ExpectedValues): string[] {
  return [
    ...placeholderProblems(manifest),
    ...guidProblems(manifest),
    ...iconProblems(manifest, files),
    ...domainProblems(manifest),
    ...botProblems(manifest, expected),
    ...singleSignOnProblems(manifest),
    ...versionProblems(manifest),
    ...channelFeatureProblems(manifest),
  ];
}

function placeholderProblems(manifest: Json): string[] {
  return stringsIn(manifest)
    .filter(([, value]) => /\$\{\{/.test(value))
    .map(([path, value]) => `${path}: "${value}" still has a \${{...}} placeholder that no environment value replaced`);
}

function guidProblems(manifest: Json): string[] {
  const ids: Array<[string, unknown]> = [
    ['id', manifest.id],
    ['webApplicationInfo.id', asObject(manifest.webApplicationInfo)?.id],
  ];
  asArray(manifest.bots).forEach((bot, index) => ids.push([`bots[${index}].botId`, asObject(bot)?.botId]));
  return ids.flatMap(([path, value]) => {
    if (value === undefined) return [];
    if (typeof value !== 'string' || !GUID.test(value))
      return [`${path}: must be a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e (got ${JSON.stringify(value)})`];
    if (value === NIL_GUID) return [`${path}: must be a real id, not the all-zero GUID`];
    return [];
  });
}

function iconProblems(manifest: Json, files: PackageFiles): string[] {
  const icons = asObject(manifest.icons) ?? {};
  return (Object.keys(ICON_SIZES) as Array<keyof typeof ICON_SIZES>).flatMap((kind) => {
    const field = `icons.${kind}`;
    const name = icons[kind];
    if (typeof name !== 'string') return [];
    const file = files.read(name);
    if (!file) return [`${field}: the file "${name}" is not in the app package folder`];
    try {
      const { width, height } = pngSize(file);
      const size = ICON_SIZES[kind];
      if (width !== size || height !== size)
        return [`${field}: "${name}" must be ${size}×${size} pixels, but it is ${width}×${height}`];
      return kind === 'outline' ? outlineProblems(field, name, file) : [];
    } catch (error) {
      if (error instanceof PngError) return [`${field}: "${name}" is not a usable PNG (${error.message})`];
      throw error;
    }
  });
}

/** Teams draws the outline icon in its own colours: it must be white on a transparent background. */
function outlineProblems(field: string, name: string, file: Buffer): string[] {
  const { pixels } = decodePng(file);
  let transparent = 0;
  let visible = 0;
  let notWhite = 0;
  for (let offset = 0; offset < pixels.length; offset += 4) {
    const alpha = pixels[offset + 3]!;
    if (alpha === 0) {
      transparent += 1;
      continue;
    }
    visible += 1;
    if (pixels[offset] !== 255 || pixels[offset + 1] !== 255 || pixels[offset + 2] !== 255) notWhite += 1;
  }
  const problems: string[] = [];
  if (transparent === 0)
    problems.push(`${field}: "${name}" must have a transparent background, but no pixel is transparent`);
  if (visible === 0) problems.push(`${field}: "${name}" is completely transparent, so nothing would show`);
  if (notWhite > 0)
    problems.push(
      `${field}: "${name}" must be white on transparent only, but ${notWhite} visible pixels are not white`,
    );
  return problems;
}

/** Teams only loads tab pages (and SSO) from domains the manifest declares. */
function domainProblems(manifest: Json): string[] {
  const domains = asArray(manifest.validDomains).filter((domain): domain is string => typeof domain === 'string');
  return tabUrls(manifest).flatMap(([path, value]) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return [`${path}: "${value}" is not an absolute URL`];
    }
    if (url.protocol !== 'https:')
      return [`${path}: "${value}" must use https (Teams will not load tab pages over http)`];
    if (!domains.some((domain) => domainMatches(domain, url.host))) {
      return [
        `${path}: the host "${url.host}" is not in validDomains (${domains.length > 0 ? domains.join(', ') : 'empty'})`,
      ];
    }
    return [];
  });
}

function tabUrls(manifest: Json): Array<[string, string]> {
  const urls: Array<[string, string]> = [];
  asArray(manifest.staticTabs).forEach((tab, index) => {
    for (const field of ['contentUrl', 'websiteUrl', 'searchUrl'] as const) {
      const value = asObject(tab)?.[field];
      if (typeof value === 'string') urls.push([`staticTabs[${index}].${field}`, value]);
    }
  });
  asArray(manifest.configurableTabs).forEach((tab, index) => {
    const value = asObject(tab)?.configurationUrl;
    if (typeof value === 'string') urls.push([`configurableTabs[${index}].configurationUrl`, value]);
  });
  return urls;
}

function domainMatches(domain: string, host: string): boolean {
  const pattern = domain.toLowerCase();
  const candidate = host.toLowerCase();
  if (pattern.startsWith('*.')) return candidate.endsWith(pattern.slice(1)) && candidate.length > pattern.length - 1;
  return pattern === candidate;
}

function botProblems(manifest: Json, expected: ExpectedValues): string[] {
  const bots = asArray(manifest.bots).map((bot) => asObject(bot) ?? {});
  const problems: string[] = [];
  if (expected.botId && bots.length > 0 && !bots.some((bot) => bot.botId === expected.botId)) {
    problems.push(
      `bots[0].botId: must be the deployed bot's id ${expected.botId} (BOT_ID), but it is ${JSON.stringify(bots[0]?.botId)}`,
    );
  }
  bots.forEach((bot, index) => {
    const scopes = new Set(asArray(bot.scopes));
    asArray(bot.commandLists).forEach((list, listIndex) => {
      const field = `bots[${index}].commandLists[${listIndex}]`;
      for (const scope of asArray(asObject(list)?.scopes)) {
        if (!scopes.has(scope)) problems.push(`${field}.scopes: "${String(scope)}" is not one of the bot's scopes`);
      }
      const titles = asArray(asObject(list)?.commands).map((command) => {
        const title = asObject(command)?.title;
        return typeof title === 'string' ? title.toLowerCase() : '';
      });
      const repeated = titles.filter((title, position) => titles.indexOf(title) !== position);
      if (repeated.length > 0) problems.push(`${field}.commands: "${repeated[0]}" is listed twice`);
    });
  });
  return problems;
}

/** Tab SSO only works when the resource is api://<the tab's host>/<the app registration's client id>. */
function singleSignOnProblems(manifest: Json): string[] {
  const info = asObject(manifest.webApplicationInfo);
  if (!info) return [];
  const hosts = [
    ...new Set(tabUrls(manifest).flatMap(([, value]) => (URL.canParse(value) ? [new URL(value).host] : []))),
  ];
  const allowed = hosts.map((host) => `api://${host}/${String(info.id)}`);
  if (allowed.length > 0 && !allowed.includes(String(info.resource))) {
    return [
      `webApplicationInfo.resource: must be "${allowed[0]}" (api://<tab host>/<client id>) for tab single sign-on, but it is ${JSON.stringify(info.resource)}`,
    ];
  }
  return [];
}

function versionProblems(manifest: Json): string[] {
  const schema = typeof manifest.$schema === 'string' ? /\/v(\d+\.\d+)\//.exec(manifest.$schema)?.[1] : undefined;
  if (schema && manifest.manifestVersion !== schema) {
    return [
      `manifestVersion: is ${JSON.stringify(manifest.manifestVersion)} but $schema is the v${schema} schema; make them the same`,
    ];
  }
  return [];
}

/**
 * From manifest 1.25 Teams refuses to install an app in the team scope unless it says which channel features it
 * supports (`supportsChannelFeatures`; "tier1" means all of them, shared and private channels included). The
 * schema makes the field optional, so only the upload would tell.
 */
function channelFeatureProblems(manifest: Json): string[] {
  const version = typeof manifest.manifestVersion === 'string' ? /^(\d+)\.(\d+)$/.exec(manifest.manifestVersion) : null;
  if (!version || Number(version[1]) !== 1 || Number(version[2]) < 25 || manifest.supportsChannelFeatures !== undefined)
    return [];
  const inTeams = [
    ...asArray(manifest.bots),
    ...asArray(manifest.configurableTabs),
    ...asArray(manifest.staticTabs),
  ].some((part) => asArray(asObject(part)?.scopes).includes('team'));
  return inTeams
    ? [
        'supportsChannelFeatures: must be set (to "tier1") when the app is used in teams, from manifest 1.25; Teams refuses the package otherwise',
      ]
    : [];
}

/** Every string in the manifest with a readable path such as `staticTabs[0].contentUrl`. */
export function stringsIn(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path || '(root)', value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, path ? `${path}.${key}` : key));
  }
  return [];
}

function asObject(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
