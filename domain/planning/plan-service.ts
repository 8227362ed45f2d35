import { retryOnConflict } from '../concurrency.js';
import type { Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../impact/suppression.js';
import { openCurrentPlan, openOwnPlan, requireHost, savePlan } from './host-plans.js';
import { logSession } from './log-session.js';
import type { Plan, PlanSession } from './plan.js';
import { mapFreeTextServiceAreas } from './plan-service-areas.js';
import type { PartnerLookup, PlanRepository } from './ports.js';
import { planReach, reachFactsOf, type PlanReach } from './reach-gap.js';
import { recordChosenPartners } from './record-chosen-partners.js';
import { recordOutcome, type EvaluationInvitations, type OwedMessages } from './record-outcome.js';
import { answerStep, goBack, skipStep, type StepPress } from './walk-plan-steps.js';

export { StalePlanError } from './host-plans.js';
export { serviceAreaOf } from './plan-service-areas.js';
export type { StepPress } from './walk-plan-steps.js';

export interface PlanServiceOptions {
  readonly store: PlanRepository;
  readonly partners: PartnerLookup;
  readonly now: () => Date;
  /** Partner messaging: each partner who took part is told "you said, we did" when the plan closes. */
  readonly messages?: OwedMessages | undefined;
  /** The one suppression threshold (IMPACT_SUPPRESSION_THRESHOLD): the plan's reach gap counts as "Is it working?" does. */
  readonly suppressionThreshold?: number | undefined;
  /** Partners' own "how was it for you?": an invitation each, with a personal link, when the plan closes. */
  readonly evaluations?: EvaluationInvitations | undefined;
}

/**
 * Plans: walking the steps, resuming, editing, and the during and after phases. Each use case is its own
 * module (walk-plan-steps, log-session, record-outcome, record-chosen-partners); this class hands them the
 * ports they need, so the edges keep calling one service.
 */
export class PlanService {
  private readonly ports: {
    readonly store: PlanRepository;
    readonly partners: PartnerLookup;
    readonly now: () => Date;
    readonly messages: OwedMessages | undefined;
    readonly evaluations: EvaluationInvitations | undefined;
  };

  private readonly store: PlanRepository;
  private readonly partners: PartnerLookup;
  private readonly now: () => Date;
  private readonly suppressionThreshold: number;

  constructor(options: PlanServiceOptions) {
    this.store = options.store;
    this.partners = options.partners;
    this.now = options.now;
    this.suppressionThreshold = options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
    this.ports = {
      store: options.store,
      partners: options.partners,
      now: options.now,
      messages: options.messages,
      evaluations: options.evaluations,
    };
  }

  async myPlans(actor: Actor): Promise<Plan[]> {
    requireHost(actor);
    return this.store.plansOf(actor.id);
  }

  /** The actor's own plan. Another host's id is simply not found: plans are partitioned by host. */
  async open(actor: Actor, planId: string): Promise<Versioned<Plan>> {
    return openOwnPlan(this.store, actor, planId);
  }

  /** The groups the plan set out to reach against the people who took part (consented equality answers, suppressed). */
  async reachOf(plan: Plan): Promise<PlanReach> {
    const groups = plan.answers.people?.groups;
    const chosen = Array.isArray(groups) ? (groups as readonly string[]) : [];
    if (chosen.length === 0) return planReach([], [], this.suppressionThreshold);
    const tookPart = plan.partnerIds.length > 0 ? await this.partners.getMany(plan.partnerIds) : [];
    return planReach(chosen, tookPart.map(reachFactsOf), this.suppressionThreshold);
  }

  /** Names of the partners chosen from the plan's opportunities who are still on the register. */
  async chosenNames(plan: Plan): Promise<string[]> {
    const ids = (plan.chosenPartners ?? []).map((chosen) => chosen.partnerId);
    if (ids.length === 0) return [];
    return (await this.partners.getMany(ids))
      .filter((partner) => partner.status !== 'left')
      .map((partner) => partner.displayName);
  }

  /** Checks the card is the plan's latest, for presses that change nothing (edit, cancel). */
  async openCurrent(actor: Actor, planId: string, revision: number): Promise<Versioned<Plan>> {
    return openCurrentPlan(this.store, actor, planId, revision);
  }

  /** Saves one step's answers and moves on ("Next", or "Save and exit", or "Save" when editing from the summary). */
  async answerStep(
    actor: Actor,
    press: StepPress,
    submitted: Readonly<Record<string, unknown>>,
  ): Promise<Versioned<Plan>> {
    return answerStep(this.ports, actor, press, submitted);
  }

  async skipStep(actor: Actor, press: StepPress): Promise<Versioned<Plan>> {
    return skipStep(this.ports, actor, press);
  }

  async goBack(actor: Actor, press: StepPress): Promise<Versioned<Plan>> {
    return goBack(this.ports, actor, press);
  }

  /** Logs a session ("during"). The card's operation id becomes the session id, so a retried save stores it once. */
  async logSession(
    actor: Actor,
    planId: string,
    op: string,
    submitted: Readonly<Record<string, unknown>>,
  ): Promise<{ plan: Versioned<Plan>; session: PlanSession }> {
    return logSession(this.ports, actor, planId, op, submitted);
  }

  /** The host has contacted the partners before the first session (seed 004); a repeat changes nothing. */
  async recordPartnersContacted(actor: Actor, planId: string): Promise<Versioned<Plan>> {
    requireHost(actor);
    return retryOnConflict(async () => {
      const plan = await this.open(actor, planId);
      return plan.partnersContactedAt
        ? plan
        : savePlan(this.ports, plan, { partnersContactedAt: this.now().toISOString() });
    });
  }

  /** Partners chosen from one of the plan's opportunities; each partner is recorded once. */
  async recordChosen(
    hostId: string,
    planId: string,
    chosen: ReadonlyArray<{ readonly partnerId: string; readonly opportunityId: string }>,
    now: Date,
  ): Promise<void> {
    return recordChosenPartners(this.ports, hostId, planId, chosen, now);
  }

  /** Records the outcome ("after") and closes the plan. Saving again replaces it, so a retry is harmless. */
  async recordOutcome(
    actor: Actor,
    planId: string,
    submitted: Readonly<Record<string, unknown>>,
  ): Promise<Versioned<Plan>> {
    return recordOutcome(this.ports, actor, planId, submitted);
  }

  /** Plans saved when the service area was free text, mapped to the listed areas (run at start). */
  async mapFreeTextServiceAreas(): Promise<number> {
    return mapFreeTextServiceAreas(this.store);
  }
}
