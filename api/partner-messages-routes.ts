import { z } from 'zod';
import { API } from '../contract/endpoints.js';
import type { ApiContext, Route } from './routes.js';
import { parseOrThrow, pathParams } from './validate.js';

const partnerId = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);

/** The messages sent (or not) to a partner, with what to do about any that did not arrive: IEV only. */
export function registerPartnerMessagesRoutes(route: Route, context: ApiContext): void {
  route(API.partnerMessages, async ({ actor, req }) => ({
    body: {
      items: await context.services.partnerMessages.messaging.forPartner(
        actor,
        parseOrThrow(partnerId, pathParams(req).id),
      ),
    },
  }));
}
