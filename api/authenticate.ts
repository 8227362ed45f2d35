import type { Request } from 'restify';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { allowsDeveloperIdentity, type AppConfig, type TabSsoConfig } from '../server/config.js';
import type { Services } from '../server/services.js';
import type { Actor } from '../domain/people/actor.js';
import { DEMO_PEOPLE } from '../demo/demo-people.js';
import { unauthorized } from './problem.js';

export type Authenticator = (req: Request) => Promise<Actor>;

export interface AuthenticatorOptions {
  /** Where signing keys come from; tests pass a local key set. Defaults to Microsoft Entra's published keys. */
  readonly keys?: JWTVerifyGetKey;
}

/** Entra tokens are a few kilobytes; anything far larger is not one. */
const MAX_TOKEN_LENGTH = 16_000;
const DEVELOPER_HEADER = 'x-developer-identity';

/**
 * Every API call proves who it is with a Teams SSO token, verified here with jose: signature against
 * the tenant's published keys (RS256 only), issuer, audience (the app's api:// id), expiry and the
 * tenant allow-list. We never trust a decoded-but-unverified token (TeamsFx's OnBehalfOfUserCredential
 * only decodes). Roles come from the server's directory, never from the caller.
 *
 * Outside Teams, and only in local mode on loopback with SSO not configured, a clearly marked
 * developer identity (one of the fictional demo people) is accepted instead.
 */
export function createAuthenticator(
  config: AppConfig,
  services: Services,
  options: AuthenticatorOptions = {},
): Authenticator {
  const sso = config.tabSso;
  if (sso) {
    const keys =
      options.keys ??
      createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${sso.tenantId}/discovery/v2.0/keys`));
    return async (req) => {
      const payload = await verifiedPayload(req.header('authorization'), sso, keys);
      const userId = typeof payload.oid === 'string' ? payload.oid : '';
      if (!userId) throw unauthorized('Your sign-in did not identify you.');
      const displayName = typeof payload.name === 'string' && payload.name ? payload.name : 'Colleague';
      return services.directory.actorFor({ id: userId, displayName });
    };
  }
  if (allowsDeveloperIdentity(config)) {
    return async (req) => {
      const requested = req.header(DEVELOPER_HEADER);
      const person = requested ? DEMO_PEOPLE.find((candidate) => candidate.id === requested) : DEMO_PEOPLE[0];
      if (!person) throw unauthorized('That developer identity does not exist. Choose one of the demo people.');
      return services.directory.actorFor({ id: person.id, displayName: person.displayName });
    };
  }
  return async () => {
    throw unauthorized('Sign-in is not configured for this server.');
  };
}

async function verifiedPayload(
  header: string | undefined,
  sso: TabSsoConfig,
  keys: JWTVerifyGetKey,
): Promise<JWTPayload> {
  if (!header?.startsWith('Bearer ')) throw unauthorized('Sign-in is required.');
  const token = header.slice('Bearer '.length).trim();
  if (!token || token.length > MAX_TOKEN_LENGTH)
    throw unauthorized('Your sign-in could not be verified. Please reload the tab.');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      audience: [...sso.audience],
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      clockTolerance: 60,
    }));
  } catch {
    throw unauthorized('Your sign-in could not be verified. Please reload the tab.');
  }
  const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
  // v2 tokens name the tenant in the issuer; v1 tokens use sts.windows.net. Both must match the token's own tenant.
  const issuers = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
  if (!sso.allowedTenants.includes(tenantId) || !issuers.includes(String(payload.iss))) {
    throw unauthorized('Your organisation is not allowed to use this app.');
  }
  return payload;
}
