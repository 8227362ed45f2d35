import { withoutVersion } from '../concurrency.js';
import { isIevMember, isStaff, type Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import type { Partner } from '../register/partner.js';
import { audienceFor, NO_WORK, partnerViewFor } from '../register/visibility.js';
import type { Invitation, InvitationAnswer, Opportunity } from './opportunity.js';
import { visibleOpportunity } from './opportunity-records.js';
import type { OpportunityPorts } from './ports.js';

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

type ReadPorts = Pick<OpportunityPorts, 'store' | 'partners'>;

/** The host's opportunities (IEV: every opportunity), newest first. */
export async function listOpportunities(
  { store }: Pick<OpportunityPorts, 'store'>,
  actor: Actor,
): Promise<Opportunity[]> {
  if (isIevMember(actor)) return store.inStates(['awaiting-approval', 'open', 'closed', 'draft']);
  if (!isStaff(actor)) return [];
  return store.ofHost(actor.id);
}

/** One opportunity as its host or the IEV team sees it: the answers counted, who is interested, what they may do. */
export async function readOpportunity(ports: ReadPorts, actor: Actor, id: string): Promise<OpportunityDetail> {
  const opportunity = await visibleOpportunity(ports, actor, id);
  const invitations = await ports.store.invitationsOf(id);
  const count = (answer: InvitationAnswer | undefined) => invitations.filter((item) => item.answer === answer).length;
  const owner = opportunity.hostId === actor.id;
  const interested = await interestedPartners(ports, actor, owner, invitations);
  return {
    opportunity: withoutVersion(opportunity),
    answers: {
      invited: invitations.length,
      interested: count('interested'),
      notThisTime: count('not-this-time'),
      stopped: count('stop'),
      waiting: count(undefined),
    },
    interested,
    can: canDo(actor, owner, opportunity),
  };
}

function canDo(actor: Actor, owner: boolean, opportunity: Versioned<Opportunity>): OpportunityDetail['can'] {
  return {
    approve: isIevMember(actor) && opportunity.state === 'awaiting-approval',
    choose: (owner || isIevMember(actor)) && opportunity.state !== 'draft',
    close: (owner || isIevMember(actor)) && opportunity.state === 'open',
  };
}

/** The partners who said they are interested and are still on the register, as the actor may see them. */
async function interestedPartners(
  { partners }: Pick<OpportunityPorts, 'partners'>,
  actor: Actor,
  owner: boolean,
  invitations: readonly Invitation[],
): Promise<InterestedPartner[]> {
  const interestedInvitations = invitations.filter((item) => item.answer === 'interested');
  const found = new Map(
    (await partners.getMany(interestedInvitations.map((item) => item.partnerId))).map((partner) => [
      partner.id,
      partner,
    ]),
  );
  return interestedInvitations.flatMap((invitation): InterestedPartner[] => {
    const partner = found.get(invitation.partnerId);
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
}
