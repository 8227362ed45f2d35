import type { OpportunityPorts } from './ports.js';

// The partner's rights (domain/register/partner-rights.ts): what the invitations hold about them.

/** What the invitations say about the partner, for their data export: what they were invited to and their answer. */
export async function exportInvitationsOf(
  { store }: Pick<OpportunityPorts, 'store'>,
  partnerId: string,
): Promise<readonly unknown[]> {
  const invitations = await store.invitationsForPartner(partnerId);
  return Promise.all(
    invitations.map(async (invitation) => ({
      opportunity: (await store.find(invitation.opportunityId))?.title ?? 'An opportunity since removed',
      invitedAt: invitation.invitedAt,
      whyInvited: invitation.reasons,
      answer: invitation.answer,
      answeredAt: invitation.answeredAt,
      chosenAt: invitation.selectedAt,
    })),
  );
}

/** Erasure: the partner's invitations (their fit, answers and choice) are deleted; the counts lose them too. */
export async function eraseInvitationsOf({ store }: Pick<OpportunityPorts, 'store'>, partnerId: string): Promise<void> {
  for (const invitation of await store.invitationsForPartner(partnerId)) await store.deleteInvitation(invitation);
}
