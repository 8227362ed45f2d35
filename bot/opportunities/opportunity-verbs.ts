import { z } from 'zod';
import { cardVerb } from '../cards/card-verb.js';

/** Ids as card data may carry them (see planning-verbs.ts): anything else is a damaged or forged card. */
const id = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);
const opportunityRef = z.object({ opportunityId: id });

/**
 * Involvement opportunities in the bot: the publish form from a plan's summary, the opportunity's card (matching
 * and answers), and the IEV team's approval from their channel. `op` identifies one form: Publish pressed twice
 * publishes once. The form's answers are checked by the domain (`domain/opportunities/publish-form.ts`).
 */
export const OPPORTUNITY_VERBS = {
  start: cardVerb('opportunity.start', z.object({ planId: id })),
  publish: cardVerb('opportunity.publish', z.object({ planId: id, op: id })),
  show: cardVerb('opportunity.show', opportunityRef),
  approve: cardVerb('opportunity.approve', opportunityRef),
} as const;
