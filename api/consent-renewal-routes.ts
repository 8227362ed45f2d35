import { z } from 'zod';
import type { PublicPagesContext } from './public-pages.js';
import {
  consentRenewalPage,
  consentRenewalRefusedPage,
  renewalThanks,
  RENEWAL_REFUSAL_WORDS,
} from './consent-renewal-page.js';

/**
 * "Do you still agree?" behind a partner's consent renewal link, `/consent?link=<token>`: public, no sign-in,
 * limited like `/join` (a rate limit per client address counted before the body is read, a small body). The token
 * travels in the query string and the body, never the path, because paths are logged. A refused request changes
 * nothing and spends no link.
 */
export const CONSENT_RENEWAL_LIMITS = {
  /** Three choices and a token. */
  maxBodyBytes: 1_024,
  pagesPerWindow: 60,
  submissionsPerWindow: 20,
  windowMs: 10 * 60_000,
} as const;

const linkQuery = z.object({ link: z.string().catch('') });

const choice = z.enum(['renew', 'withdraw']).optional();
const answerSchema = z.object({
  link: z.string().max(100),
  choices: z.object({ register: choice, contactAboutOpportunities: choice, equalityMonitoring: choice }).strict(),
});

export function registerConsentRenewalRoutes({ route, services, scripts }: PublicPagesContext): void {
  const { windowMs } = CONSENT_RENEWAL_LIMITS;
  const renewals = () => services.consentRenewalRequests;
  route(
    {
      method: 'GET',
      path: '/consent',
      limit: { perWindow: CONSENT_RENEWAL_LIMITS.pagesPerWindow, windowMs },
      query: linkQuery,
    },
    async ({ query: { link } }) => {
      const opened = await renewals().open(link);
      // The page holds a personal link: never kept by a browser or a proxy (the door's default for a page).
      if (opened.state === 'ok')
        return { page: consentRenewalPage({ ...opened, token: link, script: scripts.urlOf('consent') }) };
      return { status: opened.state === 'tampered' ? 404 : 410, page: consentRenewalRefusedPage(opened.state) };
    },
  );

  route(
    {
      method: 'POST',
      path: '/consent',
      limit: { perWindow: CONSENT_RENEWAL_LIMITS.submissionsPerWindow, windowMs },
      body: {
        schema: answerSchema,
        maxBytes: CONSENT_RENEWAL_LIMITS.maxBodyBytes,
        summary: 'The form could not be read. Please reload the page.',
      },
    },
    async ({ body }) => {
      const answered = await renewals().answer(body.link, body.choices);
      if (answered.state === 'ok') return { json: { message: renewalThanks(answered) } };
      if (answered.state === 'invalid')
        return {
          status: 400,
          json: {
            status: 400,
            title: 'There is a problem',
            detail: 'Please answer each question.',
            errors: answered.problems,
          },
        };
      const status = answered.state === 'tampered' ? 404 : 410;
      return { status, json: { status, ...RENEWAL_REFUSAL_WORDS[answered.state], state: answered.state } };
    },
  );
}
