import type { OwedMessage } from '../partner-messages/partner-messaging.js';
import { retryOnConflict } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../errors.js';
import { isStaff, type Actor } from '../people/actor.js';
import type { Clock, Versioned } from '../ports.js';
import type { PartnerLookup, PlanRepository } from './ports.js';
import { matchServiceArea, OTHER_SERVICE_AREA, SERVICE_AREAS } from '../register/service-areas.js';
import { MAX_SESSIONS_PER_PLAN, type Plan, type PlanOutcome, type PlanSession, type StepAnswers } from './plan.js';
import { nextStepKey, previousStepKey, stepFor, type StepKey } from './plan-steps.js';
import { parseStepAnswers } from './step-answers.js';
import { parseOutcome, parseSession } from './during-after.js';
import { recordAttendance } from '../register/involvement.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../impact/suppression.js';
import { planReach, reachFactsOf, type PlanReach } from './reach-gap.js';

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

/** The card pressed was sent before the plan moved on (another device, or an older message). Nothing was changed. */
export class StalePlanError extends StaleVersionError {
  constructor(readonly plan: Versioned<Plan>) {
    super('This card is out of date, so nothing was changed. Here is where your plan is now.');
  }
}

export interface PlanServiceOptions {
  readonly store: PlanRepository;
  readonly partners: PartnerLookup;
  readonly now: Clock;
  /** Partner messaging: each partner who took part is told "you said, we did" when the plan closes. */
  readonly messages?: { owe(owed: readonly OwedMessage[], now?: Date): Promise<void> };
  /** The one suppression threshold (IMPACT_SUPPRESSION_THRESHOLD): the plan's reach gap counts as "Is it working?" does. */
  readonly suppressionThreshold?: number;
  /** Partners' own "how was it for you?": an invitation each, with a personal link, when the plan closes. */
  readonly evaluations?: {
    invitations(
      work: { id: string; hostId: string; title: string | undefined; partnerIds: readonly string[] },
      now: Date,
    ): Promise<OwedMessage[]>;
  };
}

/** Plans: walking the steps, resuming, editing, and the during and after phases. */
export class PlanService {
  private readonly store: PlanServiceOptions['store'];
  private readonly partners: PlanServiceOptions['partners'];
  private readonly now: Clock;
  private readonly messages: PlanServiceOptions['messages'];
  private readonly suppressionThreshold: number;
  private readonly evaluations: PlanServiceOptions['evaluations'];

  constructor(options: PlanServiceOptions) {
    this.store = options.store;
    this.partners = options.partners;
    this.now = options.now;
    this.messages = options.messages;
    this.suppressionThreshold = options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
    this.evaluations = options.evaluations;
  }

  async myPlans(actor: Actor): Promise<Plan[]> {
    requireHost(actor);
    return this.store.plansOf(actor.id);
  }

  /** The actor's own plan. Another host's id is simply not found: plans are partitioned by host. */
  async open(actor: Actor, planId: string): Promise<Versioned<Plan>> {
    requireHost(actor);
    const plan = await this.store.findPlan(actor.id, planId);
    if (!plan)
      throw new NotFoundError(
        'We couldn\u2019t find that plan. It may belong to someone else, or the link is out of date. Type \u201cmy plans\u201d to see yours.',
      );
    return plan;
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
    const plan = await this.open(actor, planId);
    if (plan.revision !== revision) throw new StalePlanError(plan);
    return plan;
  }

  /** Saves one step's answers and moves on ("Next", or "Save and exit", or "Save" when editing from the summary). */
  async answerStep(
    actor: Actor,
    press: StepPress,
    submitted: Readonly<Record<string, unknown>>,
  ): Promise<Versioned<Plan>> {
    requireHost(actor);
    const parsed = parseStepAnswers(stepFor(press.step), submitted);
    if (!parsed.ok) throw new ValidationError('Please check the answers marked below.', parsed.problems);
    if (!press.planId) return this.createPlan(actor, press, parsed.answers);
    const plan = await this.latest(actor, press);
    const position = press.mode === 'edit' ? 'summary' : (nextStepKey(press.step) ?? 'summary');
    const purpose =
      press.step === 'purpose'
        ? { title: String(parsed.answers.title), serviceArea: serviceAreaOf(parsed.answers) }
        : {};
    return this.save(plan, {
      ...purpose,
      answers: { ...plan.answers, [press.step]: parsed.answers },
      skipped: plan.skipped.filter((key) => key !== press.step),
      position,
      phase: plan.phase === 'planning' && position === 'summary' ? 'planned' : plan.phase,
    });
  }

  async skipStep(actor: Actor, press: StepPress): Promise<Versioned<Plan>> {
    requireHost(actor);
    if (!press.planId)
      throw new ValidationError('Please give your plan a name and a purpose first. You can skip any step after that.', [
        { field: 'title', message: 'Please fill this in. It is needed to make a plan.' },
      ]);
    const plan = await this.latest(actor, press);
    const position = nextStepKey(press.step) ?? 'summary';
    return this.save(plan, {
      skipped: plan.skipped.includes(press.step) ? plan.skipped : [...plan.skipped, press.step],
      position,
      phase: plan.phase === 'planning' && position === 'summary' ? 'planned' : plan.phase,
    });
  }

