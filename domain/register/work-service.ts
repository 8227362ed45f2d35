import { leadingRole, type Actor } from '../people/actor.js';
import { describeWork, type WorkSummary } from './involvement-work.js';
import type { InvolvementReader, PartnerRepository } from './ports.js';
import { canSeeWork } from './visibility.js';

/** Partner names looked up for one page of work: enough for a page, bounded whatever the plans say. */
const MAX_NAMES_PER_PAGE = 500;

/** Involvement work as the register tab and channel tabs list it. */
export class WorkService {
  constructor(
    private readonly deps: {
      readonly work: Pick<InvolvementReader, 'plansPage'>;
      readonly partners: Pick<PartnerRepository, 'getMany'>;
    },
  ) {}

  async list(
    actor: Actor,
    filter: {
      serviceArea?: string | undefined;
      planId?: string | undefined;
      pageSize: number;
      continuation?: string | undefined;
    },
  ): Promise<{ items: WorkSummary[]; continuation: string | undefined }> {
    if (!canSeeWork(leadingRole(actor))) return { items: [], continuation: undefined };
    const page = await this.deps.work.plansPage(filter);
    const partnerNames = await this.namesOf(page.items.flatMap((plan) => plan.partnerIds));
    return { items: page.items.map((plan) => describeWork(plan, partnerNames)), continuation: page.continuation };
  }

  /** Only names of partners still on the register; everything else about them stays behind the partner page. */
  private async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)].slice(0, MAX_NAMES_PER_PAGE);
    const partners = await this.deps.partners.getMany(unique);
    return new Map(
      partners.filter((partner) => partner.status !== 'left').map((partner) => [partner.id, partner.displayName]),
    );
  }
}
