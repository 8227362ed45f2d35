import type { Server } from 'restify';
import { entraIdSchema, peopleSearchSchema, teamChangeSchema } from '../domain/people/team-service.js';
import type { ApiContext, Route } from './routes.js';
import { formBody, parseOrThrow, pathParams } from './validate.js';

/** The IEV team's membership (IEV only): who is in it, finding a colleague by name, adding and removing. */
export function registerTeamRoutes(server: Server, route: Route, context: ApiContext): void {
  const team = context.services.team;

  server.get(
    '/api/team',
    route(async ({ actor }) => ({ body: await team.members(actor) })),
  );

  server.get(
    '/api/team/people',
    route(async ({ actor, req }) => {
      const { name } = parseOrThrow(peopleSearchSchema, req.query, 'Type at least two letters of their name.');
      return { body: { items: await team.findPeople(actor, name) } };
    }),
  );

  server.post(
    '/api/team/members',
    formBody(),
    route(async ({ actor, req }) => {
      const { userId } = parseOrThrow(teamChangeSchema, req.body, 'Choose a colleague to add.');
      return { status: 201, body: await team.add(actor, userId) };
    }),
  );

  server.del(
    '/api/team/members/:userId',
    route(async ({ actor, req }) => {
      await team.remove(actor, parseOrThrow(entraIdSchema, pathParams(req).userId, 'Choose a colleague to remove.'));
      return { status: 204, body: undefined };
    }),
  );
}
