import { OutboxDeliverers } from '../domain/notifications/outbox-deliverers.js';
import { OutboxDispatcher } from '../domain/notifications/outbox-dispatcher.js';
import type { Clock } from '../domain/ports.js';
import type { Containers } from '../storage/cosmos.js';
import { OutboxStore } from '../storage/outbox-store.js';
import type { Logger } from './logger.js';
import { outboxDeliveryCounter } from './telemetry.js';

/**
 * The one durable outbox every feature owes its messages to (claims, and whatever comes next), and
 * the one dispatcher that delivers them. A feature enqueues with its topic and registers the
 * topic's deliverer with `deliverers.handle` where it is wired.
 */
export interface OutboxModule {
  readonly store: OutboxStore;
  readonly deliverers: OutboxDeliverers;
  readonly dispatcher: OutboxDispatcher;
}

export function createOutboxModule({
  containers,
  logger,
  now,
}: {
  readonly containers: Containers;
  readonly logger: Logger;
  readonly now: Clock;
}): OutboxModule {
  const store = new OutboxStore(containers);
  const deliverers = new OutboxDeliverers();
  const dispatcher = new OutboxDispatcher({
    store,
    logger,
    deliver: deliverers.deliver,
    onAttempt: outboxDeliveryCounter(),
    now,
  });
  return { store, deliverers, dispatcher };
}
