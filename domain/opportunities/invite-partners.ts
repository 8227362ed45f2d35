import { retryOnConflict, withoutVersion } from '../concurrency.js';
import type { Versioned } from '../ports.js';
import { fitsFor } from './match-partners.js';
import { REASON_WORDS } from './matching.js';
import { invitationIdFor, type Invitation, type Opportunity } from './opportunity.js';
import { findOpportunity, moveOpportunity, type Mover } from './opportunity-records.js';
import { longDate, whenWords, whereWords } from './opportunity-words.js';
import type { OpportunityPorts } from './ports.js';

/** At most this many partners are invited to one opportunity, best fit first (a few places, never a mailshot). */
export const MAX_INVITED = 200;

type InvitePorts = Pick<OpportunityPorts, 'store' | 'matches' | 'links' | 'messaging' | 'logger'>;

/** Opens the opportunity (published without approval, or approved) and sends the invitations. */
export async function openOpportunity(
  ports: InvitePorts,
  opportunity: Versioned<Opportunity>,
  actor: Mover,
  now: Date,
): Promise<Versioned<Opportunity>> {
  const opened = await moveOpportunity(ports, opportunity, 'open', actor, now);
  return invitePartners(ports, opened, now);
}

/**
 * Invites the best-fitting partners, once each: the invitation's id names the opportunity and the partner, and
 * the message is owed under the same event, so a retry (or a second instance) invites nobody twice. Consent and
 * status are checked again by partner messaging when the message goes.
 */
async function invitePartners(
  ports: InvitePorts,
  opportunity: Versioned<Opportunity>,
  now: Date,
): Promise<Versioned<Opportunity>> {
  const fits = (await fitsFor(ports, opportunity)).slice(0, MAX_INVITED);
  for (const fit of fits) {
    const { document: invitation, created } = await ports.store.createInvitation({
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
    await oweInvitation(ports, opportunity, invitation, 'invitation', now);
  }
  ports.logger.info({ opportunityId: opportunity.id, invited: fits.length }, 'opportunity invitations owed');
  return retryOnConflict(async (tryNumber) => {
    const latest = tryNumber === 1 ? opportunity : await findOpportunity(ports, opportunity.id);
    if (latest.invited) return latest;
    return ports.store.replace(
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
export async function oweInvitation(
  { links, messaging }: Pick<OpportunityPorts, 'links' | 'messaging'>,
  opportunity: Opportunity,
  invitation: Invitation,
  occasion: 'invitation' | 'reminder',
  now: Date,
): Promise<void> {
  const link = await links.issue(invitation, new Date(`${opportunity.closesOn}T23:59:59Z`));
  await messaging.owe(
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
