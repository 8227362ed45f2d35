import { retryOnConflict } from '../concurrency.js';
import type { Clock } from '../ports.js';
import { addDays } from './periods.js';
import type { NudgePreference, NudgePreferenceRepository } from './ports.js';

/**
 * A host's "remind me later" and "stop reminding me" for one plan or claim, kept in the database so
 * they hold on every device. Kept in the host's own partition: a forged subject id changes only the
 * presser's own reminders.
 */
export class NudgePreferences {
  constructor(
    private readonly deps: {
      readonly repository: NudgePreferenceRepository;
      readonly snoozeDays: number;
      readonly now: Clock;
    },
  ) {}

  /** No reminder about this subject until the snooze ends; then one more, if it is still not done. */
  async snooze(hostId: string, subjectId: string): Promise<{ readonly until: string }> {
    const saved = await this.change(hostId, subjectId, (current, now) => ({
      snoozedUntil: addDays(now, this.deps.snoozeDays).toISOString(),
      round: (current?.round ?? 0) + 1,
    }));
    return { until: saved.snoozedUntil ?? '' };
  }

  async stop(hostId: string, subjectId: string): Promise<void> {
    await this.change(hostId, subjectId, () => ({ stopped: true }));
  }

  private change(
    hostId: string,
    subjectId: string,
    update: (current: NudgePreference | undefined, now: Date) => Partial<NudgePreference>,
  ): Promise<NudgePreference> {
    return retryOnConflict(async () => {
      const current = await this.deps.repository.findPreference(hostId, subjectId);
      const now = this.deps.now();
      const { _etag: etag, ...base } = current ?? {
        id: `nudges:${subjectId}`,
        type: 'nudge-preference' as const,
        schemaVersion: 1,
        hostId,
        subjectId,
        stopped: false,
        round: 0,
        updatedAt: now.toISOString(),
        _etag: undefined,
      };
      return this.deps.repository.writePreference(
        { ...base, ...update(current, now), updatedAt: now.toISOString() },
        etag,
      );
    });
  }
}
