import { PartnerEvaluations } from '../domain/evaluations/evaluation-service.js';
import { PersonalLinks } from '../domain/links/personal-links.js';
import { EvaluationStore } from '../storage/evaluation-store.js';
import { LinkStore } from '../storage/link-store.js';
import type { PlanStore } from '../storage/plan-store.js';
import { publicBaseOf, type AreaContext } from './area-context.js';

/** Personal links sent to partners, and the "how was it for you?" evaluations answered through one. */
export interface LinksModule {
  /** Personal links sent to partners (signed, expiring, single use): issue, open, use (domain/links). */
  readonly links: PersonalLinks;
  /** Partners' own "how was it for you?": invitations when work closes, the form behind the link, answers kept apart. */
  readonly evaluations: PartnerEvaluations;
}

export function createLinksModule(
  deps: Pick<AreaContext, 'config' | 'containers' | 'now'> & { readonly planStore: Pick<PlanStore, 'findPlan'> },
): LinksModule {
  const { config, containers, now, planStore } = deps;
  const links = new PersonalLinks({ secret: config.personalLinkSecret, store: new LinkStore(containers), now });
  const base = publicBaseOf(config);
  const evaluations = new PartnerEvaluations({
    links,
    store: new EvaluationStore(containers),
    work: async (hostId, planId) => {
      const plan = await planStore.findPlan(hostId, planId);
      return plan && { id: plan.id, title: plan.title, serviceArea: plan.serviceArea };
    },
    linkUrl: (token) => `${base}/how-was-it?link=${token}`,
    now,
  });
  return { links, evaluations };
}
