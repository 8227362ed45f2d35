import { z } from 'zod';
import { API } from '../contract/endpoints.js';
import type { PartnerMessageRow } from '../contract/partner-messages.js';
import type { Given, Route, RouteAnswer as Answer } from './routes.js';

const partnerParams = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,100}$/) });

/** The messages sent (or not) to a partner, with what to do about any that did not arrive: IEV only. */
export function registerPartnerMessagesRoutes(route: Route): void {
  route(API.partnerMessages, { params: partnerParams }, partnerMessages);
}

async function partnerMessages({
  actor,
  services,
  params,
}: Given<{ params: typeof partnerParams }>): Promise<Answer<{ items: PartnerMessageRow[] }>> {
  return { body: { items: await services.partnerMessages.messaging.forPartner(actor, params.id) } };
}
