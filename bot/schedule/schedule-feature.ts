import type { NudgePreferences } from '../../domain/schedule/nudge-preferences.js';
import { on, type BotFeature } from '../feature.js';
import { snoozedCard, stoppedCard } from './nudge-card.js';
import { NUDGE_VERBS } from './nudge-verbs.js';

/** What a host answers on a reminder card: later, or never for this plan or claim. */
export function scheduleFeature(deps: { readonly preferences: NudgePreferences }): BotFeature {
  return {
    name: 'schedule',
    actions: [
      on(NUDGE_VERBS.snooze, async (turn, { subjectId, kind }) => {
        const { until } = await deps.preferences.snooze(turn.actor.id, subjectId);
        return { card: snoozedCard(kind, until) };
      }),
      on(NUDGE_VERBS.stop, async (turn, { subjectId, kind }) => {
        await deps.preferences.stop(turn.actor.id, subjectId);
        return { card: stoppedCard(kind) };
      }),
    ],
  };
}
