import { metrics, trace, type Counter } from '@opentelemetry/api';
import type { AppConfig } from './config.js';
import { PrivacySpanProcessor } from './privacy-span-processor.js';

/**
 * OpenTelemetry to Application Insights, through Microsoft's distro, when APPLICATIONINSIGHTS_CONNECTION_STRING
 * is set: incoming requests, outgoing HTTP (Cosmos DB, the Bot Connector, Entra) and Azure SDK calls as
 * dependencies, and the outbox's delivery counts as a metric. Start it before the app's modules load, so the
 * instrumentation wraps them (server/main.ts imports the app after this).
 *
 * Only what helps find a fault is sent: PrivacySpanProcessor strips query strings, IP addresses, user agents,
 * query texts and exception messages from every span; log records and live metrics (which would stream request
 * URLs) are off; logs stay in pino, which never holds personal data.
 */
export interface Telemetry {
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

const NO_TELEMETRY: Telemetry = { shutdown: async () => undefined };

export async function startTelemetry(config: AppConfig): Promise<Telemetry> {
  if (!config.telemetry) return NO_TELEMETRY;
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: config.telemetry.connectionString },
    spanProcessors: [new PrivacySpanProcessor()],
    enableLiveMetrics: false,
    // Every trace, not the distro's default of 5 a second: a trust's involvement team makes few requests, and
    // the one that failed is the one worth seeing.
    samplingRatio: 1,
    tracesPerSecond: 0,
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      console: { enabled: false },
    },
  });
  return { shutdown: () => shutdownAzureMonitor() };
}

/**
 * Counts outbox delivery attempts by outcome, topic and target (no ids: a count says whether messages are getting
 * through, the log says which). Without telemetry started, OpenTelemetry's API makes this a no-op; with it, it
 * must be created after startTelemetry, which server/main.ts ensures by starting the app afterwards.
 */
export function outboxDeliveryCounter(): (attempt: {
  readonly outcome: string;
  readonly topic: string;
  readonly target: string;
}) => void {
  const counter: Counter = metrics.getMeter('involvement-hub').createCounter('outbox.deliveries', {
    description: 'Outbox delivery attempts (cards to hosts and the IEV channel), by outcome',
    unit: '{attempt}',
  });
  return ({ outcome, topic, target }) => counter.add(1, { outcome, topic, target });
}

/**
 * Gives the request's span its route ("/api/partners/:id"): Application Insights then names and groups requests
 * by route ("GET /api/partners/:id") rather than by the ids in their paths. A no-op without telemetry.
 */
export function recordRoute(route: string | undefined): void {
  if (route) trace.getActiveSpan()?.setAttribute('http.route', route);
}
