import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import restify from 'restify';
import type { JWTVerifyGetKey } from 'jose';
import { createAdapter, type TeamsAdapter } from '../bot/adapter.js';
import { InvolvementBot } from '../bot/involvement-bot.js';
import { registerApi } from '../api/routes.js';
import { openDatabase, type DatabaseHandle } from '../storage/database.js';
import type { CosmosConnection } from '../storage/cosmos.js';
import { EMULATOR_KEY } from '../storage/local-cosmos.js';
import type { AppConfig } from './config.js';
import type { Clock } from '../domain/ports.js';
import type { Logger } from './logger.js';
import { createServices, type Services } from './services.js';
import { createFeatures } from './features.js';
import { seedDemoData } from '../demo/seed-demo-data.js';
import { tabFiles } from './tab-files.js';
import { recordRoute } from './telemetry.js';
import { jsonBody, refuseUnexpectedBodies } from './json-body.js';
import { startLocalNotifyServer, type LocalNotifyServer } from '../storage/local-notify.js';
import { registerDevNotifyRoutes } from './dev-notify.js';
import { registerPublicPages } from '../api/public-pages.js';

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly services: Services;
  readonly database: DatabaseHandle;
  readonly bot: InvolvementBot;
  readonly adapter: TeamsAdapter;
  /** Local mode: the local GOV.UK Notify server the app started (its messages are at /dev/notify). */
  readonly localNotify: LocalNotifyServer | undefined;
  /** Every route the server answers (method and path pattern), for tests that must cover them all. */
  readonly routes: ReadonlyArray<{ readonly method: string; readonly path: string }>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Use an already-running Cosmos (tests share one embedded server across apps). */
  readonly cosmosConnection?: CosmosConnection;
  /** Where the built tab lives; defaults to dist/tab. */
  readonly tabDir?: string;
  /** Tests only: verify tab SSO tokens against this key set instead of Microsoft Entra's. */
  readonly authKeys?: JWTVerifyGetKey;
  /** Tests only: the OpenID configuration the Bot Framework's signing keys are read from (see bot/adapter.ts). */
  readonly botOpenIdMetadataUrl?: string;
  /** Tests only: the time the outbox and the scheduled jobs go by (a controllable clock). */
  readonly clock?: Clock;
}

/**
 * Bot Framework activities carry at most a card's inputs or a message with attachment links; Teams
 * refuses messages near 100 KB, and the Bot Framework's own limit for an activity is 256 KB.
 */
const BOT_ACTIVITY_MAX_BYTES = 262_144;

// From source (server/app.ts) or compiled (dist/server/app.js), the built tab is <project>/dist/tab.
const PROJECT_ROOT = join(
  import.meta.dirname,
  import.meta.dirname.includes(`${join('dist', 'server')}`) ? '../..' : '..',
);
const TAB_DIR = join(PROJECT_ROOT, 'dist', 'tab');
// The public pages' browser scripts (public-pages/vite.config.ts); the server does not start without them.
const PUBLIC_PAGES_DIR = join(PROJECT_ROOT, 'dist', 'public-pages');

/** Starts the one server process: bot endpoint, tab and its API, health check. */
export async function startApp(config: AppConfig, logger: Logger, options: StartOptions = {}): Promise<RunningApp> {
  const database = await openDatabase({
    databaseId: config.cosmos.database,
    connection: options.cosmosConnection ?? connectionFor(config),
    ...(config.cosmos.kind === 'local' ? { persistDir: config.cosmos.dataDir } : {}),
  });
  logger.info({ mode: config.mode, credential: database.credentialKind }, 'database ready');
  let localNotify: LocalNotifyServer | undefined;
  try {
    localNotify = await startLocalNotify(config, logger);
    const services = await createServices(config, database, logger, {
      ...(options.clock ? { clock: options.clock } : {}),
      localNotify,
    });
    if (config.seedDemoData) await seedDemoData(services, logger);
    const adapter = createAdapter(
      config.bot,
      logger,
      options.botOpenIdMetadataUrl ? { openIdMetadataUrl: options.botOpenIdMetadataUrl } : {},
    );
    const features = createFeatures(config, services, () => bot.helpTopics());
    const bot: InvolvementBot = new InvolvementBot({
      features,
      directory: services.directory,
      directoryStore: services.directoryStore,
      storage: services.botStorage,
      logger,
    });
    services.attachAdapter(adapter, bot);

    const server = createHttpServer(
      config,
      logger,
      database,
      adapter,
      bot,
      services,
      options.tabDir ?? TAB_DIR,
      options.authKeys,
      localNotify,
    );
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address();
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    services.startBackgroundWork();
    logger.info({ url, mode: config.mode }, 'Involvement Hub is listening');
    return {
      url,
      port,
      services,
      database,
      bot,
      adapter,
      localNotify,
      routes: Object.values(server.router.getRoutes()).map((route) => ({
        method: route.method,
        path: String(route.path),
      })),
      stop: async () => {
        await services.stopBackgroundWork();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.server.closeAllConnections?.();
        });
        await services.close();
        await localNotify?.stop();
        await database.close();
        logger.info('Involvement Hub stopped');
      },
    };
  } catch (error) {
    await localNotify?.stop();
    await database.close();
    throw error;
  }
}

/** Local mode: the local GOV.UK Notify server, kept beside the local database's files when there are any. */
async function startLocalNotify(config: AppConfig, logger: Logger): Promise<LocalNotifyServer | undefined> {
  if (config.notify?.kind !== 'local') return undefined;
  const localNotify = await startLocalNotifyServer(
    config.cosmos.kind === 'local' && !config.cosmos.sharedEndpoint
      ? { persistFile: join(config.cosmos.dataDir, 'notify.json') }
      : {},
  );
  logger.info({ url: localNotify.baseUrl }, 'local GOV.UK Notify server listening');
  return localNotify;
}

