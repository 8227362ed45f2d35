import { ConflictError } from '../errors.js';
import { withoutVersion } from '../concurrency.js';
import { PollingLoop } from '../polling-loop.js';
import type { Clock, DomainLogger, Versioned } from '../ports.js';
import type { ScheduleRun, ScheduleRunRepository } from './ports.js';

/**
 * A job run on a schedule. `periodAt` names the period `now` falls in once the job is due (undefined
 * before), and `run` does the period's work. A run must be safe to repeat: every effect is owed to the
 * outbox under an id that names it, so a run taken over after a crash sends nothing twice.
 */
export interface ScheduledJob {
  readonly name: string;
  periodAt(now: Date): string | undefined;
  run(period: string, now: Date): Promise<void>;
}

export interface SchedulerOptions {
  readonly runs: ScheduleRunRepository;
  readonly jobs: readonly ScheduledJob[];
  readonly now: Clock;
  readonly logger: DomainLogger;
  readonly pollMs?: number;
  /** How long a run may take before another instance may take it over. */
  readonly leaseMs?: number;
}

const DEFAULT_LEASE_MS = 10 * 60_000;

/**
 * Runs each job once per period, whatever the number of server instances or restarts: the run record
 * (`job:period`) is created conditionally, so exactly one instance starts it; a run whose instance
 * died is taken over when its lease ends (a conditional replace, so by one instance only).
 */
export class Scheduler {
  private readonly loop: PollingLoop;

  constructor(private readonly options: SchedulerOptions) {
    this.loop = new PollingLoop({
      pass: () => this.tick(),
      pollMs: options.pollMs ?? 60_000,
      logger: options.logger,
      failed: 'scheduled jobs pass failed; will retry',
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Runs every job that is due now and not yet run for its period. Returns the jobs this instance ran. */
  async tick(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.options.jobs) {
      try {
        if (await this.runIfDue(job)) ran.push(job.name);
      } catch (error) {
        this.options.logger.warn(
          { job: job.name, err: { name: (error as Error)?.name } },
          'scheduled job failed; it is tried again',
        );
      }
    }
    return ran;
  }

  private async runIfDue(job: ScheduledJob): Promise<boolean> {
    const now = this.options.now();
    const period = job.periodAt(now);
    if (period === undefined) return false;
    const lease = new Date(now.getTime() + (this.options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
    const { run, created } = await this.options.runs.createRun({
      id: `schedule-run:${job.name}:${period}`,
      type: 'schedule-run',
      schemaVersion: 1,
      job: job.name,
      period,
      status: 'running',
      leasedUntil: lease,
      attempts: 1,
      startedAt: now.toISOString(),
    });
    let mine: Versioned<ScheduleRun> = run;
    if (!created) {
      if (run.status === 'done' || Date.parse(run.leasedUntil) > now.getTime()) return false;
      try {
        mine = await this.options.runs.replaceRun(
          { ...withoutVersion(run), leasedUntil: lease, attempts: run.attempts + 1 },
          run._etag,
        );
      } catch (error) {
        if (error instanceof ConflictError) return false;
        throw error;
      }
    }
    try {
      await job.run(period, now);
    } catch (error) {
      // Release the run so the next tick (here or elsewhere) tries again: a failed run is never skipped.
      await this.options.runs
        .replaceRun(
          { ...withoutVersion(mine), leasedUntil: now.toISOString(), lastError: (error as Error)?.name ?? 'error' },
          mine._etag,
        )
        .catch(() => undefined);
      throw error;
    }
    await this.options.runs.replaceRun(
      { ...withoutVersion(mine), status: 'done', finishedAt: this.options.now().toISOString() },
      mine._etag,
    );
    this.options.logger.info({ job: job.name, period, attempts: mine.attempts }, 'scheduled job ran');
    return true;
  }
}
