import type { PlanService } from '../../domain/planning/plan-service.js';
import type { NudgePreferences } from '../../domain/schedule/nudge-preferences.js';
import { routesWith, type ActionHandler, type BotFeature } from '../feature.js';
import { partnersBriefCard, partnersContactedCard, snoozedCard, stoppedCard } from './nudge-card.js';
import { NUDGE_VERBS } from './nudge-verbs.js';

export interface ScheduleDependencies {
  readonly preferences: NudgePreferences;
  readonly plans: Pick<PlanService, 'open' | 'recordPartnersContacted'>;
}

/** What a host answers on a reminder card: later, or never for this plan or claim. */
export function scheduleFeature(deps: ScheduleDependencies): BotFeature {
  const on = routesWith(deps);
  return {
    name: 'schedule',
    actions: [
      on(NUDGE_VERBS.snooze, snoozeReminder),
      on(NUDGE_VERBS.stop, stopReminders),
      on(NUDGE_VERBS.partnersBrief, showPartnersBrief),
      on(NUDGE_VERBS.partnersContacted, recordPartnersContacted),
    ],
  };
}

type NudgeHandler<K extends keyof typeof NUDGE_VERBS> = ActionHandler<(typeof NUDGE_VERBS)[K], ScheduleDependencies>;

const snoozeReminder: NudgeHandler<'snooze'> = async ({ preferences }, turn, { subjectId, kind }) => {
  const { until } = await preferences.snooze(turn.actor.id, subjectId);
  return { card: snoozedCard(kind, until) };
};

const stopReminders: NudgeHandler<'stop'> = async ({ preferences }, turn, { subjectId, kind }) => {
  await preferences.stop(turn.actor.id, subjectId);
  return { card: stoppedCard(kind) };
};

const showPartnersBrief: NudgeHandler<'partnersBrief'> = async ({ plans }, turn, { planId }) => ({
  card: partnersBriefCard(await plans.open(turn.actor, planId)),
});

const recordPartnersContacted: NudgeHandler<'partnersContacted'> = async ({ plans }, turn, { planId }) => ({
  card: partnersContactedCard(await plans.recordPartnersContacted(turn.actor, planId)),
});
