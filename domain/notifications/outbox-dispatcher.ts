import { ConflictError } from '../errors.js';
import { withoutVersion } from '../concurrency.js';
import { PollingLoop } from '../polling-loop.js';
import type { Clock, DomainLogger, Versioned } from '../ports.js';
import { topicOf } from './outbox-deliverers.js';
import type { OutboxMessage, OutboxRepository, OutboxTopic } from './ports.js';

/** What a delivery attempt achieved. `wait`: not possible yet (e.g. no IEV channel); try again later. */
export type DeliveryOutcome = 'delivered' | 'void' | 'wait';

export type Deliver = (message: OutboxMessage) => Promise<DeliveryOutcome>;

export interface DispatcherOptions {
  readonly store: OutboxRepository;
  readonly deliver: Deliver;
  readonly logger: DomainLogger;
  readonly pollMs?: number;
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly now?: Clock;
  /** Told of every attempt's outcome (for a delivery-count metric); never of the message itself. */
  readonly onAttempt?: (attempt: {
    readonly outcome: AttemptOutcome;
    readonly topic: OutboxTopic;
    readonly target: OutboxMessage['target'];
  }) => void;
}

/** delivered / void (nothing to send any more) / waiting (not possible yet) / retry (an error) / failed (gave up). */
export type AttemptOutcome = 'delivered' | 'void' | 'waiting' | 'retry' | 'failed';

/** While one instance is delivering a message, others leave it alone for this long. */
const LEASE_MS = 60_000;
const MAX_DELAY_MS = 10 * 60_000;

/**
 * Delivers what the outbox owes (each message by its topic's deliverer), retrying failures with exponential backoff and jitter (Teams
 * throttles with 429 and Retry-After). Safe with several server instances: each message is leased
 * with a conditional write before it is sent.
 */
export class OutboxDispatcher {
  private readonly loop: PollingLoop;
  /** Attempts under way in this process, so "deliver now" and a pass never deliver one message twice. */
  private readonly inFlight = new Map<string, Promise<boolean>>();

  constructor(private readonly options: DispatcherOptions) {
    this.loop = new PollingLoop({
      pass: () => this.runOnce(),
      pollMs: options.pollMs ?? 1000,
      logger: options.logger,
      failed: 'outbox pass failed; will retry',
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Stops the passes and waits for every delivery under way, so nothing is sent after it returns. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.allSettled(this.inFlight.values());
  }

  /** Deliver now (something was just enqueued) rather than at the next poll. */
  kick(): void {
    this.loop.kick();
  }

  /**
   * Delivers one message now, inside the request that owed it, rather than at the next pass: used
   * where the person acting should see its effect at once (a decision updates the IEV channel's
   * card). Never throws; whatever fails here is retried by the passes, as for any message.
   */
  async deliverNow(id: string): Promise<void> {
    try {
      const running = this.inFlight.get(id);
      if (running) {
        await running;
        return;
      }
      const message = await this.options.store.find(id);
      if (!message || message.status !== 'pending') return;
      const now = this.now().getTime();
      // Leased by another instance, or backing off after Teams refused it (429 and Retry-After): leave it to the passes.
      // A message that only waited (its event was not written yet) is tried at once.
      if (message.leasedUntil && Date.parse(message.leasedUntil) > now) return;
      if (message.lastError && Date.parse(message.nextAttemptAt) > now) return;
      await this.attempt(message);
    } catch (error) {
      this.options.logger.warn(
        { messageId: id, err: { name: (error as Error)?.name } },
        'outbox message not delivered now; a pass will retry',
      );
    }
  }

  /** One pass over every message that is due. Exposed for tests and for a manual "send now". */
  async runOnce(): Promise<number> {
    const now = this.now();
    const due = await this.options.store.due(now, 20);
    let handled = 0;
    for (const message of due) {
      if (await this.attempt(message)) handled += 1;
    }
    return handled;
  }

  private attempt(message: Versioned<OutboxMessage>): Promise<boolean> {
    const running = this.inFlight.get(message.id);
    if (running) return running;
    const attempt = this.leaseAndDeliver(message).finally(() => this.inFlight.delete(message.id));
    this.inFlight.set(message.id, attempt);
    return attempt;
  }

  private async leaseAndDeliver(message: Versioned<OutboxMessage>): Promise<boolean> {
    const now = this.now();
    const leaseEnds = new Date(now.getTime() + LEASE_MS).toISOString();
    let leased: Versioned<OutboxMessage>;
    try {
      leased = await this.options.store.replace(
        { ...withoutVersion(message), nextAttemptAt: leaseEnds, leasedUntil: leaseEnds },
        message._etag,
      );
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
    let outcome: DeliveryOutcome;
    let failure: { code: string; retryAfterMs: number | undefined } | undefined;
    try {
      outcome = await this.options.deliver(withoutVersion(leased));
    } catch (error) {
      outcome = 'wait';
      failure = describeFailure(error);
    }
    const attempts = leased.attempts + 1;
    const maxAttempts = this.options.maxAttempts ?? 12;
    const finished = outcome !== 'wait';
    // Only errors use up attempts. "Not possible yet" (no IEV channel set up, the host never opened a chat)
    // keeps waiting at the longest delay: giving up would lose a claim that is simply early.
    const status: OutboxMessage['status'] =
      outcome === 'delivered'
        ? 'delivered'
        : outcome === 'void'
          ? 'void'
          : failure && attempts >= maxAttempts
            ? 'failed'
            : 'pending';
    const delay = Math.max(this.backoff(attempts), failure?.retryAfterMs ?? 0);
    const done = this.now();
    await this.options.store.replace(
      {
        ...withoutVersion(leased),
        status,
        attempts,
        leasedUntil: undefined,
        nextAttemptAt: new Date(done.getTime() + (finished ? 0 : delay)).toISOString(),
        ...(outcome === 'delivered' ? { deliveredAt: done.toISOString() } : {}),
        ...(failure ? { lastError: failure.code } : {}),
      },
      leased._etag,
    );
    this.options.onAttempt?.({
      outcome: status === 'pending' ? (failure ? 'retry' : 'waiting') : status,
      topic: topicOf(message),
      target: message.target,
    });
    const log = {
      messageId: message.id,
      topic: topicOf(message),
      target: message.target,
      attempts,
      status,
      ...(failure ? { error: failure.code } : {}),
    };
    if (status === 'failed') this.options.logger.warn(log, 'outbox message gave up after repeated failures');
    else this.options.logger.info(log, 'outbox attempt');
    return finished;
  }

  /** Exponential backoff with full jitter between half and all of the step. */
  private backoff(attempts: number): number {
    const step = Math.min(MAX_DELAY_MS, (this.options.baseDelayMs ?? 1000) * 2 ** Math.min(attempts - 1, 16));
    return Math.round(step / 2 + Math.random() * (step / 2));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** Status code and Retry-After from a Bot Connector error; never the message text (it can echo content). */
function describeFailure(error: unknown): { code: string; retryAfterMs: number | undefined } {
  const record = error as {
    statusCode?: unknown;
    response?: { headers?: { get?: (name: string) => string | undefined } };
    name?: unknown;
  } | null;
  const status = typeof record?.statusCode === 'number' ? record.statusCode : undefined;
  const retryAfter = record?.response?.headers?.get?.('retry-after');
  const seconds = retryAfter !== undefined ? Number(retryAfter) : Number.NaN;
  return {
    code: status ? `http-${status}` : typeof record?.name === 'string' ? record.name : 'error',
    retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : undefined,
  };
}
