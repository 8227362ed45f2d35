import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { CappedMap, create } from 'altcha-lib/frameworks/express';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createChallenge, randomInt } from 'altcha-lib';
import QRCode from 'qrcode';
import { z } from 'zod';
import { registrationSchema } from '../contract/register.js';
import { LIVED_EXPERIENCE, SERVICE_AREAS } from '../domain/register/service-areas.js';
import { EQUALITY_QUESTIONS } from '../domain/register/equality-questions.js';
import { jsonBody } from '../server/json-body.js';
import type { ApiContext } from './routes.js';
import { sendProblem } from './problem.js';
import { parseOrThrow } from './validate.js';
import { joinPage, JOIN_SCRIPT } from './join-page.js';
import { setPublicPagePolicy } from './public-policy.js';
import { clientAddress, countBeforeBody, RateLimit, tooMany } from './public-limits.js';

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

const CHALLENGE_LIFETIME_MS = 20 * 60_000;

export function registerJoinRoutes(server: Server, context: ApiContext): void {
  // One secret per process; a challenge is answered to the instance that issued it (docs: more instances need one).
  const secret = randomBytes(32).toString('hex');
  const keySecret = randomBytes(32).toString('hex');
  // ALTCHA's own verification (signature, expiry, solution); a solved challenge is accepted once.
  const { verify } = create({ deriveKey, hmacSignatureSecret: secret, hmacKeySignatureSecret: keySecret });
  const solved = new CappedMap<string, boolean>({ maxSize: 50_000 });
  const submissions = new RateLimit(JOIN_LIMITS.submissionsPerWindow, JOIN_LIMITS.windowMs);
  const challenges = new RateLimit(JOIN_LIMITS.challengesPerWindow, JOIN_LIMITS.windowMs);
  const addressOf = (req: Request): string => clientAddress(req, context.config);
  // The widget's own build, served from here: no third-party script or tracking on the page. Its "external" build
  // suits the page's strict policy: the default one injects a <style> element and starts its proof-of-work workers
  // from blob: URLs; this one leaves its stylesheet and worker (PBKDF2, the challenge's algorithm) to files from here.
  const altchaDist = join(dirname(createRequire(import.meta.url).resolve('altcha')), '..');
  const widget = readFileSync(join(altchaDist, 'external', 'altcha.min.js'));
  const widgetStyle = readFileSync(join(altchaDist, 'external', 'altcha.css'));
  const widgetWorker = readFileSync(join(altchaDist, 'workers', 'pbkdf2.js'));
  const publicHeaders = (res: Response, type: string) => {
    res.setHeader('content-type', type);
    setPublicPagePolicy(res);
  };

  server.get('/join', async (_req, res) => {
    publicHeaders(res, 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.writeHead(200);
    res.end(
      joinPage({
        serviceAreas: SERVICE_AREAS,
        livedExperience: LIVED_EXPERIENCE,
        equalityQuestions: EQUALITY_QUESTIONS,
      }),
    );
  });
  server.get('/join/join.js', async (_req, res) => {
    publicHeaders(res, 'text/javascript; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.writeHead(200);
    res.end(JOIN_SCRIPT);
  });
  // The widget's files: the same for every visitor, cached for a day.
  for (const [path, type, body] of [
    ['/join/altcha.js', 'text/javascript', widget],
    ['/join/altcha-pbkdf2.js', 'text/javascript', widgetWorker],
    ['/join/altcha.css', 'text/css', widgetStyle],
  ] as const)
    server.get(path, async (_req, res) => {
      publicHeaders(res, `${type}; charset=utf-8`);
      res.setHeader('cache-control', 'public, max-age=86400');
      res.writeHead(200);
      res.end(body);
    });
  // A QR code of the page's address, for posters and leaflets (printed from the tab's Applications view).
  server.get('/join/qr.svg', async (req, res) => {
    const origin = context.config.publicUrl ?? `http://${req.headers.host ?? `127.0.0.1:${context.config.port}`}`;
    const svg = await QRCode.toString(`${origin.replace(/\/$/, '')}/join`, { type: 'svg', margin: 2 });
    publicHeaders(res, 'image/svg+xml');
    res.setHeader('cache-control', 'no-cache');
    res.writeHead(200);
    res.end(svg);
  });
  server.get('/join/challenge', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (!challenges.allow(addressOf(req))) return tooMany(res, JOIN_LIMITS.windowMs);
    const challenge = await createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: 1_000,
      counter: randomInt(1_000, 4_000),
      deriveKey,
      hmacSignatureSecret: secret,
      hmacKeySignatureSecret: keySecret,
      expiresAt: new Date(Date.now() + CHALLENGE_LIFETIME_MS),
    });
    res.json(200, challenge);
  });

  server.post(
    '/join',
    countBeforeBody(submissions, JOIN_LIMITS.windowMs, addressOf),
    jsonBody({ maxBytes: JOIN_LIMITS.maxBodyBytes }),
    async (req, res) => {
      const log = (req as unknown as { log?: ApiContext['logger'] }).log ?? context.logger;
      try {
        const body = parseOrThrow(envelopeSchema, req.body, 'The form could not be read. Please reload the page.');
        // Filled in only by robots (the field is hidden from people): answered as if received, nothing stored.
        if (body.website) return received(res);
        // The answers first, so a person sees every problem at once; the challenge is spent only on a good form.
        const form = registrationSchema.safeParse(body.form);
        const problems = form.success
          ? []
          : form.error.issues.map((issue) => ({ field: issue.path.join('.') || 'form', message: issue.message }));
        if (!form.success || !body.altcha) {
          if (!body.altcha) problems.push(NOT_CHECKED);
          res.json(400, {
            status: 400,
            title: 'There is a problem',
            detail: 'Some answers need checking.',
            errors: problems,
          });
          return;
        }
        const check = await verify(body.altcha, deriveKey, secret, keySecret, solved);
        if (check.error || !check.verification?.verified) {
          res.json(400, {
            status: 400,
            title: 'There is a problem',
            detail: 'We could not check that you are a person.',
            errors: [NOT_CHECKED],
          });
          return;
        }
        await context.services.applications.submit(form.data);
        received(res);
      } catch (error) {
        sendProblem(res, error, log);
      }
    },
  );
}

const NOT_CHECKED = {
  field: 'altcha',
  message: 'Tick \u201cI\u2019m not a robot\u201d and wait for the check to finish, then send the form again.',
};

const envelopeSchema = z.object({
  form: z.record(z.string(), z.unknown()),
  altcha: z.string().max(4_000).optional(),
  website: z.string().max(200).optional(),
});

function received(res: Response): void {
  res.json(200, { received: true });
}
