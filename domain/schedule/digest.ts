import type { DeliveryOutcome } from '../notifications/outbox-dispatcher.js';
import type { OutboxMessage, OutboxRepository } from '../notifications/ports.js';
import type { ConversationAddress } from '../people/ports.js';
import type { Clock } from '../ports.js';
import { consentRenewalCutoff } from '../register/consent-renewal.js';
import { retentionCutoff, type RetentionPolicy } from '../register/retention.js';
import { mondayOf, weeklyPeriod } from './periods.js';
import type { ScheduledJob } from './scheduler.js';
import type { DigestFigures, DigestSources, ScheduleNotifier } from './ports.js';

export interface DigestSettings {
  /** ISO weekday of the digest (1 = Monday) and its hour (UTC). */
  readonly weekday: number;
  readonly hourUtc: number;
  /** Months after which a consent given is due for renewal. */
  readonly consentRenewalMonths: number;
  readonly retention: RetentionPolicy;
}

export interface IevDigestOptions {
  readonly sources: DigestSources;
  readonly outbox: Pick<OutboxRepository, 'enqueue'>;
  readonly settings: DigestSettings;
  readonly ievChannel: () => Promise<ConversationAddress | undefined>;
  readonly notifier: () => ScheduleNotifier;
  readonly now: Clock;
  readonly onEnqueued?: () => void;
}

/**
 * The IEV team's weekly digest in their channel: what waits on them, as counts only (names stay in the
 * tab). Owed to the outbox once per ISO week (`digest:iev:<week>`); the figures are counted at
 * delivery, so a digest delivered late is still true.
 */
export class IevDigest implements ScheduledJob {
  readonly name = 'iev-digest';

  constructor(private readonly options: IevDigestOptions) {}

  periodAt(now: Date): string | undefined {
    return weeklyPeriod(now, this.options.settings.weekday, this.options.settings.hourUtc);
  }

  async run(week: string, now: Date): Promise<void> {
    await this.options.outbox.enqueue(
      { id: `digest:iev:${week}`, topic: 'digest', target: 'iev-channel', subjectId: `iev-digest:${week}`, seq: 0 },
      now,
    );
    this.options.onEnqueued?.();
  }

  /** The outbox's deliverer for topic `digest`. */
  readonly deliver = async (message: OutboxMessage): Promise<DeliveryOutcome> => {
    if (message.target !== 'iev-channel') return 'void';
    const channel = await this.options.ievChannel();
    if (!channel) return 'wait';
    const week = message.subjectId.replace(/^iev-digest:/, '');
    await this.options.notifier().digest(channel, await this.figures(week, this.options.now()));
    return 'delivered';
  };

  async figures(week: string, now: Date): Promise<DigestFigures> {
    const { sources, settings } = this.options;
    const [waiting, pastPayBy, support, welcomes, applications, consents, retention] = await Promise.all([
      sources.claimsWaiting(),
      sources.claimsPastPayBy(now.toISOString().slice(0, 10)),
      sources.supportRequestsUnassigned(),
      sources.welcomesWaiting(),
      sources.applicationsWaiting(),
      sources.consentsDueForRenewal(consentRenewalCutoff(now, settings.consentRenewalMonths)),
      sources.retentionReviewsDue(retentionCutoff(now, settings.retention)),
    ]);
    return {
      week,
      weekBeginning: mondayOf(week),
      claimsWaiting: waiting.count,
      oldestWaitingSince: waiting.oldestSubmittedAt,
      claimsPastPayBy: pastPayBy,
      supportRequestsUnassigned: support,
      welcomesWaiting: welcomes,
      applicationsWaiting: applications,
      consentsDueForRenewal: consents,
      retentionReviewsDue: retention,
    };
  }
}
