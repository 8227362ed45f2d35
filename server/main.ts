import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startApp, type RunningApp } from './app.js';

/** Production entry point: the plain server. `scripts/start-local.ts` adds the Agents Playground for local use. */
export async function main(): Promise<RunningApp> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Configuration", for every variable.\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: { message: (error as Error).message } }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return app;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('server/main.ts') || process.argv[1]?.endsWith('server/main.js')) {
  main().catch((error: unknown) => {
    process.stderr.write(`Involvement Hub could not start: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
