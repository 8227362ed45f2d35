import { planListCard } from './plan-list-card.js';
import { routesWith, type BotFeature } from '../feature.js';
import { duringAfterActions, logSessionCommand } from './during-after-actions.js';
import { supportActions, supportCommands } from './support-actions.js';
import { PLAN_VERBS } from './planning-verbs.js';
import { firstStepCardFor, type PlanningDependencies } from './plan-views.js';
import {
  answerStep,
  brokenButton,
  editStep,
  goBackAStep,
  resumePlan,
  saveAndExit,
  showMyPlans,
  showPlanSummary,
  skipStep,
  startPlan,
} from './plan-step-handlers.js';

export { brokenButtonCard } from './plan-step-handlers.js';

/**
 * "Before": the planning guide as a conversation of step cards. Each press answers with the next
 * card, which replaces the pressed one; every answer is saved as it is given.
 */
export function planningFeature(deps: PlanningDependencies): BotFeature {
  const on = routesWith(deps);
  return {
    name: 'planning',
    commands: [
      {
        command: 'plan',
        description: 'Plan a piece of involvement work, one short step at a time',
        scopes: ['personal'],
        patterns: [
          /^(new |start (a )?)?plan\b/i,
          /\bi( want| need| would like|['\u2019]d like) to (plan|involve|engage|consult)\b/i,
          /\b(plan|planning|organis(e|ing)|set(ting)? up)\b.*\b(engagement|involvement|involving|consultation|focus group|workshop)\b/i,
        ],
        handle: async (turn) => {
          await turn.sendCard(firstStepCardFor(turn));
        },
      },
      {
        command: 'my plans',
        description: 'See your plans and carry on where you left off',
        scopes: ['personal'],
        patterns: [/^my plans?\b/i, /^(continue|resume)\b/i, /\b(show|see|list)\b.*\bplans\b/i],
        handle: async (turn) => {
          await turn.sendCard(planListCard(await deps.plans.myPlans(turn.actor)));
        },
      },
      logSessionCommand(deps),
      ...supportCommands(deps),
    ],
    actions: [
      on(PLAN_VERBS.start, startPlan),
      on(PLAN_VERBS.list, showMyPlans),
      on(PLAN_VERBS.resume, resumePlan, brokenButton),
      on(PLAN_VERBS.summary, showPlanSummary, brokenButton),
      on(PLAN_VERBS.edit, editStep, brokenButton),
      on(PLAN_VERBS.next, answerStep, brokenButton),
      on(PLAN_VERBS.exit, saveAndExit, brokenButton),
      on(PLAN_VERBS.skip, skipStep, brokenButton),
      on(PLAN_VERBS.back, goBackAStep, brokenButton),
      ...supportActions(deps),
      ...duringAfterActions(deps),
    ],
  };
}
