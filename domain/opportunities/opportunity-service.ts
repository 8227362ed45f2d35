import { retryOnConflict, withoutVersion } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { OwedMessage } from '../partner-messages/partner-messaging.js';
import { isIevMember, isStaff, type Actor } from '../people/actor.js';
import type { Plan } from '../planning/plan.js';
import type { Clock, DomainLogger, Versioned } from '../ports.js';
import type { Partner } from '../register/partner.js';
import type { PartnerRepository } from '../register/ports.js';
import { audienceFor, NO_WORK, partnerViewFor } from '../register/visibility.js';
import { criteriaOf, fitOf, rank, REASON_WORDS, summarise, type Fit, type MatchSummary } from './matching.js';
import { LIVED_EXPERIENCE } from '../register/service-areas.js';
import {
  ACCESS_ARRANGEMENTS,
  ACCESS_KEYS,
  FORMAT_NAMES,
  INTERVIEW_GUIDE,
  invitationIdFor,
  SETTINGS_ID,
  type Invitation,
  type InvitationAnswer,
  type Opportunity,
  type OpportunityState,
} from './opportunity.js';
import type { MatchSource, OpportunityRepository } from './ports.js';
import { addDays, dailyPeriod } from '../schedule/periods.js';
import type { ScheduledJob } from '../schedule/scheduler.js';
import { day, formFromPlan, parsePublishForm, type PublishForm } from './publish-form.js';

/** Partners who have not answered are reminded this many days before the closing date. */
const REMIND_DAYS_BEFORE = 2;

/** At most this many partners are invited to one opportunity, best fit first (a few places, never a mailshot). */
export const MAX_INVITED = 200;

/** A personal link for one invitation: signed, expiring, used once to answer (`domain/links`, wired in server/). */
export interface AnswerLinks {
  /** The link to put in the invitation, valid until the end of the closing date. */
  issue(invitation: Pick<Invitation, 'id' | 'opportunityId' | 'partnerId'>, expiresAt: Date): Promise<string>;
  /** Whose invitation a link is for, without using it up; undefined for a bad, expired or used link. */
  read(token: string): Promise<{ readonly opportunityId: string; readonly partnerId: string } | undefined>;
  /**
   * Uses the link (once) to record the answer: `record` is retried by a press after a failure part-way, and
   * answers whether it recorded now. False when the link was bad, expired or already used.
   */
  redeem(token: string, record: () => Promise<boolean>): Promise<boolean>;
}

export interface OpportunityServiceOptions {
  readonly store: OpportunityRepository;
  readonly matches: MatchSource;
  readonly plans: {
    findPlan(hostId: string, planId: string): Promise<Versioned<Plan> | undefined>;
    plansOf(hostId: string): Promise<Array<Versioned<Plan>>>;
    /** Records partners chosen from an opportunity on the plan (its partners step) and so on their register history. */
    recordChosen(
      hostId: string,
      planId: string,
      chosen: ReadonlyArray<{ readonly partnerId: string; readonly opportunityId: string }>,
      now: Date,
    ): Promise<void>;
  };
  readonly partners: Pick<PartnerRepository, 'getMany' | 'find'>;
  readonly messaging: { owe(owed: readonly OwedMessage[], now?: Date): Promise<void> };
  readonly links: AnswerLinks;
  /** "Stop inviting me": withdraws the partner's consent to be contacted about opportunities, at once. */
  readonly stopInvitations: (partnerId: string, now: Date) => Promise<void>;
  /** Tells the IEV channel an opportunity waits for approval (a card, through the outbox). */
  readonly approvalNeeded?: (opportunity: Opportunity, now: Date) => Promise<void>;
  /** Tells the host their opportunity closed, with how many said they are interested. */
  readonly closed?: (opportunity: Opportunity, interested: number, now: Date) => Promise<void>;
  readonly logger: DomainLogger;
  readonly now?: Clock;
}

