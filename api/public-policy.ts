import { createHash } from 'node:crypto';
import type { Response } from 'restify';
import { INVITATION_PAGE_STYLE } from './invitation-page.js';
import { PUBLIC_PAGE_STYLE } from './public-page.js';

const hashOf = (style: string) => `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;

/**
 * The one Content-Security-Policy of every page partners open without signing in (`/join`, `/how-was-it`,
 * `/consent`, `/invitation`), their error pages and their scripts: only this server's own files, no inline script,
 * inline style only the pages' own stylesheets by hash. The ALTCHA widget on `/join` (its "external" build) needs
 * nothing more: its stylesheet and the web worker that solves its proof-of-work challenge are files from here too,
 * and it uses no WebAssembly.
 */
export const PUBLIC_PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${hashOf(PUBLIC_PAGE_STYLE)} ${hashOf(INVITATION_PAGE_STYLE)}`,
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function setPublicPagePolicy(res: Response): void {
  res.setHeader('content-security-policy', PUBLIC_PAGE_POLICY);
}
