import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload } from 'jose';

/** The Bot Framework's token issuer for channels (Teams) calling a bot. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const BOT_APP_ID = '9b0d1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4';
/** The app's environment with bot credentials configured (a password bot: no managed identity here). */
export const BOT_ENV = {
  MicrosoftAppId: BOT_APP_ID,
  MicrosoftAppPassword: 'test-only-secret',
  MicrosoftAppType: 'MultiTenant',
} as const;

export interface BotSigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
}

/**
 * A stand-in for login.botframework.com: an OpenID configuration and its key set, on loopback, with
 * keys endorsed for Teams as the real ones are. The app reads it through the `botOpenIdMetadataUrl` hook.
 */
export class BotFrameworkKeys {
  readonly key: BotSigningKey;
  private server: Server | undefined;
  private jwks: Record<string, unknown>[] = [];
  metadataUrl = '';

  private constructor(key: BotSigningKey) {
    this.key = key;
  }

  static async start(): Promise<BotFrameworkKeys> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const keys = new BotFrameworkKeys({ kid: 'bot-framework-test-key', privateKey });
    keys.jwks = [
      { ...(await exportJWK(publicKey)), kid: keys.key.kid, kty: 'RSA', use: 'sig', endorsements: ['msteams'] },
    ];
    keys.server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(keys.server!.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration')
        res.end(JSON.stringify({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/v1/.well-known/keys` }));
      else if (req.url === '/v1/.well-known/keys') res.end(JSON.stringify({ keys: keys.jwks }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => keys.server!.listen(0, '127.0.0.1', resolve));
    keys.metadataUrl = `http://127.0.0.1:${(keys.server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
    return keys;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }
}

/** A token as the Bot Framework signs one for a channel calling the bot: audience = the bot's app id, the activity's serviceUrl as a claim. */
export function botToken(
  key: BotSigningKey,
  claims: { serviceUrl: string } & JWTPayload,
  options: { audience?: string; issuer?: string; expiresAt?: number; kid?: string } = {},
): Promise<string> {
  const { serviceUrl, ...rest } = claims;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: serviceUrl, ...rest })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? BOT_FRAMEWORK_ISSUER)
    .setAudience(options.audience ?? BOT_APP_ID)
    .setNotBefore(now - 60)
    .setIssuedAt(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 3600)
    .sign(key.privateKey);
}

/** An unsigned token (`alg: none`) that otherwise looks like the Bot Framework's. */
export function unsignedToken(payload: JWTPayload): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}
