import { z } from 'zod';
import { STEP_KEYS } from '../../domain/planning/plan-steps.js';
import { cardVerb } from '../cards/card-verb.js';

/**
 * Ids as card action data may carry them: our own ids are UUID-based, and Cosmos ids may not
 * contain / \ ? #, so anything else is a damaged or forged card.
 */
const id = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);
const revision = z.coerce.number().int().min(0).max(1_000_000);
const planRef = z.object({ planId: id });
/** Where a step card is: the step, the plan's revision when it was drawn, walking through or editing one answer. */
const stepPress = z.object({
  planId: id.optional(),
  step: z.enum(STEP_KEYS),
  revision,
  mode: z.enum(['walk', 'edit']).default('walk'),
  op: id.optional(),
});

/** "Before": the planning guide's step cards, the plan list and the summary. */
export const PLAN_VERBS = {
  start: cardVerb('plan.start', z.object({})),
  list: cardVerb('plan.list', z.object({})),
  resume: cardVerb('plan.resume', planRef),
  /** The revision is carried for the record; the summary always shows the plan as it is now. */
  summary: cardVerb('plan.summary', z.object({ planId: id, revision: revision.optional() })),
  edit: cardVerb('plan.edit', z.object({ planId: id, step: z.enum(STEP_KEYS), revision })),
  next: cardVerb('plan.next', stepPress),
  exit: cardVerb('plan.exit', stepPress),
  skip: cardVerb('plan.skip', stepPress),
  back: cardVerb('plan.back', stepPress),
} as const;

/** "During": the session form. `op` identifies one form, so Save pressed twice logs one session. */
export const SESSION_VERBS = {
  start: cardVerb('session.start', planRef),
  /** A search keeps the form's identity when it has one. */
  search: cardVerb('session.search', z.object({ planId: id, op: id.optional().catch(undefined) })),
  save: cardVerb('session.save', z.object({ planId: id, op: id })),
} as const;

/** "After": the outcome form. */
export const OUTCOME_VERBS = {
  start: cardVerb('after.start', planRef),
  save: cardVerb('after.save', planRef),
} as const;

const requestRef = z.object({ requestId: id, hostId: id });
/** A typed answer, cut to its input's limit; anything that is not text counts as not answered. */
const typed = (max: number) =>
  z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' ? value.trim().slice(0, max) : ''));

/** "New Works": the host's request form, and the card in the IEV channel (take, assign, note, done). */
export const SUPPORT_VERBS = {
  start: cardVerb('support.start', planRef),
  send: cardVerb('support.send', z.object({ planId: id, op: id })),
  refresh: cardVerb('support.refresh', requestRef),
  take: cardVerb('support.take', requestRef),
  /** The colleague is checked against the IEV team by the domain. */
  assign: cardVerb('support.assign', requestRef, z.object({ assignee: typed(100) })),
  /** Cut a little past the domain's limit, so an over-long note is refused with its message rather than cut. */
  note: cardVerb('support.note', requestRef, z.object({ note: typed(1001) })),
  done: cardVerb('support.done', requestRef),
} as const;
