import { ForbiddenError } from '../errors.js';
import { isStaff, type Actor } from '../people/actor.js';
import type { Plan } from '../planning/plan.js';
import type { Versioned } from '../ports.js';
import { LIVED_EXPERIENCE } from '../register/service-areas.js';
import { openOpportunity } from './invite-partners.js';
import { ACCESS_ARRANGEMENTS, ACCESS_KEYS, type Opportunity } from './opportunity.js';
import { hostPlan, moveOpportunity } from './opportunity-records.js';
import type { OpportunityPorts } from './ports.js';
import { day, formFromPlan, parsePublishForm, type PublishForm } from './publish-form.js';

const STAFF_ONLY = 'Only colleagues running involvement work can publish opportunities.';

/** What the publish form offers: the host's plans (not finished), the access arrangements, kinds of lived experience. */
export async function publishFormOptions(
  { plans, store }: Pick<OpportunityPorts, 'plans' | 'store'>,
  actor: Actor,
): Promise<{
  plans: Array<{ id: string; title: string }>;
  access: Array<{ value: string; label: string }>;
  livedExperience: string[];
  approvalRequired: boolean;
}> {
  if (!isStaff(actor)) throw new ForbiddenError(STAFF_ONLY);
  const [hostPlans, settings] = await Promise.all([plans.plansOf(actor.id), store.settings()]);
  return {
    plans: hostPlans
      .filter((plan) => plan.phase !== 'closed')
      .map((plan) => ({ id: plan.id, title: plan.title || 'Untitled involvement work' })),
    access: ACCESS_KEYS.map((key) => ({ value: key, label: ACCESS_ARRANGEMENTS[key].label })),
    livedExperience: [...LIVED_EXPERIENCE],
    approvalRequired: settings?.approvalRequired ?? false,
  };
}

/** The publish form filled in from the host's plan. */
export async function publishFormFor(
  ports: Pick<OpportunityPorts, 'plans' | 'clock'>,
  actor: Actor,
  planId: string,
): Promise<Omit<PublishForm, 'operationId'>> {
  return formFromPlan(await hostPlan(ports, actor, planId), ports.clock());
}

/**
 * Publishes the form: saved as a draft, then sent to the IEV team to approve (when they ask to) or opened at
 * once, which sends the invitations. Publishing the same form again finds the first and changes nothing.
 */
export async function publishOpportunity(
  ports: Omit<OpportunityPorts, 'partners' | 'stopInvitations' | 'closed'>,
  actor: Actor,
  values: unknown,
): Promise<Versioned<Opportunity>> {
  if (!isStaff(actor)) throw new ForbiddenError(STAFF_ONLY);
  const now = ports.clock();
  const form = parsePublishForm(values, day(now));
  const plan = await hostPlan(ports, actor, form.planId);
  const { document } = await ports.store.create(draftOf(form, plan, actor, now));
  if (document.state !== 'draft') return document;
  const approvalRequired = (await ports.store.settings())?.approvalRequired ?? false;
  if (!approvalRequired) return openOpportunity(ports, document, actor, now);
  const waiting = await moveOpportunity(ports, document, 'awaiting-approval', actor, now);
  await ports.approvalNeeded?.(waiting, now);
  return waiting;
}

/** The opportunity as first saved; its id comes from the form's operation, so publishing again finds it. */
function draftOf(form: PublishForm, plan: Plan, actor: Actor, now: Date): Opportunity {
  const id = `opportunity-${form.operationId.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const at = now.toISOString();
  return {
    id,
    type: 'opportunity',
    schemaVersion: 1,
    opportunityId: id,
    kind: form.kind,
    role: form.kind === 'interview-panel' ? form.role : undefined,
    hostId: actor.id,
    hostName: actor.displayName,
    planId: plan.id,
    title: form.title,
    what: form.what,
    date: form.date,
    time: form.time,
    format: form.format,
    place: form.format === 'online' ? undefined : form.place,
    access: form.access,
    accessNotes: form.accessNotes,
    expensesPaid: form.expensesPaid,
    payment: form.payment,
    places: form.places,
    closesOn: form.closesOn,
    serviceArea: plan.serviceArea,
    interests: form.interests,
    livedExperience: form.livedExperience,
    state: 'draft',
    history: [{ state: 'draft', at, byId: actor.id, byName: actor.displayName }],
    createdAt: at,
    updatedAt: at,
  };
}
