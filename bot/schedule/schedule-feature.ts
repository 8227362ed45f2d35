import type { PlanService } from '../../domain/planning/plan-service.js';
import type { NudgePreferences } from '../../domain/schedule/nudge-preferences.js';
import { on, type BotFeature } from '../feature.js';
import { partnersBriefCard, partnersContactedCard, snoozedCard, stoppedCard } from './nudge-card.js';
import { NUDGE_VERBS } from './nudge-verbs.js';

/** What a host answers on a reminder card: later, or never for this plan or claim. */
export function scheduleFeature(deps: {
  readonly preferences: NudgePreferences;
  readonly plans: Pick<PlanService, 'open' | 'recordPartnersContacted'>;
}): BotFeature {
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
      on(NUDGE_VERBS.partnersBrief, async (turn, { planId }) => ({
        card: partnersBriefCard(await deps.plans.open(turn.actor, planId)),
      })),
      on(NUDGE_VERBS.partnersContacted, async (turn, { planId }) => ({
        card: partnersContactedCard(await deps.plans.recordPartnersContacted(turn.actor, planId)),
      })),
    ],
  };
}
