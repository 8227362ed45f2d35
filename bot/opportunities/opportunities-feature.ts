import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../domain/errors.js';
import type { OpportunityService } from '../../domain/opportunities/opportunity-service.js';
import { keptValues } from '../cards/inputs.js';
import { on, type BotFeature } from '../feature.js';
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
  const { opportunities } = deps;
  const cardFor = async (actor: Parameters<OpportunityService['detail']>[0], id: string, notice?: string) =>
    opportunityCard(await opportunities.detail(actor, id), await opportunities.matching(actor, id), {
      tabUrl: deps.tabUrl(id),
      notice,
    });

  return {
    name: 'opportunities',
    actions: [
      on(OPPORTUNITY_VERBS.start, async (turn, { planId }) => {
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
      }),
      on(OPPORTUNITY_VERBS.publish, async (turn, { planId, op }, inputs) => {
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
          return { card: await cardFor(turn.actor, published.id, notice) };
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
      }),
      on(OPPORTUNITY_VERBS.show, async (turn, { opportunityId }) => ({
        card: await cardFor(turn.actor, opportunityId),
      })),
      on(OPPORTUNITY_VERBS.approve, async (turn, { opportunityId }) => {
        const approved = await opportunities.approve(turn.actor, opportunityId);
        // Whoever opened it first (here, in the tab, or a colleague a moment ago) is named, not the latest press.
        const by = [...approved.history].reverse().find((change) => change.state === 'open')?.byName;
        return {
          card: await cardFor(
            turn.actor,
            opportunityId,
            `Approved by ${by ?? turn.actor.displayName}. ${invitedWords(approved.invited?.count ?? 0)}`,
          ),
          updateForEveryone: true,
        };
      }),
    ],
  };
}

function invitedWords(count: number): string {
  return count === 1 ? '1 person was invited.' : `${count} people were invited.`;
}
