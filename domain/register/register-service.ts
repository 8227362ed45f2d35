import type { Clock } from '../ports.js';
import type { Actor } from '../people/actor.js';
import type { OwedMessage } from '../partner-messages/partner-messaging.js';
import { answerConsentRenewal } from './answer-consent-renewal.js';
import { changeConsent } from './change-consent.js';
import { changeStatus } from './change-status.js';
import type { ConsentChange } from './consent.js';
import { correctPartner } from './correct-partner.js';
import type { PartnerCorrection } from './correction.js';
import type { Partner } from './partner.js';
import type { AuditTrail, EraseOnRequest, InvolvementReader, PartnerRepository, RegisterPorts } from './ports.js';
import { readAuditTrail, type AuditTrailEntry } from './read-audit-trail.js';
import { readPartnerNeeds, type PartnerNeeds } from './read-partner-needs.js';
import { readPartnerPage, type PartnerPage } from './read-partner-page.js';
import { recordPanelTraining } from './record-panel-training.js';
import { registerPartner } from './register-partner.js';
import type { RegisterQuery } from './register-query.js';
import type { RegistrationConsentMethod, RegistrationInput } from './registration.js';
import { registerOptions, searchRegister } from './search-register.js';
import { stopInvitations } from './stop-invitations.js';
import type { PartnerRow, PartnerView } from './visibility.js';
import { listWelcomeTasks, markWelcomeSent, welcomePartner } from './welcome-partner.js';

export type { EraseOnRequest } from './ports.js';
export type { PartnerNeeds } from './read-partner-needs.js';
export type { PartnerPage } from './read-partner-page.js';
export { DuplicatePartnerError } from './register-partner.js';

export interface RegisterServiceOptions {
  readonly partners: PartnerRepository;
  readonly audit: AuditTrail;
  readonly work: InvolvementReader;
  /** Erasure on request (`PartnerRightsService.erase`): withdrawing consent to be on the register starts it. */
  readonly eraseOnRequest: EraseOnRequest;
  readonly messages?: { owe(owed: readonly OwedMessage[], now?: Date): Promise<void> } | undefined;
  readonly now: Clock;
}

/**
 * The Involvement Register's rules: who sees what, who may register, and what every sensitive view leaves behind.
 * Each method is one use case, in its own module beside this one.
 */
export class RegisterService {
  private readonly ports: RegisterPorts;

  constructor(options: RegisterServiceOptions) {
    const { now, ...ports } = options;
    this.ports = { ...ports, clock: now };
  }

  options(actor: Actor): ReturnType<typeof registerOptions> {
    return registerOptions(actor);
  }

  list(actor: Actor, query: RegisterQuery): Promise<{ items: PartnerRow[]; continuation: string | undefined }> {
    return searchRegister(this.ports, actor, query);
  }

  partnerPage(actor: Actor, id: string): Promise<PartnerPage> {
    return readPartnerPage(this.ports, actor, id);
  }

  needsOf(actor: Actor, ids: readonly string[]): Promise<PartnerNeeds[]> {
    return readPartnerNeeds(this.ports, actor, ids);
  }

  register(
    actor: Actor,
    input: RegistrationInput,
    now?: Date,
    consentMethod?: RegistrationConsentMethod,
  ): Promise<{ partner: PartnerView; created: boolean }> {
    return registerPartner(this.at(now), actor, input, consentMethod);
  }

  welcome(partnerId: string, now?: Date): Promise<void> {
    return welcomePartner(this.at(now), partnerId);
  }

  auditTrail(actor: Actor, id: string): Promise<AuditTrailEntry[]> {
    return readAuditTrail(this.ports, actor, id);
  }

  changeStatus(actor: Actor, id: string, status: Partner['status'], version: string): Promise<{ version: string }> {
    return changeStatus(this.ports, actor, id, status, version);
  }

  correct(
    actor: Actor,
    id: string,
    input: PartnerCorrection,
    now?: Date,
  ): Promise<{ version: string; changed: readonly string[] }> {
    return correctPartner(this.at(now), actor, id, input);
  }

  changeConsent(
    actor: Actor,
    id: string,
    change: ConsentChange,
    now?: Date,
  ): Promise<{ version: string; erased: boolean }> {
    return changeConsent(this.at(now), actor, id, change);
  }

  recordPanelTraining(actor: Actor, id: string, completedOn: string, now?: Date): Promise<{ version: string }> {
    return recordPanelTraining(this.at(now), actor, id, completedOn);
  }

  stopInvitations(partnerId: string, now?: Date): Promise<void> {
    return stopInvitations(this.at(now), partnerId);
  }

  renewConsent(
    partnerId: string,
    choices: ReadonlyArray<{ readonly purpose: ConsentChange['purpose']; readonly given: boolean }>,
    now: Date,
    operationId: string,
  ): Promise<boolean> {
    return answerConsentRenewal(this.at(now), partnerId, choices, operationId);
  }

  welcomeTasks(actor: Actor): Promise<Array<Pick<Partner, 'id' | 'displayName' | 'registeredAt'>>> {
    return listWelcomeTasks(this.ports, actor);
  }

  markWelcomeSent(actor: Actor, id: string, now?: Date): Promise<void> {
    return markWelcomeSent(this.at(now), actor, id);
  }

  /** The ports with the caller's "now" where a caller passes one (the methods keep their signature), else the clock. */
  private at(now: Date | undefined): RegisterPorts {
    return now ? { ...this.ports, clock: () => now } : this.ports;
  }
}
