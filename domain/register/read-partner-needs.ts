import type { Actor } from '../people/actor.js';
import type { RegisterPorts } from './ports.js';
import { audienceFor, canSeePartner, NO_WORK, partnerViewFor } from './visibility.js';
import { workWithPartner } from './work-with-partner.js';

/** What a host needs to prepare for a partner in their work; the needs are absent when the rule withholds them. */
export interface PartnerNeeds {
  readonly id: string;
  readonly displayName: string;
  readonly communicationNeeds: string | undefined;
  readonly accessNeeds: string | undefined;
}

/**
 * The communication and access needs of partners, as far as the actor may see them (need to know):
 * for the bot's cards, so a host can prepare for the people in their work. Unknown ids and partners
 * who left are left out; the emergency contact and equality answers never leave, so nothing is audited.
 */
export async function readPartnerNeeds(
  ports: Pick<RegisterPorts, 'partners' | 'work'>,
  actor: Actor,
  ids: readonly string[],
): Promise<PartnerNeeds[]> {
  const partners = (await ports.partners.getMany(ids.slice(0, 50))).filter((partner) =>
    canSeePartner(audienceFor(actor, NO_WORK), partner),
  );
  return Promise.all(
    partners.map(async (partner) => {
      const { work } = await workWithPartner(ports, actor, partner.id);
      const view = partnerViewFor(audienceFor(actor, work), partner);
      return {
        id: view.id,
        displayName: view.displayName,
        communicationNeeds: view.communicationNeeds,
        accessNeeds: view.accessNeeds,
      };
    }),
  );
}