function connectionFor(config: AppConfig): CosmosConnection | undefined {
  if (config.cosmos.kind === 'azure') {
    return {
      kind: 'azure',
      endpoint: config.cosmos.endpoint,
      key: config.cosmos.key,
      managedIdentityClientId: config.cosmos.managedIdentityClientId,
    };
  }
  return config.cosmos.sharedEndpoint
    ? { kind: 'local', endpoint: config.cosmos.sharedEndpoint, key: EMULATOR_KEY }
    : undefined;
}

function createHttpServer(
  config: AppConfig,
  logger: Logger,
  database: DatabaseHandle,
  adapter: TeamsAdapter,
  bot: InvolvementBot,
  services: Services,
  tabDir: string,
  authKeys?: JWTVerifyGetKey,
  localNotify?: LocalNotifyServer,
): restify.Server {
  const server = restify.createServer({
    name: 'involvement-hub',
    handleUncaughtExceptions: false,
    log: logger as never,
    formatters: { 'application/problem+json': (_req, _res, body) => JSON.stringify(body) },
  });
  server.on('restifyError', answerRestifyErrorsAsProblems);
  useRequestBasics(server, logger);

  // The token is checked before the body is read; then the activity's shape; then the turn.
  server.post(
    '/api/messages',
    adapter.verifyToken,
    jsonBody({ maxBytes: BOT_ACTIVITY_MAX_BYTES }),
    async (req, res) => {
      await adapter.handleActivity(
        req,
        res,
        (context) => bot.run(context),
        (req as unknown as { log?: Logger }).log ?? logger,
      );
    },
  );

  server.get('/healthz', async (_req, res) => {
    try {
      await database.ping();
      res.json(200, { status: 'ok', database: 'reachable', mode: config.mode });
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message } }, 'health check failed');
      res.json(503, { status: 'unavailable', reason: 'The database cannot be reached' });
    }
  });

  registerApi(server, { config, services, logger, authKeys });
  registerPublicPages(server, { config, services, logger, authKeys }, { scriptsDir: PUBLIC_PAGES_DIR });
  if (localNotify && config.mode === 'local') registerDevNotifyRoutes(server, localNotify);

  serveTheTab(server, tabDir);
  return server;
}

/** Every request: an id, the safe headers, a logger that names the request, and one log line when answered. */
function useRequestBasics(server: restify.Server, logger: Logger): void {
  server.use((req, res, next) => {
    const requestId = (req.header('x-request-id') || randomUUID()).slice(0, 64);
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    (req as unknown as { log: Logger }).log = logger.child({ requestId });
    recordRoute(req.getRoute()?.path?.toString());
    next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // No body parser: only routes with `jsonBody` read a body (JSON, size-limited); every other body is refused.
  server.use(refuseUnexpectedBodies);
  server.on('after', (req: restify.Request, res: restify.Response) => {
    const log = logger.child({ requestId: res.getHeader('x-request-id') });
    // Paths only: query strings can carry search terms typed by people.
    log.info(
      { method: req.method, path: req.getPath(), status: res.statusCode, ms: Date.now() - req.time() },
      'request',
    );
  });
}

/** The built tab under /tab/ (framed by Teams only), or a plain "not built" answer. */
function serveTheTab(server: restify.Server, tabDir: string): void {
  server.get('/', (_req, res, next) => {
    res.redirect(302, '/tab/', next);
  });
  if (existsSync(tabDir)) {
    const serveTab = tabFiles(tabDir);
    const tabRoute = async (req: restify.Request, res: restify.Response) => {
      await serveTab(req, res);
    };
    server.get('/tab/*', allowFramingByTeamsOnly, tabRoute);
    server.head('/tab/*', allowFramingByTeamsOnly, tabRoute);
  } else {
    server.get('/tab/*', async (_req, res) => {
      res.json(503, {
        title: 'The tab has not been built',
        detail: 'Run "npm run build:tab" (npm start does this for you).',
      });
    });
  }
}

const PLAIN_PROBLEMS: Readonly<Record<number, { title: string; detail: string }>> = {
  400: { title: 'Check your answers', detail: 'The request could not be read. Please reload the page and try again.' },
  404: { title: 'Not found', detail: 'There is nothing at this address.' },
  405: { title: 'Not allowed', detail: 'This address does not accept that kind of request.' },
};

/**
 * Errors restify raises before a route runs (an unknown address, a method the address does not take)
 * get the API's one error shape as well, in plain words: never the parser's message, which can echo the body.
 */
function answerRestifyErrorsAsProblems(
  req: restify.Request,
  res: restify.Response,
  error: Error & { statusCode?: number; toJSON?: () => unknown },
  callback: () => void,
): void {
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  const plain =
    PLAIN_PROBLEMS[status] ??
    (status < 500
      ? PLAIN_PROBLEMS[400]!
      : {
          title: 'Something went wrong',
          detail: 'Something went wrong on our side and nothing was changed. Please try again.',
        });
  error.toJSON = () => ({ status, ...plain });
  req.resume(); // any body is discarded as it arrives, never read
  res.setHeader('content-type', 'application/problem+json; charset=utf-8');
  callback();
}

/**
 * The tab runs inside Teams (and Outlook and Microsoft 365, which host Teams apps); no other site may
 * frame it (clickjacking). The list follows Microsoft's guidance for Teams tab content security policy.
 */
const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://*.skype.com',
].join(' ');

function allowFramingByTeamsOnly(_req: restify.Request, res: restify.Response, next: restify.Next): void {
  res.setHeader('content-security-policy', `frame-ancestors ${TEAMS_FRAME_ANCESTORS}`);
  next();
}
