import { API } from '../contract/endpoints.js';
import { idSchema } from '../contract/common.js';
import {
  addOrganisationSchema,
  changeOrganisationSchema,
  importOrganisationsSchema,
} from '../contract/organisations.js';
import { COMMUNITY_GROUPS } from '../domain/organisations/organisation.js';
import { CSV_HEADINGS, organisationsFromCsv } from './organisation-csv.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow, pathParams } from './validate.js';

/** The community organisations directory: hosts read it, the IEV team keeps it (the service decides who may). */
export function registerOrganisationRoutes(route: Route, context: ApiContext): void {
  const organisations = context.services.organisations;
  const groups = COMMUNITY_GROUPS.map(({ value, title }) => ({ value, title }));

  route(API.organisations, async ({ actor }) => ({
    body: { ...(await organisations.list(actor)), groups, csvHeadings: CSV_HEADINGS },
  }));

  route(API.addOrganisation, async ({ actor, req }) => {
    const { operationId, ...fields } = parseOrThrow(
      addOrganisationSchema,
      req.body,
      'Please check the details marked below.',
    );
    return { status: 201, body: await organisations.add(actor, fields, operationId) };
  });

  route(API.changeOrganisation, async ({ actor, req }) => {
    const id = parseOrThrow(idSchema, pathParams(req).id);
    const { version, ...fields } = parseOrThrow(
      changeOrganisationSchema,
      req.body,
      'Please check the details marked below.',
    );
    return { body: await organisations.update(actor, id, fields, version) };
  });

  route(API.removeOrganisation, async ({ actor, req }) => {
    await organisations.remove(actor, parseOrThrow(idSchema, pathParams(req).id));
    return { status: 204, body: undefined };
  });

  route(API.organisationChecked, async ({ actor, req }) => ({
    body: await organisations.markChecked(actor, parseOrThrow(idSchema, pathParams(req).id)),
  }));

  route(API.importOrganisations, async ({ actor, req }) => {
    const { csv, importId } = parseOrThrow(importOrganisationsSchema, req.body, 'Choose a CSV file to import.');
    return { status: 201, body: await organisations.importRows(actor, organisationsFromCsv(csv), importId) };
  });
}
