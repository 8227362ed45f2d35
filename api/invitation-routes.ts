import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { INVITATION_ANSWERS } from '../domain/opportunities/opportunity.js';
import { jsonBody } from '../server/json-body.js';
import { answerWords, invitationPage, INVITATION_SCRIPT, linkProblemPage } from './invitation-page.js';
import { clientAddress, countBeforeBody, RateLimit, tooMany } from './public-limits.js';
import { servePageScript, setPublicPagePolicy } from './public-policy.js';
import { sendProblem } from './problem.js';
import type { ApiContext } from './routes.js';
import { parseOrThrow } from './validate.js';

/**
 * The partner's side of an invitation: the page their personal link opens and the answer it sends. No sign-in
 * (the signed, expiring, single-use link is the key), so every request is limited before anything is read: a rate
 * limit per client address, a token of at most 64 characters, a body of at most 1 KB. A bad link gets the same
 * plain page whatever is wrong with it.
 */
export const INVITATION_LIMITS = {
  maxBodyBytes: 1_024,
  maxTokenLength: 64,
  pagesPerWindow: 60,
  answersPerWindow: 20,
  windowMs: 10 * 60_000,
} as const;

const answerSchema = z.object({
  t: z.string().min(1).max(INVITATION_LIMITS.maxTokenLength),
  answer: z.enum(INVITATION_ANSWERS, { message: 'Choose an answer.' }),
  // Interview panels: the guide signed (the service checks both when they say they are interested).
  confirmed: z.boolean().optional(),
  signedName: z.string().max(200).optional(),
});

export function registerInvitationRoutes(server: Server, context: ApiContext): void {
  const pages = new RateLimit(INVITATION_LIMITS.pagesPerWindow, INVITATION_LIMITS.windowMs);
  const answers = new RateLimit(INVITATION_LIMITS.answersPerWindow, INVITATION_LIMITS.windowMs);
  const addressOf = (req: Request): string => clientAddress(req, context.config);
  const opportunities = () => context.services.opportunities.service;

  server.get('/invitation', async (req, res) => {
    const log = (req as unknown as { log?: ApiContext['logger'] }).log ?? context.logger;
    if (!pages.allow(addressOf(req))) return tooMany(res, INVITATION_LIMITS.windowMs);
    const query = (req.query ?? {}) as Readonly<Record<string, unknown>>;
    const token = typeof query.t === 'string' ? query.t : '';
    try {
      const page =
        token && token.length <= INVITATION_LIMITS.maxTokenLength
          ? await opportunities().invitationPage(token)
          : undefined;
      html(res, page ? 200 : 404, page ? invitationPage(token, page) : linkProblemPage());
    } catch (error) {
      sendProblem(res, error, log);
    }
  });

  servePageScript(server, '/invitation/answer.js', INVITATION_SCRIPT);

  server.post(
    '/invitation',
    countBeforeBody(answers, INVITATION_LIMITS.windowMs, addressOf),
    jsonBody({ maxBytes: INVITATION_LIMITS.maxBodyBytes }),
    async (req, res) => {
      const log = (req as unknown as { log?: ApiContext['logger'] }).log ?? context.logger;
      try {
        const { t, answer, confirmed, signedName } = parseOrThrow(answerSchema, req.body, 'Choose an answer.');
        const outcome = await opportunities().answer(t, answer, {
          confirmed: confirmed === true,
          name: signedName ?? '',
        });
        res.setHeader('cache-control', 'no-store');
        if (!outcome) {
          res.json(410, {
            status: 410,
            title: 'This link cannot be used',
            detail: 'It may have expired or been used already. Contact the Involvement team and we will help.',
          });
          return;
        }
        res.json(200, {
          message:
            outcome.outcome === 'closed'
              ? 'This opportunity has closed, so we could not take your answer. Thank you for your interest.'
              : answerWords(answer),
        });
      } catch (error) {
        sendProblem(res, error, log);
      }
    },
  );
}

function html(res: Response, status: number, body: string): void {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  setPublicPagePolicy(res);
  res.setHeader('cache-control', 'no-store');
  res.writeHead(status);
  res.end(body);
}
