import { ApplicationService } from '../domain/applications/application-service.js';
import type { ClaimRepository } from '../domain/claims/ports.js';
import type { OutboxRepository } from '../domain/notifications/ports.js';
import type { PartnerMessaging } from '../domain/partner-messages/partner-messaging.js';
import { PartnerPicker } from '../domain/register/partner-picker.js';
import { PartnerRightsService, type PartnerRecordHolder } from '../domain/register/partner-rights.js';
import { RegisterService } from '../domain/register/register-service.js';
import { WorkService } from '../domain/register/work-service.js';
import { ApplicationStore } from '../storage/application-store.js';
import type { AuditStore } from '../storage/audit-store.js';
import type { InvolvementWorkReader, PartnerStore } from '../storage/partner-store.js';
import type { AreaContext } from './area-context.js';

/** The Involvement Register: its rules, a partner's rights over their data, applications to join, pickers and lists. */
export interface RegisterModule {
  /** The Involvement Register's rules (visibility, registration, audit of sensitive views). */
  readonly register: RegisterService;
  /** A partner's data export, erasure on request and the retention review (IEV only). */
  readonly partnerRights: PartnerRightsService;
  /** Applications to join the register from the public /join page (IEV decides). */
  readonly applications: ApplicationService;
  /** Involvement work as the tabs list it (who may see it, which partner names it shows). */
  readonly involvementWork: WorkService;
  /** Choosing partners by name in the bot (a claim's partner, a session's partners). */
  readonly partnerPicker: PartnerPicker;
  /**
   * The other areas whose records about a partner a data export and an erasure cover, in the order given
   * (`applications` is one). Areas built after the register (opportunities) are added here by name once built.
   */
  addRecordHolders(...holders: readonly PartnerRecordHolder[]): void;
}

export interface RegisterDependencies extends Pick<AreaContext, 'config' | 'containers' | 'now'> {
  readonly partners: PartnerStore;
  readonly audit: AuditStore;
  readonly work: InvolvementWorkReader;
  readonly claims: Pick<ClaimRepository, 'allForPartner' | 'findClaim' | 'replaceClaim'>;
  readonly outbox: Pick<OutboxRepository, 'enqueue'>;
  /** Welcome and consent messages to partners. */
  readonly messaging: PartnerMessaging;
}

export function createRegisterModule(deps: RegisterDependencies): RegisterModule {
  const { partners, audit, work, now } = deps;
  const holders: PartnerRecordHolder[] = [];
  const partnerRights = new PartnerRightsService({
    partners,
    claims: deps.claims,
    audit,
    work,
    policy: { yearsWithoutInvolvement: deps.config.retentionReviewYears },
    outbox: deps.outbox,
    holders,
    now,
  });
  const register = new RegisterService({
    partners,
    audit,
    work,
    eraseOnRequest: (actor, id, reason, at, alsoChange) => partnerRights.erase(actor, id, reason, at, alsoChange),
    messages: deps.messaging,
    now,
  });
  return {
    register,
    partnerRights,
    applications: new ApplicationService({
      applications: new ApplicationStore(deps.containers),
      partners,
      register,
      now,
    }),
    involvementWork: new WorkService({ work, partners }),
    partnerPicker: new PartnerPicker({ partners }),
    addRecordHolders: (...more) => {
      holders.push(...more);
    },
  };
}
