import { randomUUID } from 'node:crypto';
import { retryOnConflict, withoutVersion } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { isIevMember, isStaff, leadingRole, type Actor, type Role } from '../people/actor.js';
import type { ClaimStatus } from '../claims/claim.js';
import type { AuditTrail, ClaimRecord, InvolvementReader, PartnerRepository, WorkRecord } from './ports.js';
import type { Partner } from './partner.js';
import type { Clock, Versioned } from '../ports.js';
import type { RegisterQuery } from './register-query.js';
import type { OwedMessage } from '../partner-messages/partner-messaging.js';
import { corrected, type PartnerCorrection } from './correction.js';
import { isInFuture, withConsentChange, type ConsentChange } from './consent.js';
import {
  isSameRegistrant,
  newPartnerFrom,
  type RegistrationConsentMethod,
  type RegistrationInput,
} from './registration.js';
import { LIVED_EXPERIENCE, SERVICE_AREAS } from './service-areas.js';
import {
  audienceFor,
  auditedFieldsIn,
  canSeePartner,
  NO_WORK,
  partnerRow,
  partnerViewFor,
  type Audience,
  type PartnerRow,
  type PartnerView,
  type WorkWithPartner,
} from './visibility.js';
import { EQUALITY_QUESTIONS } from './equality-questions.js';

export interface InvolvementEntry {
  readonly planId: string;
  readonly title: string;
  readonly phase: string | undefined;
  readonly sessions: number;
  readonly hours: number;
  /** When the host chose the partner for this work from one of its opportunities. */
  readonly chosenAt?: string | undefined;
}

export interface ClaimEntry {
  readonly id: string;
  readonly status: ClaimStatus;
  readonly submittedAt: string | undefined;
  readonly amountPence: number;
  readonly paidAt: string | undefined;
}

/** What a host needs to prepare for a partner in their work; the needs are absent when the rule withholds them. */
export interface PartnerNeeds {
  readonly id: string;
  readonly displayName: string;
  readonly communicationNeeds: string | undefined;
  readonly accessNeeds: string | undefined;
}

export interface PartnerPage {
  readonly partner: PartnerView;
  /** What the caller sees and why (need to know), so the page can say it plainly. */
  readonly access: { readonly audience: Audience; readonly work: WorkWithPartner };
  /** IEV only: the record's version, sent back with a change so two people cannot overwrite each other. */
  readonly version?: string;
  /**
   * The work the partner took part in, and their claims and payments: all of it for IEV, the host's own
   * for a host who works with the partner, nothing for anyone else.
   */
  readonly involvement?: readonly InvolvementEntry[];
  readonly claims?: readonly ClaimEntry[];
}

const STALE = 'Someone else changed this partner since you opened the page. Reload to see the latest, then try again.';

type PendingAudit = NonNullable<Partner['pendingAudit']>[number];

// The same words whether the partner does not exist or the caller may not see them.
const NOT_FOUND =
  'We could not find that Involvement Partner. They may have left the register, or you may not have access.';

export interface RegisterServiceOptions {
  readonly partners: PartnerRepository;
  readonly audit: AuditTrail;
  readonly work: InvolvementReader;
  /** Erasure on request (`PartnerRightsService.erase`): withdrawing consent to be on the register starts it. */
  readonly eraseOnRequest: EraseOnRequest;
  readonly messages?: { owe(owed: readonly OwedMessage[], now?: Date): Promise<void> };
  readonly now: Clock;
}

/** The Involvement Register's rules: who sees what, who may register, and what every sensitive view leaves behind. */
export class RegisterService {
  private readonly partners: PartnerRepository;
  private readonly audit: AuditTrail;
  private readonly work: InvolvementReader;
  private readonly eraseOnRequest: EraseOnRequest;
  private readonly messages: RegisterServiceOptions['messages'];
  private readonly now: Clock;

  constructor(options: RegisterServiceOptions) {
    this.partners = options.partners;
    this.audit = options.audit;
    this.work = options.work;
    this.eraseOnRequest = options.eraseOnRequest;
    this.messages = options.messages;
    this.now = options.now;
  }

  /** What the register's forms and filters offer, and which audience the caller is (the tab shows what that audience may use). */
  options(actor: Actor): {
    serviceAreas: typeof SERVICE_AREAS;
    equalityQuestions: typeof EQUALITY_QUESTIONS;
    livedExperience: typeof LIVED_EXPERIENCE;
    audience: Role;
  } {
    return {
      serviceAreas: SERVICE_AREAS,
      equalityQuestions: EQUALITY_QUESTIONS,
      livedExperience: LIVED_EXPERIENCE,
      audience: leadingRole(actor),
    };
  }

