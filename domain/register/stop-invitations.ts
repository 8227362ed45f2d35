import { retryOnConflict, withoutVersion } from '../concurrency.js';
import type { Actor } from '../people/actor.js';
import { withConsentChange } from './consent.js';
import type { RegisterPorts } from './ports.js';
import { saveWithAudit } from './save-with-audit.js';

/**
 * The partner pressed "stop inviting me" in an invitation (their personal link): their consent to be contacted
 * about opportunities is withdrawn at once, recorded as given on an online form by the partner themselves, and
 * audited like any other change of consent. Nothing to do when it is withdrawn already.
 */
export async function stopInvitations(
  ports: Pick<RegisterPorts, 'partners' | 'audit' | 'clock'>,
  partnerId: string,
): Promise<void> {
  const now = ports.clock();
  const byPartner: Actor = {
    id: `partner:${partnerId}`,
    displayName: 'The partner, from their invitation',
    roles: [],
  };
  await retryOnConflict(async () => {
    const partner = await ports.partners.find(partnerId);
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
    await saveWithAudit(ports, partner, next, { action: 'consent-changed', fields }, byPartner, now);
  });
}
