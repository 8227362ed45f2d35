import QRCode from 'qrcode';
import { z } from 'zod';
import { registrationSchema } from '../contract/register.js';
import { LIVED_EXPERIENCE, SERVICE_AREAS } from '../domain/register/service-areas.js';
import { EQUALITY_QUESTIONS } from '../domain/register/equality-questions.js';
import { createProofOfWork, widgetFiles, type ProofOfWork } from './join-challenge.js';
import { joinPage } from './join-page.js';
import type { PublicPagesContext } from './public-pages.js';
import { checkAnswers, type PublicAnswer } from './public-route.js';

/**
 * The public registration page, `/join`: no sign-in, outside Teams. Every request from the open internet is
 * limited before anything is read: a rate limit per client address, a small body limit, a honeypot field, a
 * proof-of-work challenge (ALTCHA, verified here, each solution once), then the same checks as IEV's form and
 * duplicate detection. A refused request stores nothing.
 */
export const JOIN_LIMITS = {
  /** The form is a few kilobytes; a full one with every list ticked stays under 8 KB. */
  maxBodyBytes: 16_384,
  // A community group helping several people apply from one place stays well inside it.
  submissionsPerWindow: 20,
  challengesPerWindow: 30,
  windowMs: 10 * 60_000,
} as const;

const envelopeSchema = z.object({
  form: z.record(z.string(), z.unknown()),
  altcha: z.string().max(4_000).optional(),
  website: z.string().max(200).optional(),
});

const NOT_CHECKED = {
  field: 'altcha',
  message: 'Tick \u201cI\u2019m not a robot\u201d and wait for the check to finish, then send the form again.',
};

const RECEIVED = { json: { received: true } } as const;

export function registerJoinRoutes(context: PublicPagesContext): void {
  const { route, services, scripts, config } = context;
  const proofOfWork = createProofOfWork();
  const page = joinPage({
    serviceAreas: SERVICE_AREAS,
    livedExperience: LIVED_EXPERIENCE,
    equalityQuestions: EQUALITY_QUESTIONS,
    script: scripts.urlOf('join'),
  });
  route({ method: 'GET', path: '/join' }, async () => ({ page, cache: 'no-cache' }));
  // The widget's files: the same for every visitor, cached for a day.
  for (const { path, contentType, body } of widgetFiles())
    route({ method: 'GET', path }, async () => ({ file: body, contentType, cache: 'public, max-age=86400' }));
  // A QR code of the page's address, for posters and leaflets (printed from the tab's Applications view).
  route({ method: 'GET', path: '/join/qr.svg' }, async ({ req }) => {
    const origin = config.publicUrl ?? `http://${req.headers.host ?? `127.0.0.1:${config.port}`}`;
    const svg = await QRCode.toString(`${origin.replace(/\/$/, '')}/join`, { type: 'svg', margin: 2 });
    return { file: svg, contentType: 'image/svg+xml', cache: 'no-cache' };
  });
  route(
    {
      method: 'GET',
      path: '/join/challenge',
      limit: { perWindow: JOIN_LIMITS.challengesPerWindow, windowMs: JOIN_LIMITS.windowMs },
    },
    async () => ({ json: await proofOfWork.challenge() }),
  );
  route(
    {
      method: 'POST',
      path: '/join',
      limit: { perWindow: JOIN_LIMITS.submissionsPerWindow, windowMs: JOIN_LIMITS.windowMs },
      body: {
        schema: envelopeSchema,
        maxBytes: JOIN_LIMITS.maxBodyBytes,
        summary: 'The form could not be read. Please reload the page.',
      },
    },
    async ({ body }) => apply(body, proofOfWork, (form) => services.applications.submit(form)),
  );
}

/** The answers first, so a person sees every problem at once; the challenge is spent only on a good form. */
async function apply(
  body: z.infer<typeof envelopeSchema>,
  proofOfWork: ProofOfWork,
  submit: (form: z.infer<typeof registrationSchema>) => Promise<unknown>,
): Promise<PublicAnswer> {
  // Filled in only by robots (the field is hidden from people): answered as if received, nothing stored.
  if (body.website) return RECEIVED;
  const form = checkAnswers(registrationSchema, body.form);
  if (form.problems || !body.altcha)
    return needsChecking('Some answers need checking.', [
      ...(form.problems ?? []),
      ...(body.altcha ? [] : [NOT_CHECKED]),
    ]);
  if (!(await proofOfWork.verified(body.altcha)))
    return needsChecking('We could not check that you are a person.', [NOT_CHECKED]);
  await submit(form.value);
  return RECEIVED;
}

function needsChecking(detail: string, errors: ReadonlyArray<{ field: string; message: string }>): PublicAnswer {
  return { status: 400, json: { status: 400, title: 'There is a problem', detail, errors } };
}
