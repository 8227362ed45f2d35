import type { Actor } from '../people/actor.js';
import type { Clock, Versioned } from '../ports.js';
import { dailyPeriod } from '../schedule/periods.js';
import type { ScheduledJob } from '../schedule/scheduler.js';
import { answerInvitation, readInvitationPage, type GuideSignature, type InvitationPage } from './answer-invitation.js';
import { approveOpportunity } from './approve-opportunity.js';
import { changeApprovalSetting, readApprovalSetting } from './approval-setting.js';
import { choosePartners } from './choose-partners.js';
import { closeDue, closeOpportunity } from './close-opportunity.js';
import { matchPartners, type MatchingView } from './match-partners.js';
import type { InvitationAnswer, Opportunity } from './opportunity.js';
import { eraseInvitationsOf, exportInvitationsOf } from './partner-invitations.js';
import type { OpportunityPorts } from './ports.js';
import type { PublishForm } from './publish-form.js';
import { publishFormFor, publishFormOptions, publishOpportunity } from './publish-opportunity.js';
import { listOpportunities, readOpportunity, type OpportunityDetail } from './read-opportunity.js';
import { remindDue } from './remind-partners.js';

export type { AnswerLinks } from './ports.js';
export type { GuideSignature, InvitationPage } from './answer-invitation.js';
export type { MatchingView } from './match-partners.js';
export type { OpportunityDetail } from './read-opportunity.js';
export { longDate, whenWords, whereWords } from './opportunity-words.js';

export interface OpportunityServiceOptions extends Omit<OpportunityPorts, 'clock'> {
  readonly now?: Clock;
}

/**
 * Involvement opportunities (issue 14, BRIEF journey 10): a host publishes one from a plan; matching ranks
 * the register by fit and explains it; invitations go through partner messaging, once per partner, only to
 * active partners who agreed to be contacted; partners answer from a personal link; the host chooses from
 * those interested, and the plan and the partner's history record it. Closing is automatic at the closing date.
 * Each method is one use case, in its own module beside this one.
 */
export class OpportunityService {
  private readonly ports: OpportunityPorts;

  constructor(options: OpportunityServiceOptions) {
    const { now, ...ports } = options;
    this.ports = { ...ports, clock: now ?? (() => new Date()) };
  }

  formOptions(actor: Actor): ReturnType<typeof publishFormOptions> {
    return publishFormOptions(this.ports, actor);
  }

  formFor(actor: Actor, planId: string): Promise<Omit<PublishForm, 'operationId'>> {
    return publishFormFor(this.ports, actor, planId);
  }

  publish(actor: Actor, values: unknown): Promise<Versioned<Opportunity>> {
    return publishOpportunity(this.ports, actor, values);
  }

  approve(actor: Actor, id: string): Promise<Versioned<Opportunity>> {
    return approveOpportunity(this.ports, actor, id);
  }

  list(actor: Actor): Promise<Opportunity[]> {
    return listOpportunities(this.ports, actor);
  }

  detail(actor: Actor, id: string): Promise<OpportunityDetail> {
    return readOpportunity(this.ports, actor, id);
  }

  matching(actor: Actor, id: string): Promise<MatchingView> {
    return matchPartners(this.ports, actor, id);
  }

  choose(actor: Actor, id: string, partnerIds: readonly string[]): Promise<OpportunityDetail> {
    return choosePartners(this.ports, actor, id, partnerIds);
  }

  close(actor: Actor, id: string): Promise<Versioned<Opportunity>> {
    return closeOpportunity(this.ports, actor, id);
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

  remindDue(now = this.ports.clock()): Promise<number> {
    return remindDue(this.ports, now);
  }

  closeDue(now = this.ports.clock()): Promise<number> {
    return closeDue(this.ports, now);
  }

  // ---- the partner's side: their personal link ---------------------------------------------------------

  invitationPage(token: string): Promise<InvitationPage | undefined> {
    return readInvitationPage(this.ports, token);
  }

  answer(
    token: string,
    answer: InvitationAnswer,
    signature?: GuideSignature,
  ): Promise<{ readonly outcome: 'recorded' | 'closed'; readonly page: InvitationPage } | undefined> {
    return answerInvitation(this.ports, token, answer, signature);
  }

  // ---- the partner's rights (domain/register/partner-rights.ts) -------------------------------------

  readonly name = 'opportunities';

  exportFor(partnerId: string): Promise<readonly unknown[]> {
    return exportInvitationsOf(this.ports, partnerId);
  }

  eraseFor(partnerId: string): Promise<void> {
    return eraseInvitationsOf(this.ports, partnerId);
  }

  // ---- IEV's setting ----------------------------------------------------------------------------------

  settings(actor: Actor): Promise<{ readonly approvalRequired: boolean }> {
    return readApprovalSetting(this.ports, actor);
  }

  changeSettings(actor: Actor, approvalRequired: boolean): Promise<{ readonly approvalRequired: boolean }> {
    return changeApprovalSetting(this.ports, actor, approvalRequired);
  }
}
