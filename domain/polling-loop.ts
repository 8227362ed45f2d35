import type { DomainLogger } from './ports.js';

/**
 * A pass run over and over in the background: the first at once, each next one `pollMs` after the last ended (never
 * two at the same time), or at once after `kick()` (a kick during a pass runs another as soon as it ends). A pass
 * that throws is logged by its error's name only and tried again at the next poll. The timer never keeps the
 * process alive; `stop()` waits for a pass under way. Shared by the outbox dispatcher and the scheduler.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly options: {
      readonly pass: () => Promise<unknown>;
      readonly pollMs: number;
      readonly logger: DomainLogger;
      /** What the log says when a pass throws. */
      readonly failed: string;
    },
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Run a pass now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.options
        .pass()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.options.logger.warn({ err: { name: (error as Error)?.name } }, this.options.failed),
        )
        .finally(() => {
          this.running = undefined;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : this.options.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