  async goBack(actor: Actor, press: StepPress): Promise<Versioned<Plan>> {
    requireHost(actor);
    if (!press.planId) throw new ValidationError('This is the first step.');
    const plan = await this.latest(actor, press);
    return this.save(plan, { position: previousStepKey(press.step) ?? press.step });
  }

  /** Logs a session ("during"). The card's operation id becomes the session id, so a retried save stores it once. */
  async logSession(
    actor: Actor,
    planId: string,
    op: string,
    submitted: Readonly<Record<string, unknown>>,
  ): Promise<{ plan: Versioned<Plan>; session: PlanSession }> {
    requireHost(actor);
    const parsed = parseSession(submitted, this.now());
    if (!parsed.ok) throw new ValidationError('Please check the answers marked below.', parsed.problems);
    const found = await this.partners.getMany(parsed.value.partnerIds);
    const known = new Set(found.filter((partner) => partner.status !== 'left').map((partner) => partner.id));
    if (parsed.value.partnerIds.some((id) => !known.has(id))) {
      throw new ValidationError('Please check the answers marked below.', [
        {
          field: 'partnerIds',
          message: 'Someone chosen is not on the Involvement Register. Search again and choose from the list.',
        },
      ]);
    }
    // Two sessions logged at once (two devices) is a conflict; appends don't clash, so re-read and add ours again.
    return retryOnConflict(async () => {
      const plan = await this.open(actor, planId);
      const existing = plan.sessions.find((session) => session.id === op);
      if (existing) {
        // A repeat of a save that may have stopped part-way: make sure the register counted it.
        await recordAttendance(this.partners, existing.partnerIds, {
          sessionId: existing.id,
          date: existing.date,
          durationMinutes: existing.durationMinutes,
        });
        return { plan, session: existing };
      }
      if (plan.sessions.length >= MAX_SESSIONS_PER_PLAN)
        throw new ValidationError(
          `This plan already has ${MAX_SESSIONS_PER_PLAN} sessions. Please start a new plan for further work.`,
        );
      const session: PlanSession = { ...parsed.value, id: op, loggedAt: this.now().toISOString() };
      const saved = await this.save(plan, {
        sessions: [...plan.sessions, session],
        partnerIds: [...new Set([...(plan.partnerIds ?? []), ...session.partnerIds])],
        phase: plan.phase === 'closed' ? 'closed' : 'running',
      });
      await recordAttendance(this.partners, session.partnerIds, {
        sessionId: session.id,
        date: session.date,
        durationMinutes: session.durationMinutes,
      });
      return { plan: saved, session };
    });
  }

  /** The host has contacted the partners before the first session (seed 004); a repeat changes nothing. */
  async recordPartnersContacted(actor: Actor, planId: string): Promise<Versioned<Plan>> {
    requireHost(actor);
    return retryOnConflict(async () => {
      const plan = await this.open(actor, planId);
      return plan.partnersContactedAt ? plan : this.save(plan, { partnersContactedAt: this.now().toISOString() });
    });
  }

  /**
   * Partners chosen from one of the plan's opportunities (the opportunity's service has checked the host and the
   * answers). Each partner is recorded once; choosing again changes nothing.
   */
  async recordChosen(
    hostId: string,
    planId: string,
    chosen: ReadonlyArray<{ readonly partnerId: string; readonly opportunityId: string }>,
    now: Date,
  ): Promise<void> {
    await retryOnConflict(async () => {
      const plan = await this.store.findPlan(hostId, planId);
      if (!plan) throw new NotFoundError('That plan could not be found.');
      const known = new Set((plan.chosenPartners ?? []).map((item) => item.partnerId));
      const added = chosen.filter((item) => !known.has(item.partnerId));
      if (added.length === 0) return;
      const chosenPartners = [
        ...(plan.chosenPartners ?? []),
        ...added.map((item) => ({ ...item, chosenAt: now.toISOString() })),
      ].slice(-200);
      await this.save(plan, { chosenPartners });
    });
  }

  /** Records the outcome ("after") and closes the plan. Saving again replaces it, so a retry is harmless. */
  async recordOutcome(
    actor: Actor,
    planId: string,
    submitted: Readonly<Record<string, unknown>>,
  ): Promise<Versioned<Plan>> {
    requireHost(actor);
    const plan = await this.open(actor, planId);
    const parsed = parseOutcome(submitted, plan);
    if (!parsed.ok) throw new ValidationError('Please check the answers marked below.', parsed.problems);
    const outcome: PlanOutcome = { ...parsed.value, recordedAt: this.now().toISOString() };
    // Owed before the plan is saved (and delivered only once it is closed): a crash in between loses no message.
    const now = this.now();
    const invitations =
      (await this.evaluations?.invitations(
        { id: plan.id, hostId: plan.hostId, title: plan.title, partnerIds: tookPartIn(plan) },
        now,
      )) ?? [];
    await this.messages?.owe([...youSaidWeDidMessages(plan, outcome), ...invitations], now);
    return this.save(plan, { outcome, phase: 'closed' });
  }