  async list(actor: Actor, query: RegisterQuery): Promise<{ items: PartnerRow[]; continuation: string | undefined }> {
    const iev = isIevMember(actor);
    if (query.status === 'left' && !iev) return { items: [], continuation: undefined };
    const page = await this.partners.registerPage(query, { includeLeft: iev });
    return { items: page.items.map(partnerRow), continuation: page.continuation };
  }

  async partnerPage(actor: Actor, id: string): Promise<PartnerPage> {
    const partner = await this.partners.find(id);
    if (!partner || !canSeePartner(audienceFor(actor, NO_WORK), partner)) throw new NotFoundError(NOT_FOUND);
    const { plans, claims, interestedHosts } = await this.workRecords(actor, partner.id);
    const work = workWith(actor, partner.id, plans, claims, interestedHosts);
    const audience = audienceFor(actor, work);
    const view = partnerViewFor(audience, partner);
    const audited = auditedFieldsIn(view);
    // Written before the data leaves: if the trail cannot be written, the data is not shown.
    if (audited.length > 0)
      await this.audit.record({
        subjectId: partner.id,
        actorId: actor.id,
        actorName: actor.displayName,
        action: 'viewed-sensitive',
        fields: audited,
      });
    const access = { audience, work };
    if (audience === 'public') return { partner: view, access };
    const mine = <R extends { hostId?: string }>(records: R[]): R[] =>
      audience === 'iev' ? records : records.filter((record) => record.hostId === actor.id);
    return {
      partner: view,
      access,
      ...(audience === 'iev' ? { version: partner._etag } : {}),
      involvement: mine(plans).map((plan) => involvementOf(plan, partner.id)),
      claims: mine(claims).map(claimEntry),
    };
  }

  /**
   * The communication and access needs of partners, as far as the actor may see them (need to know):
   * for the bot's cards, so a host can prepare for the people in their work. Unknown ids and partners
   * who left are left out; the emergency contact and equality answers never leave, so nothing is audited.
   */
  async needsOf(actor: Actor, ids: readonly string[]): Promise<PartnerNeeds[]> {
    const partners = (await this.partners.getMany(ids.slice(0, 50))).filter((partner) =>
      canSeePartner(audienceFor(actor, NO_WORK), partner),
    );
    return Promise.all(
      partners.map(async (partner) => {
        const { plans, claims, interestedHosts } = await this.workRecords(actor, partner.id);
        const view = partnerViewFor(
          audienceFor(actor, workWith(actor, partner.id, plans, claims, interestedHosts)),
          partner,
        );
        return {
          id: view.id,
          displayName: view.displayName,
          communicationNeeds: view.communicationNeeds,
          accessNeeds: view.accessNeeds,
        };
      }),
    );
  }

  /** What the need-to-know rule reads about the partner's work: nothing for anyone who is not staff. */
  private async workRecords(
    actor: Actor,
    partnerId: string,
  ): Promise<{ plans: WorkRecord[]; claims: ClaimRecord[]; interestedHosts: string[] }> {
    if (!isStaff(actor)) return { plans: [], claims: [], interestedHosts: [] };
    const [plans, claims, interestedHosts] = await Promise.all([
      this.work.plansWithPartner(partnerId),
      this.work.claimsForPartner(partnerId),
      this.work.hostsOfOpportunitiesInterestedIn(partnerId),
    ]);
    return { plans, claims, interestedHosts };
  }

