import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { startApp, type RunningApp, type StartOptions } from '../../server/app.js';
import type { Services } from '../../server/services.js';
import { ChatClient } from './chat.js';
import { LocalConnector } from './connector.js';
import { freshDatabaseName, sharedCosmos } from './cosmos.js';
import type { TestUser } from './users.js';

export interface TestAppOptions {
  /** Extra environment, as the app would read it (e.g. IEV_MEMBER_IDS). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Join an existing test database (a second instance of the same deployment). */
  readonly database?: string;
  /** Share a connector with another instance (same "Teams"). */
  readonly connector?: LocalConnector;
  /** Extra start options (test hooks). */
  readonly start?: Omit<StartOptions, 'cosmosConnection'>;
}

/**
 * The whole app in this process, on a fresh database of the shared embedded Cosmos server, with a
 * local Bot Connector standing in for Teams. `restart()` stops and starts it on the same database.
 */
export class TestApp {
  private constructor(
    private running: RunningApp,
    readonly config: AppConfig,
    readonly connector: LocalConnector,
    readonly databaseName: string,
    private readonly options: TestAppOptions,
    private readonly ownsConnector: boolean,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const connector = options.connector ?? (await new LocalConnector().start());
    const databaseName = options.database ?? freshDatabaseName();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      COSMOS_DATABASE: databaseName,
      LOCAL_DATA_DIR: await mkdtemp(join(tmpdir(), 'involvement-hub-test-')),
      SEED_DEMO_DATA: 'false',
      // Tests run the scheduled jobs themselves (`services.schedule.scheduler.tick()`), with their own clock.
      SCHEDULED_JOBS: 'off',
      ...options.env,
    });
    const running = await TestApp.launch(config, options);
    return new TestApp(running, config, connector, databaseName, options, !options.connector);
  }

  private static async launch(config: AppConfig, options: TestAppOptions): Promise<RunningApp> {
    return startApp(config, createLogger(config.logLevel), {
      ...options.start,
      cosmosConnection: await sharedCosmos(),
    });
  }

  get url(): string {
    return this.running.url;
  }

  get services(): Services {
    return this.running.services;
  }

  get app(): RunningApp {
    return this.running;
  }

  /** A 1:1 chat between `user` and the bot. */
  personalChat(user: TestUser): ChatClient {
    return new ChatClient(() => this.url, this.connector, user, { id: `a:personal-${user.id}`, type: 'personal' });
  }

  /** A team channel where `user` @mentions the bot. */
  channel(user: TestUser, where: { teamId?: string; channelId?: string } = {}): ChatClient {
    const channelId = where.channelId ?? '19:iev-channel@thread.tacv2';
    return new ChatClient(() => this.url, this.connector, user, {
      id: `${channelId};messageid=1700000000000`,
      type: 'channel',
      teamId: where.teamId ?? '19:iev-team@thread.tacv2',
      channelId,
    });
  }

  /** Sends a fetch to the app with a developer identity (local mode, no SSO). */
  async api(path: string, init: RequestInit & { as?: TestUser } = {}): Promise<Response> {
    const { as, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (as) headers.set('x-developer-identity', as.id);
    if (rest.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${this.url}${path}`, { ...rest, headers });
  }

  /** GETs a JSON resource as `as`; returns the status and the parsed body (a problem body on errors). */
  async getJson<T>(path: string, as: TestUser): Promise<{ status: number; body: T }> {
    const response = await this.api(path, { as });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** Stops and starts the server again on the same database, as after a deployment or crash-restart. */
  async restart(): Promise<void> {
    await this.running.stop();
    this.running = await TestApp.launch(this.config, this.options);
  }

  async stop(): Promise<void> {
    await this.running.stop();
    if (this.ownsConnector) await this.connector.stop();
  }
}

export const startTestApp = (options?: TestAppOptions): Promise<TestApp> => TestApp.start(options);
