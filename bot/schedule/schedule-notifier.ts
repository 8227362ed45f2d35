import type { ScheduleNotifier } from '../../domain/schedule/ports.js';
import type { Messenger } from '../messenger.js';
import { digestCard, type DigestViews } from './digest-card.js';
import { nudgeCard } from './nudge-card.js';

/** The domain's `ScheduleNotifier`, as cards sent through the bot's messenger. */
export function cardScheduleNotifier(
  messenger: () => Messenger,
  views: DigestViews,
  targetDaysToPay: () => number,
): ScheduleNotifier {
  return {
    nudge: async (address, nudge) => {
      await messenger().sendCard(address, nudgeCard(nudge));
    },
    digest: async (address, figures) => {
      await messenger().sendCard(address, digestCard(figures, views, targetDaysToPay()));
    },
  };
}