  async register(
    actor: Actor,
    input: RegistrationInput,
    now = new Date(),
    consentMethod?: RegistrationConsentMethod,
  ): Promise<{ partner: PartnerView; created: boolean }> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can register Involvement Partners.');
    const candidate = newPartnerFrom(input, now, consentMethod);
    const namesakes = await this.partners.withSearchName(candidate.searchName);
    const duplicate = namesakes.find(
      (existing) => existing.id !== candidate.id && isSameRegistrant(existing, candidate),
    );
    if (duplicate) {
      throw new DuplicatePartnerError(
        `${duplicate.displayName} is already on the register with the same email or phone number. Open their record instead of registering them again.`,
      );
    }
    const { document, created } = await this.partners.create(candidate);
    // Also on a retry (created = false): the first attempt may have saved the partner and failed before its audit entry.
    await this.audit.record(
      { subjectId: document.id, actorId: actor.id, actorName: actor.displayName, action: 'registered', fields: [] },
      now,
      `registered:${document.id}`,
    );
    // Also on a retry: the welcome is keyed by the partner, so it is owed (and sent) once.
    await this.welcome(document.id, now);
    return { partner: partnerViewFor('iev', document), created };
  }

  /** "Welcome to Involvement", by email, text or letter as they prefer (or the task stays for IEV, with why). */
  async welcome(partnerId: string, now = new Date()): Promise<void> {
    await this.messages?.owe([{ eventId: `welcome:${partnerId}`, partnerId, kind: 'welcome' }], now);
  }

  /** Who registered the partner and who has seen their sensitive details: IEV members only, newest first. */
  async auditTrail(
    actor: Actor,
    id: string,
  ): Promise<Array<{ at: string; actorId: string; actorName: string; action: string; fields: readonly string[] }>> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team sees who viewed a partner\u2019s details.');
    const partner = await this.partners.find(id);
    if (!partner) throw new NotFoundError(NOT_FOUND);
    const recorded = await this.audit.trailOf(id);
    // Changes whose audit event still waits on the entry (not yet copied to the trail) are shown too.
    const waiting = (partner.pendingAudit ?? []).filter((event) => !recorded.some((entry) => entry.id === event.id));
    const trail = [...waiting, ...recorded].sort((a, b) => b.at.localeCompare(a.at));
    return trail.slice(0, 50).map(({ at, actorId, actorName, action, fields }) => ({
      at,
      actorId,
      actorName: actorName ?? 'A colleague',
      action,
      fields,
    }));
  }

  /** IEV marks a partner active, paused (taking a break) or left (no longer on the register for others). */
  async changeStatus(
    actor: Actor,
    id: string,
    status: Partner['status'],
    version: string,
  ): Promise<{ version: string }> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can change a partner\u2019s status.');
    const partner = await this.partners.find(id);
    if (!partner) throw new NotFoundError(NOT_FOUND);
    if (partner._etag !== version) throw new ConflictError(STALE);
    if (partner.status === status) return { version: partner._etag };
    if (partner.erasure)
      throw new ConflictError(
        'This partner\u2019s data was erased on request, so they cannot come back onto the register. If they return, register them again.',
      );
    const saved = await this.changeWithAudit(
      partner,
      { ...withoutVersion(partner), status },
      { action: 'status-changed', fields: [status] },
      actor,
      new Date(),
    );
    return { version: saved._etag };
  }

  /**
   * IEV corrects a partner's details (rectification). Refused when someone changed the entry since the form
   * was opened; the entry keeps its id, so involvement history and claims stay with it. The audit names the
   * fields that changed, never their values.
   */
  async correct(
    actor: Actor,
    id: string,
    input: PartnerCorrection,
    now = new Date(),
  ): Promise<{ version: string; changed: readonly string[] }> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can correct a partner’s details.');
    const partner = await this.partners.find(id);
    if (!partner) throw new NotFoundError(NOT_FOUND);
    if (partner.erasure)
      throw new ConflictError(
        'This partner’s data was erased on request, so there is nothing to correct. If they return, register them again.',
      );
    if (partner._etag !== input.version) throw new ConflictError(STALE);
    const { partner: next, changed } = corrected(withoutVersion(partner), input);
    if (changed.length === 0) return { version: partner._etag, changed };
    const saved = await this.changeWithAudit(partner, next, { action: 'corrected', fields: changed }, actor, now);
    return { version: saved._etag, changed };
  }

  /**
   * IEV records a partner's new choice about one purpose, with the date and how they said it. Withdrawal takes
   * effect at once (see consent.ts); withdrawing consent to be on the register starts erasure (today's flow),
   * with the withdrawal recorded in the same write as the erasure.
   */
  async changeConsent(
    actor: Actor,
    id: string,
    change: ConsentChange,
    now = new Date(),
  ): Promise<{ version: string; erased: boolean }> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can record a partner\u2019s consent.');
    if (isInFuture(change.date, now))
      throw new ValidationError('Check the date.', [
        { field: 'date', message: 'The date they told you cannot be in the future.' },
      ]);
    const partner = await this.partners.find(id);
    if (!partner) throw new NotFoundError(NOT_FOUND);
    if (partner.erasure)
      throw new ConflictError('This partner\u2019s data was erased on request, so there is no consent to change.');
    if (partner._etag !== change.version) throw new ConflictError(STALE);
    if (change.purpose === 'register' && !change.given) {
      await this.eraseOnRequest(
        actor,
        id,
        `They withdrew their consent to be on the register (${CONSENT_METHOD_WORDS[change.how]}, ${change.date})`,
        now,
        (current) => withConsentChange(current, change, actor, now).partner,
      );
      return { version: (await this.partners.get(id))._etag, erased: true };
    }
    const { partner: next, fields } = withConsentChange(withoutVersion(partner), change, actor, now);
    const saved = await this.changeWithAudit(partner, next, { action: 'consent-changed', fields }, actor, now);
    return { version: saved._etag, erased: false };
  }

  /**
   * Saves a change with its audit event in the same write (so the change can never be saved without it),
   * then copies the event to the audit trail under its id and clears it from the entry. If copying fails,
   * the event waits on the entry and the next change copies it: nothing is lost and nothing is copied twice.
   */
  private async changeWithAudit(
    partner: Versioned<Partner>,
    next: Partner,
    event: { action: PendingAudit['action']; fields: readonly string[]; id?: string },
    actor: Actor,
    now: Date,
  ): Promise<Versioned<Partner>> {
    const pending: PendingAudit = {
      id: event.id ?? `${event.action}:${randomUUID()}`,
      action: event.action,
      fields: [...event.fields],
      actorId: actor.id,
      actorName: actor.displayName,
      at: now.toISOString(),
    };
    const saved = await this.partners.replace(
      { ...next, pendingAudit: [...(partner.pendingAudit ?? []), pending].slice(-100) },
      partner._etag,
    );
    try {
      for (const waiting of saved.pendingAudit ?? []) {
        const { id: onceId, at, ...rest } = waiting;
        await this.audit.record({ subjectId: saved.id, ...rest }, new Date(at), onceId);
      }
      const { pendingAudit: _copied, ...cleared } = withoutVersion(saved);
      return await this.partners.replace(cleared, saved._etag);
    } catch {
      // The events are safe on the entry; the next change copies them (by id, so once).
      return saved;
    }
  }

  /** IEV records that the partner completed interview panel training (seed 004); audited by field name. */
  async recordPanelTraining(
    actor: Actor,
    id: string,
    completedOn: string,
    now = new Date(),
  ): Promise<{ version: string }> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team records training on the register.');
    if (isInFuture(completedOn, now))
      throw new ValidationError('Check the date.', [
        { field: 'completedOn', message: 'The day they completed it cannot be in the future.' },
      ]);
    const saved = await retryOnConflict(async () => {
      const partner = await this.partners.find(id);
      if (!partner || partner.erasure) throw new NotFoundError(NOT_FOUND);
      const next: Partner = {
        ...withoutVersion(partner),
        panelTraining: { completedOn, recordedAt: now.toISOString(), byName: actor.displayName },
      };
      return this.changeWithAudit(partner, next, { action: 'corrected', fields: ['panelTraining'] }, actor, now);
    });
    return { version: saved._etag };
  }

  /**
   * The partner pressed "stop inviting me" in an invitation (their personal link): their consent to be contacted
   * about opportunities is withdrawn at once, recorded as given on an online form by the partner themselves, and
   * audited like any other change of consent. Nothing to do when it is withdrawn already.
   */
  async stopInvitations(partnerId: string, now = new Date()): Promise<void> {
    const byPartner: Actor = {
      id: `partner:${partnerId}`,
      displayName: 'The partner, from their invitation',
      roles: [],
    };
    await retryOnConflict(async () => {
      const partner = await this.partners.find(partnerId);
      if (!partner || partner.erasure || !partner.consent.contactAboutOpportunities.given) return;
      const { partner: next, fields } = withConsentChange(
        withoutVersion(partner),
        {
          version: partner._etag,
          purpose: 'contactAboutOpportunities',
          given: false,
          date: now.toISOString().slice(0, 10),
          how: 'online-form',
        },
        byPartner,
        now,
      );
      await this.changeWithAudit(partner, next, { action: 'consent-changed', fields }, byPartner, now);
    });
  }

  /**
   * The partner answered a consent renewal from their personal link: each purpose given again today or withdrawn,
   * recorded as theirs (on an online form) and audited, in one write. Withdrawal takes effect at once as when IEV
   * records it (equality answers deleted, contact details hidden and no more messages), except for consent to be
   * on the register: the partner leaves the register at once (nothing more is sent to them, nobody invites them,
   * and the retention review lists them for erasure), because erasure is the IEV team's to carry out once any
   * claim still owed to the partner is paid. Nothing happens to an erased partner. The audit entry is named by
   * `operationId` (the link's), so a press again after a failure part-way or a lost reply records it once:
   * answers whether it recorded now.
   */
  async renewConsent(
    partnerId: string,
    choices: ReadonlyArray<{ readonly purpose: ConsentChange['purpose']; readonly given: boolean }>,
    now: Date,
    operationId: string,
  ): Promise<boolean> {
    const auditId = `consent-changed:${operationId}`;
    const byPartner: Actor = {
      id: `partner:${partnerId}`,
      displayName: 'The partner, from their consent renewal link',
      roles: [],
    };
    return retryOnConflict(async () => {
      const partner = await this.partners.find(partnerId);
      if (!partner || partner.erasure) return false;
      // Recorded already under this operation: waiting on the entry, or copied to the trail.
      if (partner.pendingAudit?.some((event) => event.id === auditId)) return false;
      if ((await this.audit.trailOf(partnerId)).some((event) => event.id === auditId)) return false;
      let next = withoutVersion(partner);
      const fields = new Set<string>();
      for (const choice of choices) {
        const changed = withConsentChange(
          next,
          { version: partner._etag, ...choice, date: now.toISOString().slice(0, 10), how: 'online-form' },
          byPartner,
          now,
        );
        next = changed.partner;
        changed.fields.forEach((field) => fields.add(field));
      }
      if (choices.some((choice) => choice.purpose === 'register' && !choice.given) && next.status !== 'left') {
        next = { ...next, status: 'left' };
        fields.add('status');
      }
      const event = { action: 'consent-changed' as const, fields: [...fields], id: auditId };
      await this.changeWithAudit(partner, next, event, byPartner, now);
      return true;
    });
  }

  async welcomeTasks(actor: Actor): Promise<Array<Pick<Partner, 'id' | 'displayName' | 'registeredAt'>>> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team sees the welcome tasks.');
    const page = await this.partners.awaitingWelcome(50);
    return page.items.map(({ id, displayName, registeredAt }) => ({ id, displayName, registeredAt }));
  }

  async markWelcomeSent(actor: Actor, id: string, now = new Date()): Promise<void> {
    if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team can record that a welcome was sent.');
    // A session counted on the partner at the same moment (hours changed) is a conflict: re-read and tick again.
    await retryOnConflict(async () => {
      const partner = await this.partners.find(id);
      if (!partner) throw new NotFoundError(NOT_FOUND);
      if (partner.welcome.status === 'sent') return;
      const { _etag, ...stored } = partner;
      await this.partners.replace({ ...stored, welcome: { status: 'sent', recordedAt: now.toISOString() } }, _etag);
    });
  }
}

