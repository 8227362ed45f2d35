import { API } from '../contract/endpoints.js';
import { entraIdSchema, peopleSearchSchema, teamChangeSchema } from '../contract/team.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow, pathParams } from './validate.js';

/** The IEV team's membership (IEV only): who is in it, finding a colleague by name, adding and removing. */
export function registerTeamRoutes(route: Route, context: ApiContext): void {
  const team = context.services.team;

  route(API.team, async ({ actor }) => ({ body: await team.members(actor) }));

  route(API.teamPeople, async ({ actor, req }) => {
    const { name } = parseOrThrow(peopleSearchSchema, req.query, 'Type at least two letters of their name.');
    return { body: { items: await team.findPeople(actor, name) } };
  });

  route(API.addTeamMember, async ({ actor, req }) => {
    const { userId } = parseOrThrow(teamChangeSchema, req.body, 'Choose a colleague to add.');
    return { status: 201, body: await team.add(actor, userId) };
  });

  route(API.removeTeamMember, async ({ actor, req }) => {
    await team.remove(actor, parseOrThrow(entraIdSchema, pathParams(req).userId, 'Choose a colleague to remove.'));
    return { status: 204, body: undefined };
  });
}
