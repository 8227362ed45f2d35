import { z } from 'zod';
import { API } from '../contract/endpoints.js';
import {
  choosePartnersSchema,
  opportunityFormQuerySchema,
  opportunitySettingsSchema,
  type MatchingView,
  type Opportunity as OpportunityRow,
  type OpportunityDetail,
  type OpportunityOptions,
  type OpportunitySettings,
  type PublishForm,
} from '../contract/opportunities.js';
import type { Opportunity } from '../domain/opportunities/opportunity.js';
import { publishFormSchema } from '../domain/opportunities/publish-form.js';
import type { Given, Route, RouteAnswer as Answer } from './routes.js';

const opportunityParams = {
  schema: z.object({ id: z.string().regex(/^opportunity-[A-Za-z0-9-]{1,100}$/, 'Not a valid id') }),
  summary: 'That opportunity does not exist.',
};
const formQuery = { schema: opportunityFormQuerySchema, summary: 'Choose one of your plans.' };
// The same schema as the bot's card; the service checks the form again, with the rules between its answers.
const publishForm = { schema: publishFormSchema, summary: 'Check the opportunity: some answers need changing.' };
const choice = { schema: choosePartnersSchema, summary: 'Choose at least one person.' };
const settings = { schema: opportunitySettingsSchema, summary: 'Choose yes or no.' };

/** Involvement opportunities in the tab: each route parses, calls the opportunity service once, and answers. */
export function registerOpportunitiesRoutes(route: Route): void {
  route(API.opportunities, {}, listOpportunities);
  route(API.opportunityOptions, {}, formOptions);
  route(API.opportunityForm, { query: formQuery }, formFromPlan);
  route(API.publishOpportunity, { body: publishForm }, publishOpportunity);
  route(API.opportunity, { params: opportunityParams }, opportunityDetail);
  route(API.opportunityMatching, { params: opportunityParams }, opportunityMatching);
  route(API.approveOpportunity, { params: opportunityParams }, approveOpportunity);
  route(API.chooseOpportunityPartners, { params: opportunityParams, body: choice }, choosePartners);
  route(API.closeOpportunity, { params: opportunityParams }, closeOpportunity);
  route(API.opportunitySettings, {}, opportunitySettings);
  route(API.changeOpportunitySettings, { body: settings }, changeOpportunitySettings);
}

type ByOpportunity = Given<{ params: typeof opportunityParams }>;

async function listOpportunities({ actor, services }: Given): Promise<Answer<{ items: OpportunityRow[] }>> {
  return { body: { items: (await services.opportunities.service.list(actor)).map(rowOf) } };
}

async function formOptions({ actor, services }: Given): Promise<Answer<OpportunityOptions>> {
  return { body: await services.opportunities.service.formOptions(actor) };
}

async function formFromPlan({
  actor,
  services,
  query,
}: Given<{ query: typeof formQuery }>): Promise<Answer<PublishForm>> {
  return { body: await services.opportunities.service.formFor(actor, query.planId) };
}

async function publishOpportunity({
  actor,
  services,
  body,
}: Given<{ body: typeof publishForm }>): Promise<Answer<OpportunityDetail>> {
  const published = await services.opportunities.service.publish(actor, body);
  return { status: 201, body: await services.opportunities.service.detail(actor, published.id) };
}

async function opportunityDetail({ actor, services, params }: ByOpportunity): Promise<Answer<OpportunityDetail>> {
  return { body: await services.opportunities.service.detail(actor, params.id) };
}

async function opportunityMatching({ actor, services, params }: ByOpportunity): Promise<Answer<MatchingView>> {
  return { body: await services.opportunities.service.matching(actor, params.id) };
}

async function approveOpportunity({ actor, services, params }: ByOpportunity): Promise<Answer<OpportunityDetail>> {
  await services.opportunities.service.approve(actor, params.id);
  return { body: await services.opportunities.service.detail(actor, params.id) };
}

async function choosePartners({
  actor,
  services,
  params,
  body,
}: Given<{ params: typeof opportunityParams; body: typeof choice }>): Promise<Answer<OpportunityDetail>> {
  return { body: await services.opportunities.service.choose(actor, params.id, body.partnerIds) };
}

async function closeOpportunity({ actor, services, params }: ByOpportunity): Promise<Answer<OpportunityDetail>> {
  await services.opportunities.service.close(actor, params.id);
  return { body: await services.opportunities.service.detail(actor, params.id) };
}

async function opportunitySettings({ actor, services }: Given): Promise<Answer<OpportunitySettings>> {
  return { body: await services.opportunities.service.settings(actor) };
}

async function changeOpportunitySettings({
  actor,
  services,
  body,
}: Given<{ body: typeof settings }>): Promise<Answer<OpportunitySettings>> {
  return { body: await services.opportunities.service.changeSettings(actor, body.approvalRequired) };
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
