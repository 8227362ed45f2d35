import { z } from 'zod';
import { API } from '../contract/endpoints.js';
import { idSchema } from '../contract/common.js';
import {
  addOrganisationSchema,
  changeOrganisationSchema,
  importOrganisationsSchema,
  type CommunityOrganisation,
  type OrganisationDirectory,
} from '../contract/organisations.js';
import { COMMUNITY_GROUPS } from '../domain/organisations/organisation.js';
import { CSV_HEADINGS, organisationsFromCsv } from './organisation-csv.js';
import type { Given, Route, RouteAnswer as Answer } from './routes.js';

const organisationParams = z.object({ id: idSchema });
const addition = { schema: addOrganisationSchema, summary: 'Please check the details marked below.' };
const change = { schema: changeOrganisationSchema, summary: 'Please check the details marked below.' };
const csvImport = { schema: importOrganisationsSchema, summary: 'Choose a CSV file to import.' };
const GROUPS = COMMUNITY_GROUPS.map(({ value, title }) => ({ value, title }));

/** The community organisations directory: hosts read it, the IEV team keeps it (the service decides who may). */
export function registerOrganisationRoutes(route: Route): void {
  route(API.organisations, {}, organisationDirectory);
  route(API.addOrganisation, { body: addition }, addOrganisation);
  route(API.changeOrganisation, { params: organisationParams, body: change }, changeOrganisation);
  route(API.removeOrganisation, { params: organisationParams }, removeOrganisation);
  route(API.organisationChecked, { params: organisationParams }, markOrganisationChecked);
  route(API.importOrganisations, { body: csvImport }, importOrganisations);
}

type ByOrganisation = Given<{ params: typeof organisationParams }>;

async function organisationDirectory({ actor, services }: Given): Promise<Answer<OrganisationDirectory>> {
  return { body: { ...(await services.organisations.list(actor)), groups: GROUPS, csvHeadings: CSV_HEADINGS } };
}

async function addOrganisation({
  actor,
  services,
  body,
}: Given<{ body: typeof addition }>): Promise<Answer<CommunityOrganisation>> {
  const { operationId, ...fields } = body;
  return { status: 201, body: await services.organisations.add(actor, fields, operationId) };
}

async function changeOrganisation({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof organisationParams; body: typeof change }>): Promise<Answer<CommunityOrganisation>> {
  const { version, ...fields } = body;
  return { body: await services.organisations.update(actor, params.id, fields, version) };
}

async function removeOrganisation({ actor, services, params }: ByOrganisation): Promise<Answer<void>> {
  await services.organisations.remove(actor, params.id);
  return { status: 204, body: undefined };
}

async function markOrganisationChecked({
  actor,
  services,
  params,
}: ByOrganisation): Promise<Answer<CommunityOrganisation>> {
  return { body: await services.organisations.markChecked(actor, params.id) };
}

async function importOrganisations({
  actor,
  services,
  body,
}: Given<{ body: typeof csvImport }>): Promise<Answer<{ added: number }>> {
  return {
    status: 201,
    body: await services.organisations.importRows(actor, organisationsFromCsv(body.csv), body.importId),
  };
}
