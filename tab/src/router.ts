import { useEffect, useState } from 'react';

/**
 * Every page of the tab, written once: the router matches the address against these patterns (tab/src/pages.tsx
 * says which view each one shows) and every link and redirect in the tab is built from them with `linkTo`.
 * The order is the order of matching: a pattern matches the first segments of the address, so the more
 * particular one comes first (`partners/new` before `partners/:id`, `claims/:id` before `claims`).
 */
const PATHS = {
  config: 'config',
  work: 'work',
  newPartner: 'partners/new',
  editPartner: 'partners/:id/edit',
  partner: 'partners/:id',
  claim: 'claims/:id',
  newOpportunity: 'opportunities/new',
  opportunity: 'opportunities/:id',
  opportunities: 'opportunities',
  claims: 'claims',
  paymentBatch: 'payments/:id',
  payments: 'payments',
  team: 'team',
  organisations: 'organisations',
  applications: 'applications',
  supportPlan: 'support/:hostId/:requestId',
  support: 'support',
  impact: 'impact',
  partners: 'partners',
} as const;

export type PathName = keyof typeof PATHS;

type ParamNames<Pattern extends string> = Pattern extends `${infer Head}/${infer Rest}`
  ? ParamNames<Head> | ParamNames<Rest>
  : Pattern extends `:${infer Name}`
    ? Name
    : never;

/** The named segments of a path, e.g. `{ id }` for `partners/:id`. */
export type PathParams<Name extends PathName> = { readonly [Key in ParamNames<(typeof PATHS)[Name]>]: string };

/** The pages whose path names no segment, e.g. `partners` or `claims`. */
export type PlainPathName = {
  [Name in PathName]: [ParamNames<(typeof PATHS)[Name]>] extends [never] ? Name : never;
}[PathName];

/** The query of a link: a value left empty or undefined is not written. */
type Query = Readonly<Record<string, string | undefined>>;

type LinkArgs<Name extends PathName> = [ParamNames<(typeof PATHS)[Name]>] extends [never]
  ? [query?: Query]
  : [params: PathParams<Name>, query?: Query];

export interface Route {
  /** Path segments after `#/`, e.g. ["partners", "abc"]. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

/** Hash routing: works from a static file server and inside Teams' iframe without server rewrites. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** The address of a page, e.g. `linkTo('partner', { id })` or `linkTo('work', { area })`. */
export function linkTo<Name extends PathName>(name: Name, ...args: LinkArgs<Name>): string {
  const pattern: string = PATHS[name];
  const named = pattern.includes(':');
  const params = (named ? args[0] : {}) as Readonly<Record<string, string>>;
  const query = named ? args[1] : args[0];
  const path = pattern
    .split('/')
    .map((segment) => (segment.startsWith(':') ? encodeURIComponent(params[segment.slice(1)] ?? '') : segment))
    .join('/');
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) search.set(key, value);
  const text = search.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

export function navigateTo<Name extends PathName>(name: Name, ...args: LinkArgs<Name>): void {
  window.location.hash = linkTo(name, ...args);
}

/** The page the address shows, with its named segments; undefined when none matches. */
export function matchRoute(route: Route): { name: PathName; params: Readonly<Record<string, string>> } | undefined {
  for (const name of Object.keys(PATHS) as PathName[]) {
    const params = matchPattern(PATHS[name], route.segments);
    if (params) return { name, params };
  }
  return undefined;
}

/** The first segment of a page's path: the section of the register it belongs to. */
export function sectionOf(name: PathName): string {
  return PATHS[name].split('/')[0] ?? '';
}

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = pattern.split('/');
  if (segments.length < parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}
