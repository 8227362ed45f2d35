import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CappedMap, create } from 'altcha-lib/frameworks/express';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createChallenge, randomInt } from 'altcha-lib';

/**
 * The proof-of-work check on `/join` (ALTCHA): challenges issued and verified here, each solution accepted once, and
 * the widget's own files, served from here: no third-party script or tracking on the page.
 */

const CHALLENGE_LIFETIME_MS = 20 * 60_000;

export interface ProofOfWork {
  readonly challenge: () => Promise<unknown>;
  /** True for a solution of a challenge this process issued, unexpired and not used before. */
  readonly verified: (payload: string) => Promise<boolean>;
}

export function createProofOfWork(): ProofOfWork {
  // One secret per process; a challenge is answered to the instance that issued it (docs: more instances need one).
  const secret = randomBytes(32).toString('hex');
  const keySecret = randomBytes(32).toString('hex');
  // ALTCHA's own verification (signature, expiry, solution); a solved challenge is accepted once.
  const { verify } = create({ deriveKey, hmacSignatureSecret: secret, hmacKeySignatureSecret: keySecret });
  const solved = new CappedMap<string, boolean>({ maxSize: 50_000 });
  return {
    challenge: () =>
      createChallenge({
        algorithm: 'PBKDF2/SHA-256',
        cost: 1_000,
        counter: randomInt(1_000, 4_000),
        deriveKey,
        hmacSignatureSecret: secret,
        hmacKeySignatureSecret: keySecret,
        expiresAt: new Date(Date.now() + CHALLENGE_LIFETIME_MS),
      }),
    verified: async (payload) => {
      const check = await verify(payload, deriveKey, secret, keySecret, solved);
      return !check.error && check.verification?.verified === true;
    },
  };
}

/**
 * The widget's files, by address. Its "external" build suits the page's strict policy: the default one injects a
 * <style> element and starts its proof-of-work workers from blob: URLs; this one leaves its stylesheet and worker
 * (PBKDF2, the challenge's algorithm) to files from here.
 */
export function widgetFiles(): ReadonlyArray<{
  readonly path: string;
  readonly contentType: string;
  readonly body: Buffer;
}> {
  const altchaDist = join(dirname(createRequire(import.meta.url).resolve('altcha')), '..');
  return [
    { path: '/join/altcha.js', file: ['external', 'altcha.min.js'], type: 'text/javascript' },
    { path: '/join/altcha-pbkdf2.js', file: ['workers', 'pbkdf2.js'], type: 'text/javascript' },
    { path: '/join/altcha.css', file: ['external', 'altcha.css'], type: 'text/css' },
  ].map(({ path, file, type }) => ({
    path,
    contentType: `${type}; charset=utf-8`,
    body: readFileSync(join(altchaDist, ...file)),
  }));
}
