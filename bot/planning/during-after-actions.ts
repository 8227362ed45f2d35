import { randomUUID } from 'node:crypto';
import { planClosedCard } from './plan-closed-card.js';
import { planListCard } from './plan-list-card.js';
import { planOutcomeCard } from './plan-outcome-card.js';
import { sessionLogCard } from './session-log-card.js';
import { sessionLoggedCard } from './session-logged-card.js';
import { ValidationError, type FieldProblem } from '../../domain/errors.js';
import { YOU_SAID_PAIRS } from '../../domain/planning/during-after.js';
import type { Actor } from '../../domain/people/actor.js';
import type { Plan } from '../../domain/planning/plan.js';
import {
  routesWith,
  type ActionHandler,
  type ActionResult,
  type ActionRoute,
  type CardInputs,
  type CommandRoute,
  type Turn,
} from '../feature.js';
import type { SupportDependencies } from './support-actions.js';
import { keptValues } from '../cards/inputs.js';
import { OUTCOME_VERBS, SESSION_VERBS } from './planning-verbs.js';
import type { VerbData } from '../cards/card-verb.js';
import { reachWithOrganisations } from './reach-section.js';

const SESSION_INPUT_LIMITS = {
  date: 10,
  durationMinutes: 6,
  format: 20,
  partnerSearch: 80,
  partnerIds: 5200,
  howItWent: 2000,
  checkIn: 20,
  checkInNotes: 1000,
};
const OUTCOME_INPUT_LIMITS: Record<string, number> = {
  decisions: 2000,
  feedbackHow: 1000,
  feedbackTo: 300,
  thankPartners: 5,
  rating: 20,
  evaluationComment: 1000,
  ...Object.fromEntries(
    Array.from({ length: YOU_SAID_PAIRS }, (_, index): Array<[string, number]> => [
      [`youSaid${index + 1}`, 1000],
      [`weDid${index + 1}`, 1000],
      [`session${index + 1}`, 100],
    ]).flat(),
  ),
};

/** "During" (log sessions with partners from the register, check in) and "after" (outcome, you said / we did, thanks). */
export function duringAfterActions(deps: SupportDependencies): ActionRoute[] {
  const on = routesWith(deps);
  return [
    on(SESSION_VERBS.start, withPlan(showSessionForm), brokenPlanButton),
    on(SESSION_VERBS.search, withPlan(searchPartners), brokenPlanButton),
    on(SESSION_VERBS.save, withPlan(logSession), brokenPlanButton),
    on(OUTCOME_VERBS.start, withPlan(showOutcomeForm), brokenPlanButton),
    on(OUTCOME_VERBS.save, withPlan(recordOutcome), brokenPlanButton),
  ];
}

const brokenPlanButton = {
  damaged: () => ({ message: 'That button didn\u2019t work. Type \u201cmy plans\u201d to open your plan.' }),
};

/** A handler of a button that names a plan, given the plan opened. */
type PlanPressHandler<V extends PlanVerb> = (
  deps: SupportDependencies,
  turn: Turn,
  plan: Plan,
  data: VerbData<V>,
  inputs: CardInputs,
) => Promise<ActionResult>;

/** Every button here names a plan: it is opened (with the caller's right to see it checked) before the handler runs. */
function withPlan<V extends PlanVerb>(handle: PlanPressHandler<V>): ActionHandler<V, SupportDependencies> {
  return async (deps, turn, data, inputs) =>
    handle(deps, turn, await deps.plans.open(turn.actor, data.planId), data, inputs);
}

const showSessionForm: PlanPressHandler<typeof SESSION_VERBS.start> = async (deps, turn, plan) => ({
  card: await sessionCardFor(deps, turn.actor, plan, randomUUID(), {}),
});

const searchPartners: PlanPressHandler<typeof SESSION_VERBS.search> = async (deps, turn, plan, { op }, inputs) => ({
  card: await sessionCardFor(deps, turn.actor, plan, op ?? randomUUID(), inputs, { search: true }),
});

