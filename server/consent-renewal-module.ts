import type { PersonalLinks } from '../domain/links/personal-links.js';
import type { PartnerMessaging } from '../domain/partner-messages/partner-messaging.js';
import type { ConsentRenewalService } from '../domain/register/consent-renewal.js';
import { ConsentRenewalRequests } from '../domain/register/consent-renewal-requests.js';
import type { RegisterService } from '../domain/register/register-service.js';
import type { PartnerStore } from '../storage/partner-store.js';
import { publicBaseOf, type AreaContext } from './area-context.js';

/** Asking partners whose consent is due for renewal, by personal link, and taking their answer (`/consent`). */
export function createConsentRenewalModule(
  deps: Pick<AreaContext, 'config' | 'now'> & {
    readonly partners: PartnerStore;
    /** The scheduled renewal list (`services.schedule.consentRenewals`). */
    readonly due: ConsentRenewalService;
    readonly links: PersonalLinks;
    readonly messages: PartnerMessaging;
    readonly register: Pick<RegisterService, 'renewConsent'>;
  },
): ConsentRenewalRequests {
  const { config, register } = deps;
  const base = publicBaseOf(config);
  return new ConsentRenewalRequests({
    partners: deps.partners,
    due: deps.due,
    links: deps.links,
    messages: deps.messages,
    renew: (partnerId, choices, now, operationId) => register.renewConsent(partnerId, choices, now, operationId),
    months: config.schedule.consentRenewalMonths,
    linkUrl: (token) => `${base}/consent?link=${token}`,
    now: deps.now,
  });
}
