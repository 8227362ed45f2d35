import type { Response, Server } from 'restify';
import { z } from 'zod';
import { parseEvaluation } from '../domain/evaluations/evaluation-service.js';
import { jsonBody } from '../server/json-body.js';
import type { ApiContext } from './routes.js';
import { sendProblem } from './problem.js';
import { parseOrThrow } from './validate.js';
import { servePageScript, setPublicPagePolicy } from './public-policy.js';
import { clientAddress, countBeforeBody, RateLimit, tooMany } from './public-limits.js';
import { EVALUATION_SCRIPT, evaluationFormPage, evaluationRefusedPage, REFUSAL_WORDS } from './evaluation-page.js';

/**
 * "How was it for you?" behind a partner's personal link, `/how-was-it?link=<token>`: public, no sign-in, limited
 * like `/join` (a rate limit per client address counted before the body is read, a small body, a honeypot). The
 * token travels in the query string and the body, never the path, because paths are logged. A refused request
 * stores nothing and spends no link.
 */
export const EVALUATION_LIMITS = {
  /** Five answers and a 2,000-character comment stay well under it. */
  maxBodyBytes: 8_192,
  pagesPerWindow: 60,
  submissionsPerWindow: 20,
  windowMs: 10 * 60_000,
} as const;

const envelopeSchema = z.object({
  link: z.string().max(100),
  answers: z.record(z.string(), z.unknown()).optional(),
  comment: z.string().max(4_000).optional(),
  website: z.string().max(200).optional(),
});

export function registerEvaluationRoutes(server: Server, context: ApiContext): void {
  const pages = new RateLimit(EVALUATION_LIMITS.pagesPerWindow, EVALUATION_LIMITS.windowMs);
  const submissions = new RateLimit(EVALUATION_LIMITS.submissionsPerWindow, EVALUATION_LIMITS.windowMs);
  const html = (res: Response, status: number, page: string) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    setPublicPagePolicy(res);
    // The page holds a personal link: never kept by a browser or a proxy.
    res.setHeader('cache-control', 'no-store');
    res.writeHead(status);
    res.end(page);
  };

  server.get('/how-was-it', async (req, res) => {
    if (!pages.allow(clientAddress(req, context.config))) return tooMany(res, EVALUATION_LIMITS.windowMs);
    const log = (req as unknown as { log?: ApiContext['logger'] }).log ?? context.logger;
    try {
      const query = req.query as Readonly<Record<string, unknown>> | undefined;
      const token = typeof query?.link === 'string' ? query.link : '';
      const opened = await context.services.evaluations.open(token);
      if (opened.state === 'ok') return html(res, 200, evaluationFormPage({ workTitle: opened.work.title, token }));
      html(res, opened.state === 'tampered' ? 404 : 410, evaluationRefusedPage(opened.state));
    } catch (error) {
      sendProblem(res, error, log);
    }
  });
  servePageScript(server, '/how-was-it/form.js', EVALUATION_SCRIPT);

  server.post(
    '/how-was-it',
    countBeforeBody(submissions, EVALUATION_LIMITS.windowMs, (req) => clientAddress(req, context.config)),
    jsonBody({ maxBytes: EVALUATION_LIMITS.maxBodyBytes }),
    async (req, res) => {
      const log = (req as unknown as { log?: ApiContext['logger'] }).log ?? context.logger;
      try {
        const body = parseOrThrow(envelopeSchema, req.body, 'The form could not be read. Please reload the page.');
        // Filled in only by robots (the field is hidden from people): answered as if received, nothing stored.
        if (body.website) {
          res.json(200, { received: true });
          return;
        }
        const parsed = parseEvaluation({ ...body.answers, comment: body.comment });
        if (!parsed.ok) {
          res.json(400, {
            status: 400,
            title: 'There is a problem',
            detail: 'Some answers need checking.',
            errors: parsed.problems,
          });
          return;
        }
        const answered = await context.services.evaluations.answer(body.link, parsed.value);
        if (answered.state === 'ok') {
          res.json(200, { received: true });
          return;
        }
        const status = answered.state === 'tampered' ? 404 : 410;
        res.json(status, { status, ...REFUSAL_WORDS[answered.state], state: answered.state });
      } catch (error) {
        sendProblem(res, error, log);
      }
    },
  );
}
