import type { Messenger } from '../bot/messenger.js';
import { approvalCard, closedCard } from '../bot/opportunities/opportunity-cards.js';
import type { DeliveryOutcome } from '../domain/notifications/outbox-dispatcher.js';
import type { OutboxMessage } from '../domain/notifications/ports.js';
import type { Actor } from '../domain/people/actor.js';
import type { ConversationAddress } from '../domain/people/ports.js';
import type { PersonalLinks } from '../domain/links/personal-links.js';
import { OpportunityService, type AnswerLinks } from '../domain/opportunities/opportunity-service.js';
import type { PartnerMessaging } from '../domain/partner-messages/partner-messaging.js';
import type { PlanService } from '../domain/planning/plan-service.js';
import type { Clock } from '../domain/ports.js';
import type { RegisterService } from '../domain/register/register-service.js';
import type { PartnerRepository } from '../domain/register/ports.js';
import type { Containers } from '../storage/cosmos.js';
import { OpportunityStore, PartnerMatchQuery } from '../storage/opportunity-store.js';
import type { PlanStore } from '../storage/plan-store.js';
import { publicBaseOf } from './area-context.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import type { OutboxModule } from './outbox-module.js';

/** Involvement opportunities, wired once per process (`services.opportunities`). */
export interface OpportunitiesModule {
  readonly store: OpportunityStore;
  readonly service: OpportunityService;
  /** Where the tab shows one opportunity. */
  tabUrl(opportunityId: string): string;
}

export interface OpportunitiesDependencies {
  readonly config: AppConfig;
  readonly containers: Containers;
  readonly logger: Logger;
  readonly outbox: OutboxModule;
  readonly partners: PartnerRepository;
  readonly planStore: Pick<PlanStore, 'findPlan' | 'plansOf'>;
  readonly plans: Pick<PlanService, 'recordChosen'>;
  readonly messaging: Pick<PartnerMessaging, 'owe'>;
  readonly register: Pick<RegisterService, 'stopInvitations'>;
  /** The personal links module (domain/links): invitations are answered from a link of purpose `invitation`. */
  readonly links: PersonalLinks;
  readonly messenger: () => Messenger;
  readonly personalChatOf: (userId: string) => Promise<ConversationAddress | undefined>;
  readonly ievChannel: () => Promise<ConversationAddress | undefined>;
  readonly now: Clock;
}

/** The outbox renders the channel's approval card as the IEV team sees it. */
const IEV_VIEW: Actor = { id: 'system', displayName: 'Involvement Hub', roles: ['iev'] };

export function createOpportunitiesModule(deps: OpportunitiesDependencies): OpportunitiesModule {
  const store = new OpportunityStore(deps.containers);
  const base = publicBaseOf(deps.config);
  const tabUrl = (id: string) => `${base}/tab/#/opportunities/${encodeURIComponent(id)}`;
  const owe = async (target: 'iev-channel' | 'host', opportunityId: string, seq: number, now: Date) => {
    await deps.outbox.store.enqueue(
      {
        id: `opportunity:${opportunityId}:${seq}:${target}`,
        topic: 'opportunity',
        target,
        subjectId: opportunityId,
        seq,
      },
      now,
    );
    deps.outbox.dispatcher.kick();
  };
  const service: OpportunityService = new OpportunityService({
    store,
    matches: new PartnerMatchQuery(deps.containers),
    plans: {
      findPlan: (hostId, planId) => deps.planStore.findPlan(hostId, planId),
      plansOf: (hostId) => deps.planStore.plansOf(hostId),
      recordChosen: (hostId, planId, chosen, now) => deps.plans.recordChosen(hostId, planId, chosen, now),
    },
    partners: deps.partners,
    messaging: deps.messaging,
    links: answerLinks(deps.links, base),
    stopInvitations: (partnerId, now) => deps.register.stopInvitations(partnerId, now),
    approvalNeeded: (opportunity, now) => owe('iev-channel', opportunity.id, opportunity.history.length - 1, now),
    closed: (opportunity, _interested, now) => owe('host', opportunity.id, opportunity.history.length - 1, now),
    logger: deps.logger,
    now: deps.now,
  });

  /** Delivers what an opportunity owes: the approval card in the IEV channel, the host's "it has closed". */
  const deliver = async (entry: OutboxMessage): Promise<DeliveryOutcome> => {
    const opportunity = await store.find(entry.subjectId);
    if (!opportunity) return 'void';
    if (entry.target === 'iev-channel') {
      if (opportunity.state !== 'awaiting-approval') return 'void';
      const channel = await deps.ievChannel();
      if (!channel) return 'wait';
      const [detail, matching] = await Promise.all([
        service.detail(IEV_VIEW, opportunity.id),
        service.matching(IEV_VIEW, opportunity.id),
      ]);
      // The channel sees how many fit and why, never who: the card is posted for everyone in it.
      const { people: _who, ...counts } = matching;
      await deps.messenger().sendCard(channel, approvalCard(detail, counts, tabUrl(opportunity.id)));
      return 'delivered';
    }
    const chat = await deps.personalChatOf(opportunity.hostId);
    if (!chat) return 'wait';
    const interested = (await store.invitationsOf(opportunity.id)).filter(
      (item) => item.answer === 'interested',
    ).length;
    await deps.messenger().sendCard(chat, closedCard(opportunity, interested, tabUrl(opportunity.id)));
    return 'delivered';
  };
  deps.outbox.deliverers.handle('opportunity', deliver);
  return { store, service, tabUrl };
}

/**
 * Invitations' personal links: one per invitation (issuing again gives the same link), in the query string of the
 * public answer page (paths are logged, query strings never are); read without using it up, used once to answer.
 */
function answerLinks(links: PersonalLinks, base: string): AnswerLinks {
  const whose = (subject: string) => {
    const [, opportunityId, partnerId] = subject.split(':');
    return opportunityId && partnerId ? { opportunityId, partnerId } : undefined;
  };
  return {
    issue: async (invitation, expiresAt) => {
      const { token } = await links.issue({
        purpose: 'invitation',
        partnerId: invitation.partnerId,
        subject: invitation.id,
        key: invitation.id,
        expiresAt,
      });
      return `${base}/invitation?t=${encodeURIComponent(token)}`;
    },
    read: async (token) => {
      const opened = await links.open('invitation', token);
      return opened.state === 'ok' ? whose(opened.link.subject) : undefined;
    },
    redeem: async (token, record) => (await links.use('invitation', token, record)).state === 'ok',
  };
}
