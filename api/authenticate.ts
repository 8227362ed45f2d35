import type { Request } from 'restify';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { allowsDeveloperIdentity, type AppConfig } from '../server/config.js';
import type { Services } from '../server/services.js';
import type { Actor } from '../domain/people/actor.js';
import { DEMO_PEOPLE } from '../demo/demo-people.js';
import { unauthorized } from './problem.js';

export type Authenticator = (req: Request) => Promise<Actor>;

export interface AuthenticatorOptions {
  /** Where signing keys come from; tests pass a local key set. Defaults to Microsoft Entra's published keys. */
  readonly keys?: JWTVerifyGetKey;
}

/**
 * Every API call proves who it is with a Teams SSO token, verified here: signature against the
 * tenant's published keys, issuer, audience, expiry and tenant allow-list (jose does the JWT work).
 * Outside Teams, and only in explicit local mode on loopback with SSO not configured, a clearly
 * marked developer identity is accepted instead.
 */
export function createAuthenticator(config: AppConfig, services: Services, options: AuthenticatorOptions = {}): Authenticator {
  const developerMode = allowsDeveloperIdentity(config);
  const sso = config.tabSso;
  const keys = options.keys ?? (sso ? createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${sso.tenantId}/discovery/v2.0/keys`)) : undefined);

  return async (req) => {
    const header = req.header('authorization');
    if (sso && keys) {
      if (!header?.startsWith('Bearer ')) throw unauthorized('Sign-in is required.');
      const token = header.slice('Bearer '.length).trim();
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keys, { audience: [...sso.audience], algorithms: ['RS256'], clockTolerance: 60 }));
      } catch {
        throw unauthorized('Your sign-in could not be verified. Please reload the tab.');
      }
      const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
      const issuers = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
      if (!sso.allowedTenants.includes(tenantId) || !issuers.includes(String(payload.iss))) {
        throw unauthorized('Your organisation is not allowed to use this app.');
      }
      const userId = typeof payload.oid === 'string' ? payload.oid : '';
      if (!userId) throw unauthorized('Your sign-in did not identify you.');
      const displayName = typeof payload.name === 'string' ? payload.name : 'Colleague';
      return services.directory.actorFor({ id: userId, displayName });
    }
    if (developerMode) {
      const requested = req.header('x-developer-identity');
      const person = DEMO_PEOPLE.find((candidate) => candidate.id === requested) ?? DEMO_PEOPLE[0]!;
      return services.directory.actorFor({ id: person.id, displayName: person.displayName });
    }
    throw unauthorized('Sign-in is not configured for this server.');
  };
}