const logSession: PlanPressHandler<typeof SESSION_VERBS.save> = async (deps, turn, plan, { op }, inputs) => {
  try {
    const { session } = await deps.plans.logSession(turn.actor, plan.id, op, inputs);
    const partners = await deps.partners.stillOnRegister(turn.actor, session.partnerIds);
    // The needs come through the register's need-to-know rule, as on the partner page.
    const needs = await deps.register.needsOf(turn.actor, session.partnerIds);
    return {
      card: sessionLoggedCard(
        plan.id,
        plan.title,
        session,
        partners.map((partner) => partner.displayName),
        needs,
      ),
    };
  } catch (error) {
    if (!(error instanceof ValidationError) || error.problems.length === 0) throw error;
    return { card: await sessionCardFor(deps, turn.actor, plan, op, inputs, { problems: error.problems }) };
  }
};

const showOutcomeForm: PlanPressHandler<typeof OUTCOME_VERBS.start> = async (deps, _turn, plan) => ({
  card: planOutcomeCard(plan, await reachWithOrganisations(deps, plan)),
});

const recordOutcome: PlanPressHandler<typeof OUTCOME_VERBS.save> = async (deps, turn, plan, _data, inputs) => {
  try {
    return { card: planClosedCard(await deps.plans.recordOutcome(turn.actor, plan.id, inputs)) };
  } catch (error) {
    if (!(error instanceof ValidationError) || error.problems.length === 0) throw error;
    return {
      card: planOutcomeCard(plan, {
        values: keptValues(inputs, OUTCOME_INPUT_LIMITS),
        problems: error.problems,
        ...(await reachWithOrganisations(deps, plan)),
      }),
    };
  }
};

/** The verbs of this file: each button carries the plan's id. */
type PlanVerb = (typeof SESSION_VERBS)[keyof typeof SESSION_VERBS] | (typeof OUTCOME_VERBS)[keyof typeof OUTCOME_VERBS];

interface SessionCardOptions {
  readonly search?: boolean;
  readonly problems?: readonly FieldProblem[];
}

/** The session form as the host left it: their answers, the partners they chose, and the latest search results. */
async function sessionCardFor(
  deps: SupportDependencies,
  actor: Actor,
  plan: Plan,
  op: string,
  data: Readonly<Record<string, unknown>>,
  options: SessionCardOptions = {},
) {
  const values = keptValues(data, SESSION_INPUT_LIMITS);
  const chosenIds = (values.partnerIds ?? '').split(',').filter(Boolean).slice(0, 50);
  const chosen = await deps.partners.stillOnRegister(actor, chosenIds);
  const term = (values.partnerSearch ?? '').trim();
  let searchNote: string | undefined;
  let found: Array<{ id: string; displayName: string }> = [];
  if (options.search) {
    if (term.length < 2) searchNote = 'Type at least 2 letters of a name to search the register.';
    else {
      found = await deps.partners.search(actor, term);
      searchNote =
        found.length === 0
          ? `No active partners on the register match \u201c${term}\u201d. Check the spelling, or ask the IEV team to register them.`
          : `Found ${found.length} on the register. Tick the people who took part.`;
    }
  }
  const choices = [
    ...chosen.map((partner) => ({ id: partner.id, displayName: partner.displayName })),
    ...found.filter((partner) => !chosenIds.includes(partner.id)),
  ];
  const knownIds = new Set(choices.map((choice) => choice.id));
  return sessionLogCard({
    planId: plan.id,
    planTitle: plan.title,
    op,
    today: deps.today().toISOString().slice(0, 10),
    values: { ...values, partnerIds: chosenIds.filter((partnerId) => knownIds.has(partnerId)).join(',') },
    problems: options.problems,
    partnerChoices: choices,
    searchNote,
  });
}

/** "log a session": straight to the form when the host has one plan under way, otherwise their list of plans. */
export function logSessionCommand(deps: SupportDependencies): CommandRoute {
  return {
    command: 'log a session',
    description: 'Record a meeting or session and who took part',
    scopes: ['personal'],
    patterns: [/^log (a )?(session|meeting)\b/i, /\b(record|log)\b.*\b(session|meeting)\b/i],
    handle: async (turn) => {
      const open = (await deps.plans.myPlans(turn.actor)).filter(
        (plan) => plan.phase === 'planned' || plan.phase === 'running',
      );
      if (open.length === 1) {
        await turn.sendCard(await sessionCardFor(deps, turn.actor, open[0]!, randomUUID(), {}));
        return;
      }
      await turn.sendText(
        'Which piece of work was the session for? Open the plan and press \u201cLog a session\u201d.',
      );
      await turn.sendCard(planListCard(await deps.plans.myPlans(turn.actor)));
    },
  };
}
