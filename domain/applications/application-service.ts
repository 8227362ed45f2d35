import { retryOnConflict } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError } from '../errors.js';
import { isIevMember, type Actor } from '../people/actor.js';
import type { Clock, Versioned } from '../ports.js';
import type { PartnerRecordHolder } from '../register/partner-rights.js';
import type { PartnerRepository } from '../register/ports.js';
import type { RegisterService } from '../register/register-service.js';
import { isSameRegistrant, newPartnerFrom, type RegistrationInput } from '../register/registration.js';
import type { Application, ApplicationRepository } from './ports.js';

/** More pending applications than IEV could review are refused: a flood cannot fill the database. */
export const MAX_PENDING_APPLICATIONS = 500;

export interface ApplicationSummary {
  readonly id: string;
  readonly submittedAt: string;
  readonly displayName: string;
  readonly email: string | undefined;
  readonly phone: string | undefined;
  readonly preferredMethod: string | undefined;
  readonly areas: readonly string[];
  readonly interests: readonly string[];
  readonly contactConsent: boolean;
}

const NOT_FOUND = 'We could not find that application. Someone may have decided it already: reload the list.';

/**
 * Applications to join the register from the public page: anyone may apply; only IEV sees and decides them.
 * Approving registers the partner (and so sends their welcome); declining keeps the reason, not the person.
 */
export class ApplicationService implements PartnerRecordHolder {
  readonly name = 'applications';

  constructor(
    private readonly deps: {
      readonly applications: ApplicationRepository;
      readonly partners: Pick<PartnerRepository, 'withSearchName'>;
      readonly register: Pick<RegisterService, 'register'>;
      readonly now: Clock;
    },
  ) {}

  /**
   * Stores the application unless it repeats one pending or someone already on the register (same name and
   * email or phone). The answer is the same either way, so the page never says who is on the register.
   */
  async submit(input: RegistrationInput, now = this.deps.now()): Promise<'received' | 'duplicate'> {
    const candidate = newPartnerFrom(input, now);
    const [registered, pending] = await Promise.all([
      this.deps.partners.withSearchName(candidate.searchName),
      this.deps.applications.pendingWithSearchName(candidate.searchName),
    ]);
    const sameAs = (form: RegistrationInput | undefined) =>
      form !== undefined && isSameRegistrant(newPartnerFrom(form, now), candidate);
    if (
      registered.some((partner) => isSameRegistrant(partner, candidate)) ||
      pending.some((application) => application.id !== applicationIdFor(input) && sameAs(application.form))
    )
      return 'duplicate';
    if ((await this.deps.applications.countPending()) >= MAX_PENDING_APPLICATIONS)
      throw new UnavailableError(
        'We cannot take more applications online just now. Please phone or email the Involvement team instead.',
      );
    await this.deps.applications.create({
      id: applicationIdFor(input),
      type: 'application',
      schemaVersion: 1,
      status: 'pending',
      submittedAt: now.toISOString(),
      form: input,
      searchName: candidate.searchName,
    });
    return 'received';
  }

  async pending(actor: Actor): Promise<ApplicationSummary[]> {
    assertIev(actor);
    const found = await this.deps.applications.pending(100);
    return found.flatMap((application) => {
      const form = application.form;
      if (!form) return [];
      return [
        {
          id: application.id,
          submittedAt: application.submittedAt,
          displayName: form.displayName,
          email: form.email,
          phone: form.phone,
          preferredMethod: form.preferredMethod,
          areas: form.areas,
          interests: form.interests,
          contactConsent: form.consent.contactAboutOpportunities,
        },
      ];
    });
  }

  /** Puts the applicant on the register (their welcome follows) and keeps only the decision. Repeating it is harmless. */
  async approve(actor: Actor, id: string, now = this.deps.now()): Promise<{ partnerId: string }> {
    assertIev(actor);
    const application = await this.deps.applications.find(id);
    if (!application) throw new NotFoundError(NOT_FOUND);
    if (application.status === 'approved' && application.decision?.partnerId)
      return { partnerId: application.decision.partnerId };
    if (application.status !== 'pending' || !application.form)
      throw new ConflictError('This application was declined already.');
    // The applicant gave their consent on the public /join page: the register says so.
    const { partner } = await this.deps.register.register(actor, application.form, now, 'online-form');
    await this.decide(application, { status: 'approved', partnerId: partner.id }, actor, now);
    return { partnerId: partner.id };
  }

  /** Declines with a reason: the applicant's details are removed at once; the reason and date stay. */
  async decline(actor: Actor, id: string, reason: string, now = this.deps.now()): Promise<void> {
    assertIev(actor);
    const application = await this.deps.applications.find(id);
    if (!application) throw new NotFoundError(NOT_FOUND);
    if (application.status === 'declined') return;
    if (application.status !== 'pending') throw new ConflictError('This application was approved already.');
    await this.decide(application, { status: 'declined', reason }, actor, now);
  }

  async exportFor(partnerId: string): Promise<readonly unknown[]> {
    return (await this.deps.applications.forPartner(partnerId)).map(({ _etag: _version, ...stored }) => stored);
  }

  /** A decided application holds no personal data: only when, who decided and the partner it became. */
  async eraseFor(_partnerId: string): Promise<void> {}

  private async decide(
    first: Versioned<Application>,
    outcome: { status: 'approved' | 'declined'; partnerId?: string; reason?: string },
    actor: Actor,
    now: Date,
  ): Promise<void> {
    await retryOnConflict(async (tryNumber) => {
      const application = tryNumber === 1 ? first : await this.deps.applications.find(first.id);
      if (!application || application.status !== 'pending') return;
      const { _etag, form: _form, searchName: _name, ...kept } = application;
      await this.deps.applications.replace(
        {
          ...kept,
          status: outcome.status,
          decision: {
            at: now.toISOString(),
            byId: actor.id,
            byName: actor.displayName,
            ...(outcome.reason ? { reason: outcome.reason } : {}),
            ...(outcome.partnerId ? { partnerId: outcome.partnerId } : {}),
          },
        },
        _etag,
      );
    });
  }
}

export const applicationIdFor = (input: Pick<RegistrationInput, 'operationId'>): string =>
  `application-${input.operationId}`;

function assertIev(actor: Actor): void {
  if (!isIevMember(actor)) throw new ForbiddenError('Only the IEV team sees and decides applications to join.');
}
