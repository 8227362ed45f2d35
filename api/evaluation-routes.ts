import { z } from 'zod';
import { parseEvaluation } from '../domain/evaluations/evaluation-service.js';
import type { PublicPagesContext } from './public-pages.js';
import { evaluationFormPage, evaluationRefusedPage, REFUSAL_WORDS } from './evaluation-page.js';

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

const linkQuery = z.object({ link: z.string().catch('') });

const envelopeSchema = z.object({
  link: z.string().max(100),
  answers: z.record(z.string(), z.unknown()).optional(),
  comment: z.string().max(4_000).optional(),
  website: z.string().max(200).optional(),
});

const RECEIVED = { json: { received: true } } as const;

export function registerEvaluationRoutes({ route, services, scripts }: PublicPagesContext): void {
  const { windowMs } = EVALUATION_LIMITS;
  route(
    {
      method: 'GET',
      path: '/how-was-it',
      limit: { perWindow: EVALUATION_LIMITS.pagesPerWindow, windowMs },
      query: linkQuery,
    },
    async ({ query: { link } }) => {
      const opened = await services.evaluations.open(link);
      if (opened.state === 'ok')
        return {
          page: evaluationFormPage({ workTitle: opened.work.title, token: link, script: scripts.urlOf('how-was-it') }),
        };
      return { status: opened.state === 'tampered' ? 404 : 410, page: evaluationRefusedPage(opened.state) };
    },
  );

  route(
    {
      method: 'POST',
      path: '/how-was-it',
      limit: { perWindow: EVALUATION_LIMITS.submissionsPerWindow, windowMs },
      body: {
        schema: envelopeSchema,
        maxBytes: EVALUATION_LIMITS.maxBodyBytes,
        summary: 'The form could not be read. Please reload the page.',
      },
    },
    async ({ body }) => {
      // Filled in only by robots (the field is hidden from people): answered as if received, nothing stored.
      if (body.website) return RECEIVED;
      const parsed = parseEvaluation({ ...body.answers, comment: body.comment });
      if (!parsed.ok)
        return {
          status: 400,
          json: {
            status: 400,
            title: 'There is a problem',
            detail: 'Some answers need checking.',
            errors: parsed.problems,
          },
        };
      const answered = await services.evaluations.answer(body.link, parsed.value);
      if (answered.state === 'ok') return RECEIVED;
      const status = answered.state === 'tampered' ? 404 : 410;
      return { status, json: { status, ...REFUSAL_WORDS[answered.state], state: answered.state } };
    },
  );
}
