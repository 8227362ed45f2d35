import { isIevMember, type Actor } from '../people/actor.js';
import { criteriaOf, fitOf, rank, REASON_WORDS, summarise, type Fit, type MatchSummary } from './matching.js';
import type { Opportunity } from './opportunity.js';
import { visibleOpportunity } from './opportunity-records.js';
import type { OpportunityPorts } from './ports.js';

/** Matching as the actor may see it: counts and reasons for the host; IEV also sees who (they keep the register). */
export interface MatchingView extends MatchSummary {
  readonly people?: ReadonlyArray<{
    readonly partnerId: string;
    readonly displayName: string;
    readonly reasons: readonly string[];
  }>;
}

/** The register ranked by fit to the opportunity, best first. */
export async function fitsFor(
  { matches }: Pick<OpportunityPorts, 'matches'>,
  opportunity: Opportunity,
): Promise<Fit[]> {
  const candidates = await matches.candidates(criteriaOf(opportunity));
  return rank(candidates.flatMap((candidate) => fitOf(opportunity, candidate) ?? []));
}

/** How many on the register fit, and why; never who, except for the IEV team. */
export async function matchPartners(
  ports: Pick<OpportunityPorts, 'store' | 'matches' | 'partners'>,
  actor: Actor,
  id: string,
): Promise<MatchingView> {
  const opportunity = await visibleOpportunity(ports, actor, id);
  const fits = await fitsFor(ports, opportunity);
  const summary = summarise(fits);
  if (!isIevMember(actor)) return summary;
  const top = fits.slice(0, 50);
  const names = new Map(
    (await ports.partners.getMany(top.map((fit) => fit.partnerId))).map((partner) => [partner.id, partner.displayName]),
  );
  return {
    ...summary,
    people: top.map((fit) => ({
      partnerId: fit.partnerId,
      displayName: names.get(fit.partnerId) ?? 'A partner',
      reasons: fit.reasons.map((reason) => REASON_WORDS[reason]),
    })),
  };
}
