import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** A stand-in for Microsoft Entra: the test's own signing keys, published as a local JWKS the app is given. */
export const CLIENT_ID = 'aaaaaaaa-1111-2222-3333-bbbbbbbbbbbb';
export const TENANT = '11111111-2222-3333-4444-555555555555';
export const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
export const PUBLIC_URL = 'https://hub.example.org';
export const AUDIENCE = `api://hub.example.org/${CLIENT_ID}`;

/** The app's environment with tab SSO configured, as Microsoft's Teams templates name it. */
export const SSO_ENV = { AAD_APP_CLIENT_ID: CLIENT_ID, AAD_APP_TENANT_ID: TENANT, PUBLIC_URL } as const;

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: Record<string, unknown>;
}

export async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export function keySet(...keys: SigningKey[]): JWTVerifyGetKey {
  return createLocalJWKSet({ keys: keys.map((key) => key.jwk) });
}

/** A token shaped like an Entra v2 access token for the tab's API. */
export function accessToken(
  key: SigningKey,
  user: { id: string; name: string },
  claims: JWTPayload = {},
  options: { expiresIn?: string | number; audience?: string } = {},
): Promise<string> {
  const tenant = (claims.tid as string | undefined) ?? TENANT;
  return new SignJWT({ tid: tenant, oid: user.id, name: user.name, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(`https://login.microsoftonline.com/${tenant}/v2.0`)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(key.privateKey);
}
