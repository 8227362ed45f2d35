import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import type { RunningApp } from './app.js';
import { startTelemetry } from './telemetry.js';

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
  const telemetry = await startTelemetry(config);
  // Loaded after telemetry has started, so that its instrumentation wraps the modules the app uses.
  const { startApp } = await import('./app.js');
  const starting = startApp(config, logger);
  // Listening for signals before the app is up: a stop asked for during start-up waits for it, then stops
  // cleanly (without a listener, Node would end the process at once, mid-write).
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    starting
      .then((app) => app.stop())
      // Telemetry that cannot be sent is lost, not a reason to fail the stop.
      .then(() =>
        telemetry
          .shutdown()
          .catch((error: unknown) => logger.warn({ err: { name: (error as Error)?.name } }, 'telemetry not flushed')),
      )
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: { message: (error as Error).message } }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return starting;
}

if (
  import.meta.url === `file://${process.argv[1]}` ||
  process.argv[1]?.endsWith('server/main.ts') ||
  process.argv[1]?.endsWith('server/main.js')
) {
  main().catch((error: unknown) => {
    process.stderr.write(`Involvement Hub could not start: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