  /**
   * Plans saved when the service area was free text, mapped to the list the register filters by where the
   * text names a listed area (kept as "another service" otherwise), so the channel tab's one-area view finds
   * them. Run at start; a plan changed at the same moment is left for the next start.
   */
  async mapFreeTextServiceAreas(): Promise<number> {
    const plans = await this.store.plansWithUnlistedServiceArea([...SERVICE_AREAS, OTHER_SERVICE_AREA]);
    let mapped = 0;
    for (const plan of plans) {
      const purpose = withListedServiceArea(plan.answers.purpose);
      if (!purpose) continue;
      const { _etag, ...current } = plan;
      try {
        await this.store.replacePlan(
          { ...current, answers: { ...plan.answers, purpose }, serviceArea: serviceAreaOf(purpose) },
          _etag,
        );
        mapped += 1;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return mapped;
  }

  private async createPlan(actor: Actor, press: StepPress, answers: StepAnswers): Promise<Versioned<Plan>> {
    if (press.step !== 'purpose' || press.mode !== 'walk' || !press.op)
      throw new ValidationError('This card is not part of a plan. Type \u201cplan\u201d to start one.');
    const at = this.now().toISOString();
    const { document } = await this.store.createPlan({
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

  private async latest(actor: Actor, press: StepPress): Promise<Versioned<Plan>> {
    const plan = await this.open(actor, press.planId!);
    if (plan.revision !== press.revision) throw new StalePlanError(plan);
    return plan;
  }

  private async save(plan: Versioned<Plan>, change: Partial<Plan>): Promise<Versioned<Plan>> {
    const { _etag, ...current } = plan;
    const next: Plan = { ...current, ...change, revision: plan.revision + 1, updatedAt: this.now().toISOString() };
    try {
      return await this.store.replacePlan(next, _etag);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const latest = await this.store.findPlan(plan.hostId, plan.id);
      if (!latest) throw error;
      throw new StalePlanError(latest);
    }
  }
}

/**
 * The plan's service area, as the register filters by it: the area chosen from the list, or what the host
 * typed for another service (a typed name of a listed area counts as that area). Plans saved when the
 * answer was free text are read the same way.
 */
export function serviceAreaOf(answers: StepAnswers): string | undefined {
  const chosen = typeof answers.serviceArea === 'string' ? answers.serviceArea.trim() : '';
  const typed = typeof answers.serviceAreaOther === 'string' ? answers.serviceAreaOther.trim() : '';
  const text = chosen === OTHER_SERVICE_AREA || !chosen ? typed : chosen;
  if (!text) return undefined;
  return matchServiceArea(text) ?? text;
}

/**
 * The purpose step's answers with a free-text service area (saved before the list) as the step now asks it:
 * the listed area it names, or "another service" with the text kept. Undefined when there is nothing to change.
 */
export function withListedServiceArea(answers: StepAnswers | undefined): StepAnswers | undefined {
  const chosen = answers?.serviceArea;
  if (!answers || typeof chosen !== 'string' || chosen === OTHER_SERVICE_AREA) return undefined;
  if ((SERVICE_AREAS as readonly string[]).includes(chosen)) return undefined;
  const listed = matchServiceArea(chosen);
  return listed
    ? { ...answers, serviceArea: listed }
    : { ...answers, serviceArea: OTHER_SERVICE_AREA, serviceAreaOther: chosen.slice(0, 80) };
}

function requireHost(actor: Actor): void {
  if (!isStaff(actor))
    throw new ForbiddenError(
      'Only colleagues who host involvement work can make plans. If you need to, ask the IEV team to give you access.',
    );
}

/** The partners who took part in a session of the plan, each once. */
function tookPartIn(plan: Plan): string[] {
  return [...new Set(plan.sessions.flatMap((session) => session.partnerIds))];
}

/** "You said, we did" for each partner who took part in a session: what changed because of them (always feed back). */
export function youSaidWeDidMessages(plan: Plan, outcome: PlanOutcome): OwedMessage[] {
  const pairs = outcome.youSaidWeDid.filter((pair) => pair.youSaid || pair.weDid);
  if (pairs.length === 0) return [];
  const whatChanged = pairs.map((pair) => `You said: ${pair.youSaid}\nWe did: ${pair.weDid}`).join('\n\n');
  return tookPartIn(plan).map((partnerId) => ({
    eventId: `you-said-we-did:${plan.id}:${partnerId}`,
    partnerId,
    kind: 'you-said-we-did' as const,
    facts: { work_title: plan.title || 'our involvement work', what_changed: whatChanged },
    condition: { kind: 'plan-closed' as const, planId: plan.id, hostId: plan.hostId },
  }));
}
