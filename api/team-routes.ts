import { z } from 'zod';
import { API } from '../contract/endpoints.js';
import {
  entraIdSchema,
  peopleSearchSchema,
  teamChangeSchema,
  type PeopleFound,
  type Team,
  type TeamMember,
} from '../contract/team.js';
import type { Given, Route, RouteAnswer as Answer } from './routes.js';

const search = { schema: peopleSearchSchema, summary: 'Type at least two letters of their name.' };
const addition = { schema: teamChangeSchema, summary: 'Choose a colleague to add.' };
const memberParams = { schema: z.object({ userId: entraIdSchema }), summary: 'Choose a colleague to remove.' };

/** The IEV team's membership (IEV only): who is in it, finding a colleague by name, adding and removing. */
export function registerTeamRoutes(route: Route): void {
  route(API.team, {}, teamMembers);
  route(API.teamPeople, { query: search }, findPeople);
  route(API.addTeamMember, { body: addition }, addTeamMember);
  route(API.removeTeamMember, { params: memberParams }, removeTeamMember);
}

async function teamMembers({ actor, services }: Given): Promise<Answer<Team>> {
  return { body: await services.team.members(actor) };
}

async function findPeople({ actor, services, query }: Given<{ query: typeof search }>): Promise<Answer<PeopleFound>> {
  return { body: { items: await services.team.findPeople(actor, query.name) } };
}

async function addTeamMember({ actor, services, body }: Given<{ body: typeof addition }>): Promise<Answer<TeamMember>> {
  return { status: 201, body: await services.team.add(actor, body.userId) };
}

async function removeTeamMember({
  actor,
  services,
  params,
}: Given<{ params: typeof memberParams }>): Promise<Answer<void>> {
  await services.team.remove(actor, params.userId);
  return { status: 204, body: undefined };
}
