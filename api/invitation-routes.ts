import { z } from 'zod';
import { INVITATION_ANSWERS } from '../domain/opportunities/opportunity.js';
import { answerWords, invitationPage, linkProblemPage } from './invitation-page.js';
import type { PublicPagesContext } from './public-pages.js';

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

/** A missing, repeated or over-long token opens the same plain page as a made-up one. */
const tokenQuery = z.object({ t: z.string().max(INVITATION_LIMITS.maxTokenLength).catch('') });

const answerSchema = z.object({
  t: z.string().min(1).max(INVITATION_LIMITS.maxTokenLength),
  answer: z.enum(INVITATION_ANSWERS, { message: 'Choose an answer.' }),
  // Interview panels: the guide signed (the service checks both when they say they are interested).
  confirmed: z.boolean().optional(),
  signedName: z.string().max(200).optional(),
});

export function registerInvitationRoutes({ route, services, scripts }: PublicPagesContext): void {
  const { windowMs } = INVITATION_LIMITS;
  const opportunities = () => services.opportunities.service;

  route(
    {
      method: 'GET',
      path: '/invitation',
      limit: { perWindow: INVITATION_LIMITS.pagesPerWindow, windowMs },
      query: tokenQuery,
    },
    async ({ query: { t } }) => {
      const page = t ? await opportunities().invitationPage(t) : undefined;
      if (!page) return { status: 404, page: linkProblemPage() };
      return { page: invitationPage(t, page, scripts.urlOf('invitation')) };
    },
  );

  route(
    {
      method: 'POST',
      path: '/invitation',
      limit: { perWindow: INVITATION_LIMITS.answersPerWindow, windowMs },
      body: { schema: answerSchema, maxBytes: INVITATION_LIMITS.maxBodyBytes, summary: 'Choose an answer.' },
    },
    async ({ body: { t, answer, confirmed, signedName } }) => {
      const outcome = await opportunities().answer(t, answer, {
        confirmed: confirmed === true,
        name: signedName ?? '',
      });
      if (!outcome)
        return {
          status: 410,
          json: {
            status: 410,
            title: 'This link cannot be used',
            detail: 'It may have expired or been used already. Contact the Involvement team and we will help.',
          },
        };
      return {
        json: {
          message:
            outcome.outcome === 'closed'
              ? 'This opportunity has closed, so we could not take your answer. Thank you for your interest.'
              : answerWords(answer),
        },
      };
    },
  );
}