/**
 * How the actor's own work touches the partner: sessions of their plans, claims they sent (drafts are not read),
 * and the partner's "interested" to one of their opportunities (the same grant as the opportunity's own view).
 */
function workWith(
  actor: Actor,
  partnerId: string,
  plans: readonly WorkRecord[],
  claims: readonly ClaimRecord[],
  interestedHosts: readonly string[],
): WorkWithPartner {
  return {
    tookPartInSession: plans.some(
      (plan) => plan.hostId === actor.id && plan.sessions.some((session) => session.partnerIds.includes(partnerId)),
    ),
    claimFromHost: claims.some((claim) => claim.hostId === actor.id),
    ...(interestedHosts.includes(actor.id) ? { interestedInOpportunity: true } : {}),
  };
}

/** Erases a partner on request; `alsoChange` is applied to the entry in the same write as the erasure. */
export type EraseOnRequest = (
  actor: Actor,
  id: string,
  reason: string,
  now: Date,
  alsoChange: (partner: Partner) => Partner,
) => Promise<unknown>;

const CONSENT_METHOD_WORDS: Record<ConsentChange['how'], string> = {
  'in-person': 'told us in person',
  phone: 'by phone',
  email: 'by email',
  letter: 'by letter',
  'online-form': 'on an online form',
};

/** Same name and contact as someone already on the register. */
export class DuplicatePartnerError extends ConflictError {}

/** A partner takes part in a session for all of it: the session's length is their time. */
function involvementOf(plan: WorkRecord, partnerId: string): InvolvementEntry {
  const attended = plan.sessions.filter((session) => session.partnerIds.includes(partnerId));
  const minutes = attended.reduce((total, session) => total + session.durationMinutes, 0);
  const chosenAt = plan.chosenPartners?.find((chosen) => chosen.partnerId === partnerId)?.chosenAt;
  return {
    planId: plan.id,
    title: plan.title || 'Untitled involvement work',
    phase: plan.phase,
    sessions: attended.length,
    hours: Math.round((minutes / 60) * 10) / 10,
    ...(chosenAt ? { chosenAt } : {}),
  };
}

function claimEntry(claim: ClaimRecord): ClaimEntry {
  return {
    id: claim.id,
    status: claim.status,
    submittedAt: claim.submittedAt ?? claim.createdAt,
    amountPence: claim.totals.expensesPence + claim.totals.paymentsPence,
    paidAt: claim.paidAt,
  };
}
