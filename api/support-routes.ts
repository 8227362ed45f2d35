import { API } from '../contract/endpoints.js';
import {
  supportAssignSchema,
  supportListQuerySchema,
  supportNoteRequestSchema,
  supportRefSchema,
  type PlanToRead,
  type SupportRequestPage,
  type SupportRequestRow,
} from '../contract/support.js';
import { supportKindTitle, type SupportRequest } from '../domain/planning/support-request.js';
import type { Given, Route, RouteAnswer as Answer } from './routes.js';

const requestParams = { schema: supportRefSchema, summary: 'That support request does not exist.' };
const filters = { schema: supportListQuerySchema, summary: 'Check the filters.' };
const assignment = { schema: supportAssignSchema, summary: 'Choose a member of the IEV team.' };
const note = { schema: supportNoteRequestSchema, summary: 'Check the note.' };

/** New Works requests for the IEV team in the tab: the list, give one to a colleague, notes, done, the plan behind it. */
export function registerSupportRoutes(route: Route): void {
  route(API.supportRequests, { query: filters }, listSupportRequests);
  route(API.supportRequestPlan, { params: requestParams }, planBehind);
  route(API.assignSupportRequest, { params: requestParams, body: assignment }, assignSupportRequest);
  route(API.noteSupportRequest, { params: requestParams, body: note }, noteSupportRequest);
  route(API.supportRequestDone, { params: requestParams }, markSupportRequestDone);
}

async function listSupportRequests({
  actor,
  services,
  query,
}: Given<{ query: typeof filters }>): Promise<Answer<SupportRequestPage>> {
  const page = await services.support.list(actor, query.status, query.continuation);
  return { body: { items: page.items.map(supportRow), continuation: page.continuation } };
}

async function planBehind({
  actor,
  services,
  params,
}: Given<{ params: typeof requestParams }>): Promise<Answer<PlanToRead>> {
  return { body: await services.support.planBehind(actor, params.hostId, params.requestId) };
}

async function assignSupportRequest({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof requestParams; body: typeof assignment }>): Promise<Answer<SupportRequestRow>> {
  return { body: supportRow(await services.support.assign(actor, params.hostId, params.requestId, body.assignee)) };
}

async function noteSupportRequest({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof requestParams; body: typeof note }>): Promise<Answer<SupportRequestRow>> {
  return { body: supportRow(await services.support.note(actor, params.hostId, params.requestId, body.note)) };
}

async function markSupportRequestDone({
  actor,
  services,
  params,
}: Given<{ params: typeof requestParams }>): Promise<Answer<SupportRequestRow>> {
  return { body: supportRow(await services.support.done(actor, params.hostId, params.requestId)) };
}

/** A request as the IEV team's list shows it. */
function supportRow(request: SupportRequest): SupportRequestRow {
  const events = request.events ?? [];
  const done = [...events].reverse().find((event) => event.kind === 'done');
  return {
    id: request.id,
    hostId: request.hostId,
    hostName: request.hostName,
    planId: request.planId,
    planTitle: request.planTitle,
    kinds: request.kinds.map(supportKindTitle),
    description: request.description,
    status: request.status,
    assignedTo: request.takenBy ? { id: request.takenBy.id, name: request.takenBy.name } : undefined,
    notes: events
      .filter((event) => event.kind === 'noted')
      .map((event) => ({ at: event.at, byName: event.byName, note: event.note ?? '' })),
    done: done ? { at: done.at, byName: done.byName } : undefined,
    postedToChannel: request.channelPost !== undefined,
    createdAt: request.createdAt,
  };
}