/** What a host (or IEV) sees of one interested partner: need to know, from the register's one rule. */
export interface InterestedPartner {
  readonly partnerId: string;
  readonly displayName: string;
  readonly answeredAt: string | undefined;
  readonly chosen: boolean;
  readonly reasons: readonly string[];
  readonly contact?: Partner['contact'] | undefined;
  readonly communicationNeeds?: string | undefined;
  readonly accessNeeds?: string | undefined;
  readonly availability?: string | undefined;
  /** Interview panels: when they signed the interview guide. */
  readonly guideSignedAt?: string | undefined;
}

export interface OpportunityDetail {
  readonly opportunity: Opportunity;
  /** How the invitations stand, counted. */
  readonly answers: {
    readonly invited: number;
    readonly interested: number;
    readonly notThisTime: number;
    readonly stopped: number;
    readonly waiting: number;
  };
  readonly interested: readonly InterestedPartner[];
  /** What the actor may do now. */
  readonly can: { readonly approve: boolean; readonly choose: boolean; readonly close: boolean };
}

/** Matching as the actor may see it: counts and reasons for the host; IEV also sees who (they keep the register). */
export interface MatchingView extends MatchSummary {
  readonly people?: ReadonlyArray<{
    readonly partnerId: string;
    readonly displayName: string;
    readonly reasons: readonly string[];
  }>;
}

/** The invitation as its personal link shows it to the partner (no one else's details). */
export interface InvitationPage {
  readonly partnerName: string;
  readonly opportunity: Pick<
    Opportunity,
    | 'title'
    | 'what'
    | 'kind'
    | 'role'
    | 'date'
    | 'time'
    | 'format'
    | 'place'
    | 'accessNotes'
    | 'expensesPaid'
    | 'payment'
    | 'places'
    | 'closesOn'
    | 'state'
  > & { readonly accessWords: readonly string[] };
  readonly answer: InvitationAnswer | undefined;
  /** Interview panels: the guide the partner signs when they say they are interested. */
  readonly guide?: typeof INTERVIEW_GUIDE | undefined;
}

/** Signing the interview guide: the partner ticks that they read and understood it, and types their name. */
export interface GuideSignature {
  readonly confirmed: boolean;
  readonly name: string;
}

/**
 * Involvement opportunities (issue 14, BRIEF journey 10): a host publishes one from a plan; matching ranks
 * the register by fit and explains it; invitations go through partner messaging, once per partner, only to
 * active partners who agreed to be contacted; partners answer from a personal link; the host chooses from
 * those interested, and the plan and the partner's history record it. Closing is automatic at the closing date.
 */
export class OpportunityService {
  constructor(private readonly options: OpportunityServiceOptions) {}

  /** What the publish form offers: the host's plans (not finished), the access arrangements, kinds of lived experience. */
  async formOptions(actor: Actor): Promise<{
    plans: Array<{ id: string; title: string }>;
    access: Array<{ value: string; label: string }>;
    livedExperience: string[];
    approvalRequired: boolean;
  }> {
    if (!isStaff(actor))
      throw new ForbiddenError('Only colleagues running involvement work can publish opportunities.');
    const [plans, settings] = await Promise.all([this.options.plans.plansOf(actor.id), this.options.store.settings()]);
    return {
      plans: plans
        .filter((plan) => plan.phase !== 'closed')
        .map((plan) => ({ id: plan.id, title: plan.title || 'Untitled involvement work' })),
      access: ACCESS_KEYS.map((key) => ({ value: key, label: ACCESS_ARRANGEMENTS[key].label })),
      livedExperience: [...LIVED_EXPERIENCE],
      approvalRequired: settings?.approvalRequired ?? false,
    };
  }

  /** The publish form filled in from the host's plan. */
  async formFor(actor: Actor, planId: string): Promise<Omit<PublishForm, 'operationId'>> {
    return formFromPlan(await this.planOf(actor, planId), this.now());
  }

