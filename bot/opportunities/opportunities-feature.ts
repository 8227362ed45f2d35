import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../domain/errors.js';
import type { Actor } from '../../domain/people/actor.js';
import type { OpportunityService } from '../../domain/opportunities/opportunity-service.js';
import { keptValues } from '../cards/inputs.js';
import { routesWith, type ActionHandler, type BotFeature } from '../feature.js';
import { formValues, opportunityCard, publishFormCard, PUBLISH_INPUT_LIMITS } from './opportunity-cards.js';
import { OPPORTUNITY_VERBS } from './opportunity-verbs.js';

export interface OpportunitiesDependencies {
  readonly opportunities: OpportunityService;
  /** Where the tab shows one opportunity. */
  readonly tabUrl: (opportunityId: string) => string;
}

/**
 * Involvement opportunities in chat: from a plan's summary the host opens the publish form (filled in from the
 * plan), publishes, and sees how many on the register fit and why; the IEV team approves from their channel's
 * card when they ask to approve first. Each press calls the opportunity service once.
 */
export function opportunitiesFeature(deps: OpportunitiesDependencies): BotFeature {
  const on = routesWith(deps);
  return {
    name: 'opportunities',
    actions: [
      on(OPPORTUNITY_VERBS.start, showPublishForm),
      on(OPPORTUNITY_VERBS.publish, publishOpportunity),
      on(OPPORTUNITY_VERBS.show, showOpportunity),
      on(OPPORTUNITY_VERBS.approve, approveOpportunity),
    ],
  };
}

type OpportunityHandler<K extends keyof typeof OPPORTUNITY_VERBS> = ActionHandler<
  (typeof OPPORTUNITY_VERBS)[K],
  OpportunitiesDependencies
>;

const showPublishForm: OpportunityHandler<'start'> = async ({ opportunities }, turn, { planId }) => {
  const [form, options] = await Promise.all([
    opportunities.formFor(turn.actor, planId),
    opportunities.formOptions(turn.actor),
  ]);
  return {
    card: publishFormCard({
      planTitle: form.title,
      op: randomUUID(),
      values: formValues(form),
      approvalRequired: options.approvalRequired,
    }),
  };
};

const publishOpportunity: OpportunityHandler<'publish'> = async (deps, turn, { planId, op }, inputs) => {
  const { opportunities } = deps;
  const values: Record<string, string> = { ...keptValues(inputs, PUBLISH_INPUT_LIMITS), planId };
  try {
    const published = await opportunities.publish(turn.actor, {
      ...values,
      operationId: op,
      access: values.access ?? '',
      livedExperience: values.livedExperience ?? '',
      interests: values.interests ?? '',
    });
    const notice =
      published.state === 'awaiting-approval'
        ? 'Sent to the IEV team to approve. Invitations go once they approve it.'
        : `Published. ${invitedWords(published.invited?.count ?? 0)}`;
    return { card: await cardFor(deps, turn.actor, published.id, notice) };
  } catch (error) {
    if (!(error instanceof ValidationError) || error.problems.length === 0) throw error;
    const options = await opportunities.formOptions(turn.actor);
    return {
      card: publishFormCard({
        planTitle: values.title ?? '',
        op,
        values,
        approvalRequired: options.approvalRequired,
        problems: error.problems,
      }),
    };
  }
};

const showOpportunity: OpportunityHandler<'show'> = async (deps, turn, { opportunityId }) => ({
  card: await cardFor(deps, turn.actor, opportunityId),
});

const approveOpportunity: OpportunityHandler<'approve'> = async (deps, turn, { opportunityId }) => {
  const approved = await deps.opportunities.approve(turn.actor, opportunityId);
  // Whoever opened it first (here, in the tab, or a colleague a moment ago) is named, not the latest press.
  const by = [...approved.history].reverse().find((change) => change.state === 'open')?.byName;
  return {
    card: await cardFor(
      deps,
      turn.actor,
      opportunityId,
      `Approved by ${by ?? turn.actor.displayName}. ${invitedWords(approved.invited?.count ?? 0)}`,
    ),
    updateForEveryone: true,
  };
};

async function cardFor(deps: OpportunitiesDependencies, actor: Actor, id: string, notice?: string) {
  return opportunityCard(await deps.opportunities.detail(actor, id), await deps.opportunities.matching(actor, id), {
    tabUrl: deps.tabUrl(id),
    notice,
  });
}

function invitedWords(count: number): string {
  return count === 1 ? '1 person was invited.' : `${count} people were invited.`;
}
