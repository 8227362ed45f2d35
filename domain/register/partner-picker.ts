import { ForbiddenError } from '../errors.js';
import { isStaff, type Actor } from '../people/actor.js';
import type { Partner } from './partner.js';
import type { PartnerRepository } from './ports.js';

/** A partner as a picker shows them: the public profile's name and service areas, nothing to reach them by. */
export interface PartnerChoice {
  readonly id: string;
  readonly displayName: string;
  readonly areas: readonly string[];
}

/** How many names one search offers: enough to find someone, too few to page through the register. */
const MATCHES = 10;
/** How many partners one choice (a session's attendees) can hold. */
const MAX_CHOSEN = 50;

/**
 * Choosing partners by name in the bot: a claim's partner, the partners who took part in a session. Only
 * Trust colleagues who run involvement work (hosts and the IEV team) search the register this way; members
 * of other teams see the register in the tab, by its own rules. A search offers active partners only; a
 * partner chosen earlier stays chosen while they are on the register (paused too), and drops out once
 * they have left it.
 */
export class PartnerPicker {
  constructor(private readonly deps: { readonly partners: Pick<PartnerRepository, 'searchByName' | 'getMany'> }) {}

  async search(actor: Actor, text: string): Promise<PartnerChoice[]> {
    assertMayChoose(actor);
    return (await this.deps.partners.searchByName(text, { pageSize: MATCHES })).map(choiceOf);
  }

  async stillOnRegister(actor: Actor, ids: readonly string[]): Promise<PartnerChoice[]> {
    assertMayChoose(actor);
    if (ids.length === 0) return [];
    const found = await this.deps.partners.getMany(ids.slice(0, MAX_CHOSEN));
    return found.filter((partner) => partner.status !== 'left').map(choiceOf);
  }
}

function assertMayChoose(actor: Actor): void {
  if (!isStaff(actor))
    throw new ForbiddenError('Only Trust colleagues who run involvement work can choose partners from the register.');
}

function choiceOf(partner: Partner): PartnerChoice {
  return { id: partner.id, displayName: partner.displayName, areas: partner.areas };
}