  /**
   * Publishes the form: saved as a draft, then sent to the IEV team to approve (when they ask to) or opened at
   * once, which sends the invitations. Publishing the same form again finds the first and changes nothing.
   */
  async publish(actor: Actor, values: unknown): Promise<Versioned<Opportunity>> {
    if (!isStaff(actor))
      throw new ForbiddenError('Only colleagues running involvement work can publish opportunities.');
    const now = this.now();
    const form = parsePublishForm(values, day(now));
    const plan = await this.planOf(actor, form.planId);
    const id = `opportunity-${form.operationId.replace(/[^A-Za-z0-9-]/g, '-')}`;
    const at = now.toISOString();
    const { document } = await this.options.store.create({
      id,
      type: 'opportunity',
      schemaVersion: 1,
      opportunityId: id,
      kind: form.kind,
      role: form.kind === 'interview-panel' ? form.role : undefined,
      hostId: actor.id,
      hostName: actor.displayName,
      planId: plan.id,
      title: form.title,
      what: form.what,
      date: form.date,
      time: form.time,
      format: form.format,
      place: form.format === 'online' ? undefined : form.place,
      access: form.access,
      accessNotes: form.accessNotes,
      expensesPaid: form.expensesPaid,
      payment: form.payment,
      places: form.places,
      closesOn: form.closesOn,
      serviceArea: plan.serviceArea,
      interests: form.interests,
      livedExperience: form.livedExperience,
      state: 'draft',
      history: [{ state: 'draft', at, byId: actor.id, byName: actor.displayName }],
      createdAt: at,
      updatedAt: at,
    });
    if (document.state !== 'draft') return document;
    const approvalRequired = (await this.options.store.settings())?.approvalRequired ?? false;
    if (!approvalRequired) return this.open(document, actor, now);
    const waiting = await this.move(document, 'awaiting-approval', actor, now);
    await this.options.approvalNeeded?.(waiting, now);
    return waiting;
  }

