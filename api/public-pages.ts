import type { Server } from 'restify';
import type { AppConfig } from '../server/config.js';
import type { Services } from '../server/services.js';
import { IMMUTABLE } from '../server/tab-files.js';
import { registerConsentRenewalRoutes } from './consent-renewal-routes.js';
import { registerEvaluationRoutes } from './evaluation-routes.js';
import { registerInvitationRoutes } from './invitation-routes.js';
import { registerJoinRoutes } from './join-routes.js';
import { createPublicRoute, type PublicRoute } from './public-route.js';
import { loadPageScripts, type PageScript, type PageScripts } from './public-scripts.js';
import type { ApiContext } from './routes.js';

/** What each public page's routes take: the one door, the services, the built scripts, the configuration. */
export interface PublicPagesContext {
  readonly route: PublicRoute;
  readonly services: Services;
  readonly scripts: PageScripts;
  readonly config: AppConfig;
}

/**
 * The addresses the pages loaded their scripts from before those were built with hashed names: each now sends
 * the browser to the current build, so a page kept open across a deployment, or a link to the script, still works.
 */
const STABLE_SCRIPT_PATHS: ReadonlyArray<readonly [string, PageScript]> = [
  ['/join/join.js', 'join'],
  ['/how-was-it/form.js', 'how-was-it'],
  ['/consent/form.js', 'consent'],
  ['/invitation/answer.js', 'invitation'],
];

/**
 * The pages partners open outside Teams, all through one door (api/public-route.ts). Their scripts are read from
 * the build at start (`scriptsDir`, dist/public-pages): without it the server stops here, saying what to run.
 */
export function registerPublicPages(
  server: Server,
  context: ApiContext,
  options: { readonly scriptsDir: string },
): void {
  const scripts = loadPageScripts(options.scriptsDir);
  const route = createPublicRoute(server, context);
  for (const [path, body] of scripts.files)
    route({ method: 'GET', path }, async () => ({
      file: body,
      contentType: 'text/javascript; charset=utf-8',
      cache: IMMUTABLE,
    }));
  for (const [path, page] of STABLE_SCRIPT_PATHS)
    route({ method: 'GET', path }, async () => ({ redirect: scripts.urlOf(page) }));
  const pages: PublicPagesContext = { route, services: context.services, scripts, config: context.config };
  registerJoinRoutes(pages);
  registerInvitationRoutes(pages);
  registerEvaluationRoutes(pages);
  registerConsentRenewalRoutes(pages);
}
