import type { Response, Server } from 'restify';
import { z } from 'zod';
import { jsonBody } from '../server/json-body.js';
import type { ApiContext } from './routes.js';
import { sendProblem } from './problem.js';
import { parseOrThrow } from './validate.js';
import { servePageScript, setPublicPagePolicy } from './public-policy.js';
import { clientAddress, countBeforeBody, RateLimit, tooMany } from './public-limits.js';
import {
  CONSENT_RENEWAL_SCRIPT,
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

const choice = z.enum(['renew', 'withdraw']).optional();
const answerSchema = z.object({
  link: z.string().max(100),
  choices: z.object({ register: choice, contactAboutOpportunities: choice, equalityMonitoring: choice }).strict(),
});

export function registerConsentRenewalRoutes(server: Server, context: ApiContext): void {
  const pages = new RateLimit(CONSENT_RENEWAL_LIMITS.pagesPerWindow, CONSENT_RENEWAL_LIMITS.windowMs);
  const submissions = new RateLimit(CONSENT_RENEWAL_LIMITS.submissionsPerWindow, CONSENT_RENEWAL_LIMITS.windowMs);
  const renewals = () => context.services.consentRenewalRequests;
  const html = (res: Response, status: number, page: string) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    setPublicPagePolicy(res);
    // The page holds a personal link: never kept by a browser or a proxy.
    res.setHeader('cache-control', 'no-store');
    res.writeHead(status);
    res.end(page);
  };

  server.get('/consent', async (req, res) => {
    if (!pages.allow(clientAddress(req, context.config))) return tooMany(res, CONSENT_RENEWAL_LIMITS.windowMs);
    const log = (req as unknown as { log?: ApiContext['logger'] }).log ?? context.logger;
    try {
      const query = req.query as Readonly<Record<string, unknown>> | undefined;
      const token = typeof query?.link === 'string' ? query.link : '';
      const opened = await renewals().open(token);
      if (opened.state === 'ok') return html(res, 200, consentRenewalPage({ ...opened, token }));
      html(res, opened.state === 'tampered' ? 404 : 410, consentRenewalRefusedPage(opened.state));
    } catch (error) {
      sendProblem(res, error, log);
    }
  });
  servePageScript(server, '/consent/form.js', CONSENT_RENEWAL_SCRIPT);

  server.post(
    '/consent',
    countBeforeBody(submissions, CONSENT_RENEWAL_LIMITS.windowMs, (req) => clientAddress(req, context.config)),
    jsonBody({ maxBytes: CONSENT_RENEWAL_LIMITS.maxBodyBytes }),
    async (req, res) => {
      const log = (req as unknown as { log?: ApiContext['logger'] }).log ?? context.logger;
      try {
        const body = parseOrThrow(answerSchema, req.body, 'The form could not be read. Please reload the page.');
        const answered = await renewals().answer(body.link, body.choices);
        res.setHeader('cache-control', 'no-store');
        if (answered.state === 'ok') {
          res.json(200, { message: renewalThanks(answered) });
          return;
        }
        if (answered.state === 'invalid') {
          res.json(400, {
            status: 400,
            title: 'There is a problem',
            detail: 'Please answer each question.',
            errors: answered.problems,
          });
          return;
        }
        const status = answered.state === 'tampered' ? 404 : 410;
        res.json(status, { status, ...RENEWAL_REFUSAL_WORDS[answered.state], state: answered.state });
      } catch (error) {
        sendProblem(res, error, log);
      }
    },
  );
}
