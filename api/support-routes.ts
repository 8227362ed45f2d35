import type { Request } from 'restify';
import { API } from '../contract/endpoints.js';
import {
  supportAssignSchema,
  supportListQuerySchema,
  supportNoteRequestSchema,
  supportRefSchema,
  type SupportRequestRow,
} from '../contract/support.js';
import { supportKindTitle, type SupportRequest } from '../domain/planning/support-request.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow, pathParams } from './validate.js';

const refOf = (req: Request) => parseOrThrow(supportRefSchema, pathParams(req), 'That support request does not exist.');

/** New Works requests for the IEV team in the tab: the list, give one to a colleague, notes, done, the plan behind it. */
export function registerSupportRoutes(route: Route, context: ApiContext): void {
  const support = context.services.support;

  route(API.supportRequests, async ({ actor, req }) => {
    const { status, continuation } = parseOrThrow(supportListQuerySchema, req.query, 'Check the filters.');
    const page = await support.list(actor, status, continuation);
    return { body: { items: page.items.map(supportRow), continuation: page.continuation } };
  });

  route(API.supportRequestPlan, async ({ actor, req }) => {
    const { hostId, requestId } = refOf(req);
    return { body: await support.planBehind(actor, hostId, requestId) };
  });

  route(API.assignSupportRequest, async ({ actor, req }) => {
    const { hostId, requestId } = refOf(req);
    const { assignee } = parseOrThrow(supportAssignSchema, req.body, 'Choose a member of the IEV team.');
    return { body: supportRow(await support.assign(actor, hostId, requestId, assignee)) };
  });

  route(API.noteSupportRequest, async ({ actor, req }) => {
    const { hostId, requestId } = refOf(req);
    const { note } = parseOrThrow(supportNoteRequestSchema, req.body, 'Check the note.');
    return { body: supportRow(await support.note(actor, hostId, requestId, note)) };
  });

  route(API.supportRequestDone, async ({ actor, req }) => {
    const { hostId, requestId } = refOf(req);
    return { body: supportRow(await support.done(actor, hostId, requestId)) };
  });
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