  /** IEV approves: the opportunity opens and the invitations go. Approving again changes nothing. */
  async approve(actor: Actor, id: string): Promise<Versioned<Opportunity>> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team approves opportunities.');
    const opportunity = await this.get(id);
    if (opportunity.state === 'open') return opportunity;
    if (opportunity.state !== 'awaiting-approval')
      throw new ConflictError(
        `This opportunity is ${opportunity.state === 'closed' ? 'closed' : 'not waiting for approval'}.`,
      );
    return this.open(opportunity, actor, this.now());
  }

  /** The host's opportunities (IEV: every opportunity), newest first. */
  async list(actor: Actor): Promise<Opportunity[]> {
    if (isIevMember(actor)) return this.options.store.inStates(['awaiting-approval', 'open', 'closed', 'draft']);
    if (!isStaff(actor)) return [];
    return this.options.store.ofHost(actor.id);
  }

  async detail(actor: Actor, id: string): Promise<OpportunityDetail> {
    const opportunity = await this.visible(actor, id);
    const invitations = await this.options.store.invitationsOf(id);
    const count = (answer: InvitationAnswer | undefined) => invitations.filter((item) => item.answer === answer).length;
    const interestedInvitations = invitations.filter((item) => item.answer === 'interested');
    const partners = new Map(
      (await this.options.partners.getMany(interestedInvitations.map((item) => item.partnerId))).map((partner) => [
        partner.id,
        partner,
      ]),
    );
    const owner = opportunity.hostId === actor.id;
    const interested = interestedInvitations.flatMap((invitation): InterestedPartner[] => {
      const partner = partners.get(invitation.partnerId);
      if (!partner || partner.status === 'left') return [];
      // Need to know, by the register's one rule: the host sees contact and needs because the partner said they are interested.
      const view = partnerViewFor(audienceFor(actor, { ...NO_WORK, interestedInOpportunity: owner }), partner);
      return [
        {
          partnerId: partner.id,
          displayName: view.displayName,
          answeredAt: invitation.answeredAt,
          chosen: invitation.selectedAt !== undefined,
          reasons: invitation.reasons,
          contact: view.contact,
          communicationNeeds: view.communicationNeeds,
          accessNeeds: view.accessNeeds,
          availability: view.availability,
          guideSignedAt: invitation.guideSigned?.at,
        },
      ];
    });
    return {
      opportunity: withoutVersion(opportunity),
      answers: {
        invited: invitations.length,
        interested: interestedInvitations.length,
        notThisTime: count('not-this-time'),
        stopped: count('stop'),
        waiting: count(undefined),
      },
      interested,
      can: {
        approve: isIevMember(actor) && opportunity.state === 'awaiting-approval',
        choose: (owner || isIevMember(actor)) && opportunity.state !== 'draft',
        close: (owner || isIevMember(actor)) && opportunity.state === 'open',
      },
    };
  }

  /** How many on the register fit, and why; never who, except for the IEV team. */
  async matching(actor: Actor, id: string): Promise<MatchingView> {
    const opportunity = await this.visible(actor, id);
    const fits = await this.fitsFor(opportunity);
    const summary = summarise(fits);
    if (!isIevMember(actor)) return summary;
    const top = fits.slice(0, 50);
    const names = new Map(
      (await this.options.partners.getMany(top.map((fit) => fit.partnerId))).map((partner) => [
        partner.id,
        partner.displayName,
      ]),
    );
    return {
      ...summary,
      people: top.map((fit) => ({
        partnerId: fit.partnerId,
        displayName: names.get(fit.partnerId) ?? 'A partner',
        reasons: fit.reasons.map((reason) => REASON_WORDS[reason]),
      })),
    };
  }

  /** The host (or IEV) chooses partners who said they are interested; the plan and their register history record it. */
  async choose(actor: Actor, id: string, partnerIds: readonly string[]): Promise<OpportunityDetail> {
    const opportunity = await this.visible(actor, id);
    if (opportunity.hostId !== actor.id && !isIevMember(actor))
      throw new ForbiddenError('Only the colleague who published this opportunity chooses who takes part.');
    const wanted = [...new Set(partnerIds)].slice(0, 100);
    if (wanted.length === 0)
      throw new ValidationError('Choose at least one person.', [
        { field: 'partnerIds', message: 'Choose at least one person.' },
      ]);
    const now = this.now();
    for (const partnerId of wanted) {
      await retryOnConflict(async () => {
        const invitation = await this.options.store.findInvitation(id, partnerId);
        if (!invitation || invitation.answer !== 'interested')
          throw new ValidationError('You can only choose people who said they are interested.', [
            { field: 'partnerIds', message: 'Choose from the people who said they are interested.' },
          ]);
        if (invitation.selectedAt) return;
        await this.options.store.replaceInvitation(
          { ...withoutVersion(invitation), selectedAt: now.toISOString() },
          invitation._etag,
        );
      });
    }
    await this.options.plans.recordChosen(
      opportunity.hostId,
      opportunity.planId,
      wanted.map((partnerId) => ({ partnerId, opportunityId: id })),
      now,
    );
    return this.detail(actor, id);
  }

  /** Closes an open opportunity now (the host, IEV, or the closing date): no more answers are taken. */
  async close(actor: Actor, id: string): Promise<Versioned<Opportunity>> {
    const opportunity = await this.visible(actor, id);
    if (opportunity.hostId !== actor.id && !isIevMember(actor))
      throw new ForbiddenError('Only the colleague who published this opportunity can close it.');
    return this.closeNow(opportunity, actor, this.now());
  }

  /**
   * The daily job: partners who have not answered are reminded once, two days before the closing date (the same
   * invitation and link again), and every opportunity whose closing date has passed closes, telling the host how
   * many are interested. Safe to repeat: each reminder is owed under its own event, and closing twice is a no-op.
   */
  readonly closingJob = (hourUtc: number): ScheduledJob => ({
    name: 'opportunity-closing',
    periodAt: (now) => dailyPeriod(now, hourUtc),
    run: async (_period, now) => {
      await this.remindDue(now);
      await this.closeDue(now);
    },
  });

  async remindDue(now = this.now()): Promise<number> {
    const soon = await this.options.store.closingBy(day(addDays(now, REMIND_DAYS_BEFORE)), ['open']);
    let reminded = 0;
    for (const opportunity of soon.filter((item) => !item.remindedAt && item.closesOn >= day(now))) {
      const waiting = (await this.options.store.invitationsOf(opportunity.id)).filter((item) => !item.answer);
      for (const invitation of waiting) {
        await this.owe(opportunity, invitation, 'reminder', now);
        reminded += 1;
      }
      await retryOnConflict(async (tryNumber) => {
        const latest = tryNumber === 1 ? opportunity : await this.get(opportunity.id);
        if (latest.remindedAt) return;
        await this.options.store.replace({ ...withoutVersion(latest), remindedAt: now.toISOString() }, latest._etag);
      });
    }
    return reminded;
  }

  /**
   * Closes every opportunity whose closing date has passed (answers are taken all through the closing date), also
   * one still waiting for approval: inviting people after the date they were to answer by would help nobody.
   */
  async closeDue(now = this.now()): Promise<number> {
    const due = await this.options.store.closingBy(day(addDays(now, -1)), ['open', 'awaiting-approval']);
    for (const opportunity of due) await this.closeNow(opportunity, SYSTEM, now);
    return due.length;
  }

  // ---- the partner's side: their personal link ---------------------------------------------------------

  /** What the personal link shows; undefined for a link that is bad, expired or already used. */
  async invitationPage(token: string): Promise<InvitationPage | undefined> {
    const link = await this.options.links.read(token);
    if (!link) return undefined;
    return this.pageFor(link.opportunityId, link.partnerId);
  }

  /**
   * The partner's answer from their link (used once). "Stop inviting me" withdraws their consent to be contacted
   * about opportunities at once. After the closing date only "stop" is still taken.
   */
  async answer(
    token: string,
    answer: InvitationAnswer,
    signature?: GuideSignature,
  ): Promise<{ readonly outcome: 'recorded' | 'closed'; readonly page: InvitationPage } | undefined> {
    const link = await this.options.links.read(token);
    if (!link) return undefined;
    const opportunity = await this.options.store.find(link.opportunityId);
    if (!opportunity) return undefined;
    const closed = opportunity.state === 'closed' && answer !== 'stop';
    // Checked before the link is used, so a partner who forgot to sign can answer again.
    const signs = opportunity.kind === 'interview-panel' && answer === 'interested';
    const signedName = signature?.name.trim().slice(0, 120) ?? '';
    if (!closed && signs && (!signature?.confirmed || !signedName))
      throw new ValidationError('Sign the guide to say you are interested.', [
        ...(signature?.confirmed
          ? []
          : [{ field: 'confirmed', message: 'Tick to say you have read and understood the guide.' }]),
        ...(signedName ? [] : [{ field: 'signedName', message: 'Type your full name to sign the guide.' }]),
      ]);
    if (!closed) {
      const now = this.now();
      const recorded = await this.options.links.redeem(token, async () => {
        // Before the answer is kept: a press again after a failure part-way still withdraws consent.
        if (answer === 'stop') await this.options.stopInvitations(link.partnerId, now);
        return retryOnConflict(async () => {
          const invitation = await this.options.store.findInvitation(link.opportunityId, link.partnerId);
          if (!invitation) throw new NotFoundError('That invitation could not be found.');
          // Answered already from this link: a retry that got through, or another press at the same moment.
          if (invitation.answeredAt) return false;
          await this.options.store.replaceInvitation(
            {
              ...withoutVersion(invitation),
              answer,
              answeredAt: now.toISOString(),
              ...(signs
                ? { guideSigned: { name: signedName, at: now.toISOString(), version: INTERVIEW_GUIDE.version } }
                : {}),
            },
            invitation._etag,
          );
          return true;
        });
      });
      if (!recorded) return undefined;
      this.options.logger.info({ opportunityId: link.opportunityId, answer }, 'invitation answered');
    }
    const page = await this.pageFor(link.opportunityId, link.partnerId);
    return page && { outcome: closed ? 'closed' : 'recorded', page };
  }

  // ---- the partner's rights (domain/register/partner-rights.ts) -------------------------------------

  readonly name = 'opportunities';

  /** What the invitations say about the partner, for their data export: what they were invited to and their answer. */
  async exportFor(partnerId: string): Promise<readonly unknown[]> {
    const invitations = await this.options.store.invitationsForPartner(partnerId);
    return Promise.all(
      invitations.map(async (invitation) => ({
        opportunity: (await this.options.store.find(invitation.opportunityId))?.title ?? 'An opportunity since removed',
        invitedAt: invitation.invitedAt,
        whyInvited: invitation.reasons,
        answer: invitation.answer,
        answeredAt: invitation.answeredAt,
        chosenAt: invitation.selectedAt,
      })),
    );
  }

  /** Erasure: the partner's invitations (their fit, answers and choice) are deleted; the counts lose them too. */
  async eraseFor(partnerId: string): Promise<void> {
    for (const invitation of await this.options.store.invitationsForPartner(partnerId))
      await this.options.store.deleteInvitation(invitation);
  }

  // ---- IEV's setting ----------------------------------------------------------------------------------

  async settings(actor: Actor): Promise<{ readonly approvalRequired: boolean }> {
    if (!isStaff(actor)) throw new ForbiddenError('Only colleagues see how opportunities are published.');
    return { approvalRequired: (await this.options.store.settings())?.approvalRequired ?? false };
  }

  async changeSettings(actor: Actor, approvalRequired: boolean): Promise<{ readonly approvalRequired: boolean }> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team decides whether opportunities need approval.');
    await this.options.store.saveSettings({
      id: SETTINGS_ID,
      type: 'opportunity-settings',
      schemaVersion: 1,
      opportunityId: SETTINGS_ID,
      approvalRequired,
      changedBy: { id: actor.id, name: actor.displayName, at: this.now().toISOString() },
    });
    return { approvalRequired };
  }

  // ---- inside ----------------------------------------------------------------------------------------

  private async open(opportunity: Versioned<Opportunity>, actor: Actor | typeof SYSTEM, now: Date) {
    const opened = await this.move(opportunity, 'open', actor, now);
    return this.invite(opened, now);
  }

  /**
   * Invites the best-fitting partners, once each: the invitation's id names the opportunity and the partner, and
   * the message is owed under the same event, so a retry (or a second instance) invites nobody twice. Consent and
   * status are checked again by partner messaging when the message goes.
   */
  private async invite(opportunity: Versioned<Opportunity>, now: Date): Promise<Versioned<Opportunity>> {
    const fits = (await this.fitsFor(opportunity)).slice(0, MAX_INVITED);
    for (const fit of fits) {
      const { document: invitation, created } = await this.options.store.createInvitation({
        id: invitationIdFor(opportunity.id, fit.partnerId),
        type: 'invitation',
        schemaVersion: 1,
        opportunityId: opportunity.id,
        partnerId: fit.partnerId,
        hostId: opportunity.hostId,
        score: fit.score,
        reasons: fit.reasons.map((reason) => REASON_WORDS[reason]),
        invitedAt: now.toISOString(),
      });
      if (!created && invitation.answer) continue;
      await this.owe(opportunity, invitation, 'invitation', now);
    }
    this.options.logger.info({ opportunityId: opportunity.id, invited: fits.length }, 'opportunity invitations owed');
    return retryOnConflict(async (tryNumber) => {
      const latest = tryNumber === 1 ? opportunity : await this.get(opportunity.id);
      if (latest.invited) return latest;
      return this.options.store.replace(
        {
          ...withoutVersion(latest),
          invited: { count: fits.length, at: now.toISOString() },
          updatedAt: now.toISOString(),
        },
        latest._etag,
      );
    });
  }

  /** The invitation (or its reminder) owed to the partner, once per event; the link is the same each time. */
  private async owe(opportunity: Opportunity, invitation: Invitation, occasion: 'invitation' | 'reminder', now: Date) {
    const link = await this.options.links.issue(invitation, new Date(`${opportunity.closesOn}T23:59:59Z`));
    await this.options.messaging.owe(
      [
        {
          eventId: `opportunity-${occasion}:${opportunity.id}:${invitation.partnerId}`,
          partnerId: invitation.partnerId,
          kind: 'invitation',
          facts: {
            work_title: opportunity.title,
            when: whenWords(opportunity),
            where: whereWords(opportunity),
            closes_on: longDate(opportunity.closesOn),
            link,
          },
        },
      ],
      now,
    );
  }

  private async closeNow(opportunity: Versioned<Opportunity>, actor: Actor | typeof SYSTEM, now: Date) {
    if (opportunity.state === 'closed') return opportunity;
    const closed = await this.move(opportunity, 'closed', actor, now);
    const interested = (await this.options.store.invitationsOf(opportunity.id)).filter(
      (item) => item.answer === 'interested',
    ).length;
    await this.options.closed?.(closed, interested, now);
    return closed;
  }

  private async fitsFor(opportunity: Opportunity): Promise<Fit[]> {
    const candidates = await this.options.matches.candidates(criteriaOf(opportunity));
    return rank(candidates.flatMap((candidate) => fitOf(opportunity, candidate) ?? []));
  }

  private async move(
    opportunity: Versioned<Opportunity>,
    state: OpportunityState,
    actor: Actor | typeof SYSTEM,
    now: Date,
  ): Promise<Versioned<Opportunity>> {
    return retryOnConflict(async (tryNumber) => {
      const latest = tryNumber === 1 ? opportunity : await this.get(opportunity.id);
      if (latest.state === state) return latest;
      const at = now.toISOString();
      return this.options.store.replace(
        {
          ...withoutVersion(latest),
          state,
          history: [...latest.history, { state, at, byId: actor.id, byName: actor.displayName }].slice(-50),
          updatedAt: at,
        },
        latest._etag,
      );
    });
  }

  private async pageFor(opportunityId: string, partnerId: string): Promise<InvitationPage | undefined> {
    const [opportunity, invitation, partner] = await Promise.all([
      this.options.store.find(opportunityId),
      this.options.store.findInvitation(opportunityId, partnerId),
      this.options.partners.find(partnerId),
    ]);
    if (!opportunity || !invitation || !partner || partner.erasure) return undefined;
    return {
      partnerName: partner.displayName,
      opportunity: {
        title: opportunity.title,
        what: opportunity.what,
        kind: opportunity.kind,
        role: opportunity.role,
        date: opportunity.date,
        time: opportunity.time,
        format: opportunity.format,
        place: opportunity.place,
        accessNotes: opportunity.accessNotes,
        expensesPaid: opportunity.expensesPaid,
        payment: opportunity.payment,
        places: opportunity.places,
        closesOn: opportunity.closesOn,
        state: opportunity.state,
        accessWords: opportunity.access.map((key) => ACCESS_ARRANGEMENTS[key].label),
      },
      answer: invitation.answer,
      ...(opportunity.kind === 'interview-panel' ? { guide: INTERVIEW_GUIDE } : {}),
    };
  }

  private async planOf(actor: Actor, planId: string): Promise<Versioned<Plan>> {
    const plan = await this.options.plans.findPlan(actor.id, planId);
    if (!plan) throw new NotFoundError('That plan could not be found. Open it from "my plans" and try again.');
    return plan;
  }

  private async get(id: string): Promise<Versioned<Opportunity>> {
    const found = await this.options.store.find(id);
    if (!found) throw new NotFoundError('That opportunity could not be found.');
    return found;
  }

  /** The host who published it and the IEV team see an opportunity; to anyone else it does not exist. */
  private async visible(actor: Actor, id: string): Promise<Versioned<Opportunity>> {
    const found = await this.options.store.find(id);
    if (!found || (found.hostId !== actor.id && !isIevMember(actor)))
      throw new NotFoundError('That opportunity could not be found.');
    return found;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** The closing date and the scheduler act as the system. */
const SYSTEM = { id: 'system', displayName: 'Closed on its closing date' } as const;

/** "1 December 2026", as GOV.UK writes dates. */
export function longDate(value: string): string {
  const date = new Date(`${value.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleDateString('en-GB', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/London',
      });
}

export function whenWords(opportunity: Pick<Opportunity, 'date' | 'time'>): string {
  return opportunity.time ? `${longDate(opportunity.date)} at ${opportunity.time}` : longDate(opportunity.date);
}

export function whereWords(opportunity: Pick<Opportunity, 'format' | 'place'>): string {
  if (opportunity.format === 'online') return 'Online';
  return opportunity.format === 'hybrid'
    ? `${opportunity.place ?? ''} (or online)`.trim()
    : (opportunity.place ?? FORMAT_NAMES['in-person']);
}
