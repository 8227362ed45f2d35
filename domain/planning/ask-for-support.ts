import { z } from 'zod';
import { ValidationError, type FieldProblem } from '../errors.js';
import type { Actor } from '../people/actor.js';
import type { Versioned } from '../ports.js';
import type { Plan } from './plan.js';
import { messageId, oweSupportMessages, type SupportPorts } from './support-records.js';
import { SUPPORT_KINDS, type SupportKind, type SupportRequest } from './support-request.js';
import { schemaProblems } from '../schema-problems.js';

const KIND_VALUES = SUPPORT_KINDS.map((kind) => kind.value) as [SupportKind, ...SupportKind[]];

const requestSchema = z.object({
  kinds: z.preprocess(
    (value) =>
      value === undefined || value === null || value === ''
        ? []
        : typeof value === 'string'
          ? value
              .split(',')
              .map((item) => item.trim())
              .filter(Boolean)
          : value,
    z
      .array(z.enum(KIND_VALUES, { error: 'Please choose from the options shown.' }), {
        error: 'Please choose from the options shown.',
      })
      .max(KIND_VALUES.length, { error: 'Please choose from the options shown.' })
      .min(1, { error: 'Please choose what you would like help with.' })
      .transform((kinds) => [...new Set(kinds)]),
  ),
  description: z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z
      .string({ error: 'Please type your answer as text.' })
      .transform((text) => text.trim())
      .pipe(
        z
          .string()
          .min(1, { error: 'Please describe what you are planning and what help would be useful.' })
          .max(2000, { error: 'Please keep this to 2,000 characters or fewer.' }),
      ),
  ),
});

export interface AskForSupportPorts extends SupportPorts {
  /** The host's own plan (PlanService.open): another host's plan is not found. */
  readonly openPlan: (actor: Actor, planId: string) => Promise<Versioned<Plan>>;
}

/**
 * A host asks the IEV team for help with a plan. Saved once per card (the card's operation id is the
 * request id), with its channel post owed first.
 */
export async function askForSupport(
  ports: AskForSupportPorts,
  actor: Actor,
  planId: string,
  op: string,
  submitted: Readonly<Record<string, unknown>>,
): Promise<{ request: Versioned<SupportRequest>; created: boolean }> {
  const plan = await ports.openPlan(actor, planId);
  const parsed = requestSchema.safeParse(submitted);
  if (!parsed.success) {
    const problems: FieldProblem[] = schemaProblems(parsed.error).map((problem) => ({
      ...problem,
      field: problem.field.split('.')[0] ?? 'form',
    }));
    throw new ValidationError('Please check the answers marked below.', problems);
  }
  const at = ports.now().toISOString();
  const candidate: SupportRequest = {
    id: `support-${op}`,
    type: 'support-request',
    schemaVersion: 1,
    hostId: actor.id,
    hostName: actor.displayName,
    planId: plan.id,
    planTitle: plan.title,
    kinds: parsed.data.kinds,
    description: parsed.data.description,
    status: 'open',
    events: [{ kind: 'requested', at, byId: actor.id, byName: actor.displayName }],
    createdAt: at,
  };
  // Owed before it is saved: a request saved without its post cannot happen, and a retry owes it once.
  await oweSupportMessages(ports, candidate, 0, ['iev-channel']);
  const { document, created } = await ports.store.createSupportRequest(candidate);
  await ports.deliverNow(messageId(document, 0, 'iev-channel'));
  return { request: (await ports.store.findSupportRequest(document.hostId, document.id)) ?? document, created };
}
