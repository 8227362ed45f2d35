import { ForbiddenError, ValidationError, type FieldProblem } from '../errors.js';
import { isStaff, type Actor } from '../people/actor.js';
import type { Partner } from '../register/partner.js';
import type { ClaimDocument } from './claim.js';
import type { ClaimPorts } from './ports.js';
import { stableId } from './stable-id.js';

/** The start card's choice for work that is none of the host's plans (a title is typed instead). */
export const OTHER_WORK = 'other';

export type StartClaimPorts = Pick<ClaimPorts, 'claims' | 'partners' | 'work' | 'policy' | 'clock'>;

export interface StartClaimRequest {
  operationId: string;
  partnerId: string;
  workTitle?: string | undefined;
  planId?: string | undefined;
  sessionId?: string | undefined;
}

/** A plan the host can start a claim for, with its sessions. */
export interface WorkChoice {
  planId: string;
  title: string;
  sessions: Array<{ id: string; date: string }>;
}

/**
 * Starts a claim for a partner, for one of the host's plans (and optionally one of its sessions) or, with
 * no plan, "other" work named by its title. The id comes from the request's operation id, so a retried
 * request finds the same draft.
 */
export async function startClaim(
  ports: StartClaimPorts,
  actor: Actor,
  request: StartClaimRequest,
): Promise<ClaimDocument> {
  if (!isStaff(actor)) throw new ForbiddenError('Only Trust colleagues can submit expense claims.');
  const problems: FieldProblem[] = [];
  const partner = await ports.partners.find(request.partnerId);
  if (!partner || partner.status !== 'active')
    problems.push({ field: 'partnerId', message: 'Choose a partner from the register' });
  const work = await workFor(ports, actor, request, problems);
  if (problems.length > 0 || !partner || !work) throw new ValidationError('Please check your answers.', problems);
  const { claim } = await ports.claims.createClaim(newDraft(ports, actor, request.operationId, partner, work));
  if (claim.hostId !== actor.id) throw new ForbiddenError('That claim belongs to someone else.');
  return claim;
}

/** What a host can start a claim for: their plans, newest first, each with its sessions. */
export async function workChoices(ports: Pick<ClaimPorts, 'work'>, actor: Actor): Promise<WorkChoice[]> {
  if (!isStaff(actor) || !ports.work) return [];
  return (await ports.work.plansOf(actor.id)).map((plan) => ({
    planId: plan.id,
    title: plan.title,
    sessions: plan.sessions.map((session) => ({ id: session.id, date: session.date })),
  }));
}

function newDraft(
  ports: Pick<ClaimPorts, 'policy' | 'clock'>,
  actor: Actor,
  operationId: string,
  partner: Partner,
  work: ClaimDocument['work'],
): ClaimDocument {
  const now = ports.clock().toISOString();
  return {
    id: stableId('claim', operationId),
    type: 'claim',
    schemaVersion: 1,
    status: 'draft',
    hostId: actor.id,
    hostName: actor.displayName,
    partnerId: partner.id,
    partnerName: partner.displayName,
    work,
    items: [],
    receipts: [],
    totals: { expensesPence: 0, paymentsPence: 0 },
    policyVersion: ports.policy().version,
    createdAt: now,
    history: [{ status: 'draft', at: now, byId: actor.id, byName: actor.displayName, operationId }],
  };
}

/** The work a new claim is for: one of the host's own plans (and a session of it), or a typed title. */
async function workFor(
  ports: Pick<ClaimPorts, 'work'>,
  actor: Actor,
  request: { workTitle?: string | undefined; planId?: string | undefined; sessionId?: string | undefined },
  problems: FieldProblem[],
): Promise<ClaimDocument['work'] | undefined> {
  const planId = request.planId && request.planId !== OTHER_WORK ? request.planId : undefined;
  if (!planId) {
    const title = request.workTitle?.trim() ?? '';
    if (!title) problems.push({ field: 'workTitle', message: 'Say which work or session the claim is for' });
    else if (title.length > 150) problems.push({ field: 'workTitle', message: 'Keep this under 150 characters' });
    if (request.sessionId) problems.push({ field: 'sessionId', message: 'Choose a session of the chosen plan' });
    return title && title.length <= 150 ? { title } : undefined;
  }
  const plan = await ports.work?.findPlan(actor.id, planId);
  if (!plan) {
    problems.push({ field: 'planId', message: 'Choose one of your plans, or \u201cother\u201d' });
    return undefined;
  }
  if (request.sessionId && !plan.sessions.some((session) => session.id === request.sessionId)) {
    problems.push({ field: 'sessionId', message: 'Choose a session of the chosen plan' });
    return undefined;
  }
  return { title: plan.title, planId: plan.id, ...(request.sessionId ? { sessionId: request.sessionId } : {}) };
}
