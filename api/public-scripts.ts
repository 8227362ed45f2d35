import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The public pages' browser scripts (public-pages/src, built by `npm run build:public` into dist/public-pages): each
 * file is named after a hash of its content, so it is sent as immutable and a page always loads the script it was
 * written with. The names come from Vite's manifest, read once at start; without a build the server does not start.
 */
export type PageScript = 'join' | 'how-was-it' | 'invitation' | 'consent';

export const PAGE_SCRIPTS_PATH = '/public-pages/';

export interface PageScripts {
  /** The address a page loads its own script from (a module: it imports the shared functions itself). */
  readonly urlOf: (page: PageScript) => string;
  /** Every file of the build, by address. */
  readonly files: ReadonlyMap<string, Buffer>;
}

interface ManifestEntry {
  readonly file: string;
}

export function loadPageScripts(dir: string): PageScripts {
  const manifestPath = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(
      `The public pages' scripts have not been built (${manifestPath} is missing): run "npm run build:public" (npm start and npm test do this for you).`,
    );
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Readonly<Record<string, ManifestEntry>>;
  const urlOfSource = new Map(Object.entries(manifest).map(([source, { file }]) => [source, PAGE_SCRIPTS_PATH + file]));
  const files = new Map(
    Object.values(manifest).map(({ file }) => [PAGE_SCRIPTS_PATH + file, readFileSync(join(dir, file))] as const),
  );
  const urlOf = (page: PageScript): string => {
    const url = urlOfSource.get(`src/${page}.ts`);
    if (!url) throw new Error(`The public pages' build has no script for ${page}: run "npm run build:public".`);
    return url;
  };
  // Asked for every page now, so a build that lacks one stops the start, not a partner's visit.
  for (const page of ['join', 'how-was-it', 'invitation', 'consent'] as const) urlOf(page);
  return { urlOf, files };
}
