import type { Request } from 'restify';
import { z } from 'zod';
import { API } from '../contract/endpoints.js';
import {
  choosePartnersSchema,
  opportunityFormQuerySchema,
  opportunitySettingsSchema,
  type Opportunity as OpportunityRow,
} from '../contract/opportunities.js';
import type { Opportunity } from '../domain/opportunities/opportunity.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow, pathParams } from './validate.js';

const idOf = (req: Request) =>
  parseOrThrow(
    z.object({ id: z.string().regex(/^opportunity-[A-Za-z0-9-]{1,100}$/, 'Not a valid id') }),
    pathParams(req),
    'That opportunity does not exist.',
  ).id;

/** Involvement opportunities in the tab: each route parses, calls the opportunity service once, and answers. */
export function registerOpportunitiesRoutes(route: Route, context: ApiContext): void {
  const opportunities = context.services.opportunities.service;

  route(API.opportunities, async ({ actor }) => ({ body: { items: (await opportunities.list(actor)).map(rowOf) } }));
  route(API.opportunityOptions, async ({ actor }) => ({ body: await opportunities.formOptions(actor) }));
  route(API.opportunityForm, async ({ actor, req }) => {
    const { planId } = parseOrThrow(opportunityFormQuerySchema, req.query, 'Choose one of your plans.');
    return { body: await opportunities.formFor(actor, planId) };
  });
  route(API.publishOpportunity, async ({ actor, req }) => {
    const published = await opportunities.publish(actor, req.body);
    return { status: 201, body: await opportunities.detail(actor, published.id) };
  });
  route(API.opportunity, async ({ actor, req }) => ({ body: await opportunities.detail(actor, idOf(req)) }));
  route(API.opportunityMatching, async ({ actor, req }) => ({ body: await opportunities.matching(actor, idOf(req)) }));
  route(API.approveOpportunity, async ({ actor, req }) => {
    const id = idOf(req);
    await opportunities.approve(actor, id);
    return { body: await opportunities.detail(actor, id) };
  });
  route(API.chooseOpportunityPartners, async ({ actor, req }) => {
    const { partnerIds } = parseOrThrow(choosePartnersSchema, req.body, 'Choose at least one person.');
    return { body: await opportunities.choose(actor, idOf(req), partnerIds) };
  });
  route(API.closeOpportunity, async ({ actor, req }) => {
    const id = idOf(req);
    await opportunities.close(actor, id);
    return { body: await opportunities.detail(actor, id) };
  });
  route(API.opportunitySettings, async ({ actor }) => ({ body: await opportunities.settings(actor) }));
  route(API.changeOpportunitySettings, async ({ actor, req }) => {
    const { approvalRequired } = parseOrThrow(opportunitySettingsSchema, req.body, 'Choose yes or no.');
    return { body: await opportunities.changeSettings(actor, approvalRequired) };
  });
}

function rowOf(opportunity: Opportunity): OpportunityRow {
  const {
    _etag: _version,
    type: _type,
    schemaVersion: _schema,
    opportunityId: _key,
    ...row
  } = opportunity as Opportunity & { _etag?: string };
  return row;
}
