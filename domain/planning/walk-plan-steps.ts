import { ValidationError } from '../errors.js';
import type { Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import { openCurrentPlan, requireHost, savePlan } from './host-plans.js';
import type { Plan, StepAnswers } from './plan.js';
import { serviceAreaOf } from './plan-service-areas.js';
import { nextStepKey, previousStepKey, stepFor, type StepKey } from './plan-steps.js';
import type { PlanRepository } from './ports.js';
import { parseStepAnswers } from './step-answers.js';

/** A host walks the plan's steps ("before"): answering, skipping or going back, one step card at a time. */

/** What a pressed step card says about itself (its action data, already checked at the edge). */
export interface StepPress {
  /** Absent on the first card of a plan that is not saved yet. */
  readonly planId?: string | undefined;
  readonly step: StepKey;
  readonly revision: number;
  readonly mode: 'walk' | 'edit';
  /** Stable id of the card that starts a plan: a retried first save finds the plan instead of making two. */
  readonly op?: string | undefined;
}

export interface WalkPlanStepsPorts {
  readonly store: PlanRepository;
  readonly now: () => Date;
}

/** Saves one step's answers and moves on ("Next", or "Save and exit", or "Save" when editing from the summary). */
export async function answerStep(
  ports: WalkPlanStepsPorts,
  actor: Actor,
  press: StepPress,
  submitted: Readonly<Record<string, unknown>>,
): Promise<Versioned<Plan>> {
  requireHost(actor);
  const parsed = parseStepAnswers(stepFor(press.step), submitted);
  if (!parsed.ok) throw new ValidationError('Please check the answers marked below.', parsed.problems);
  if (!press.planId) return createPlan(ports, actor, press, parsed.answers);
  const plan = await openCurrentPlan(ports.store, actor, press.planId, press.revision);
  const position = press.mode === 'edit' ? 'summary' : (nextStepKey(press.step) ?? 'summary');
  const purpose =
    press.step === 'purpose' ? { title: String(parsed.answers.title), serviceArea: serviceAreaOf(parsed.answers) } : {};
  return savePlan(ports, plan, {
    ...purpose,
    answers: { ...plan.answers, [press.step]: parsed.answers },
    skipped: plan.skipped.filter((key) => key !== press.step),
    position,
    phase: plan.phase === 'planning' && position === 'summary' ? 'planned' : plan.phase,
  });
}

export async function skipStep(ports: WalkPlanStepsPorts, actor: Actor, press: StepPress): Promise<Versioned<Plan>> {
  requireHost(actor);
  if (!press.planId)
    throw new ValidationError('Please give your plan a name and a purpose first. You can skip any step after that.', [
      { field: 'title', message: 'Please fill this in. It is needed to make a plan.' },
    ]);
  const plan = await openCurrentPlan(ports.store, actor, press.planId, press.revision);
  const position = nextStepKey(press.step) ?? 'summary';
  return savePlan(ports, plan, {
    skipped: plan.skipped.includes(press.step) ? plan.skipped : [...plan.skipped, press.step],
    position,
    phase: plan.phase === 'planning' && position === 'summary' ? 'planned' : plan.phase,
  });
}

export async function goBack(ports: WalkPlanStepsPorts, actor: Actor, press: StepPress): Promise<Versioned<Plan>> {
  requireHost(actor);
  if (!press.planId) throw new ValidationError('This is the first step.');
  const plan = await openCurrentPlan(ports.store, actor, press.planId, press.revision);
  return savePlan(ports, plan, { position: previousStepKey(press.step) ?? press.step });
}

async function createPlan(
  ports: WalkPlanStepsPorts,
  actor: Actor,
  press: StepPress,
  answers: StepAnswers,
): Promise<Versioned<Plan>> {
  if (press.step !== 'purpose' || press.mode !== 'walk' || !press.op)
    throw new ValidationError('This card is not part of a plan. Type \u201cplan\u201d to start one.');
  const at = ports.now().toISOString();
  const { document } = await ports.store.createPlan({
    id: `plan-${press.op}`,
    type: 'plan',
    schemaVersion: 1,
    hostId: actor.id,
    hostName: actor.displayName,
    title: String(answers.title),
    serviceArea: serviceAreaOf(answers),
    phase: 'planning',
    position: nextStepKey('purpose')!,
    revision: 1,
    answers: { purpose: answers },
    skipped: [],
    sessions: [],
    partnerIds: [],
    createdAt: at,
    updatedAt: at,
  });
  // Not created: the same card was pressed again (a retry or a double click). Show the plan it made.
  return document;
}
