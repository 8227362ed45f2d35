import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWTPayload } from 'jose';

/** The audience of the tokens a bot uses to call Teams (the Bot Connector and its attachment store). */
const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';
export const TEST_TENANT_ID = '4b1d6c2e-7a3f-4e8d-9c0b-5f6a7b8c9d0e';

let shared: Promise<LocalEntra> | undefined;

/**
 * The one local Entra of this test process, with the process's environment pointing at it as App Service
 * points an app at its managed identity endpoint. One per process: MSAL picks the managed identity source
 * once per process (from these variables) and keeps it, so a second endpoint would never be asked.
 */
export function sharedEntra(): Promise<LocalEntra> {
  shared ??= LocalEntra.start().then((entra) => {
    Object.assign(process.env, entra.managedIdentityEnv);
    return entra;
  });
  return shared;
}

/**
 * A stand-in for Microsoft Entra as an App Service app reaches it through its managed identity (how the bot
 * runs in Azure: `infra/main.bicep`, `MicrosoftAppType=UserAssignedMSI`): the App Service identity endpoint
 * (`IDENTITY_ENDPOINT`, with the `X-IDENTITY-HEADER` secret), which issues Entra access tokens signed with
 * keys published at `jwksUrl`. botbuilder gets its token here through `@azure/identity`, unchanged.
 */
class LocalEntra {
  /** Every token issued: to whom and for which audience. */
  readonly issued: Array<{ clientId: string; resource: string }> = [];
  private server: Server | undefined;
  private jwks: Record<string, unknown>[] = [];
  private privateKey: CryptoKey | undefined;
  private readonly secret = randomBytes(16).toString('hex');
  private base = '';

  static async start(): Promise<LocalEntra> {
    const entra = new LocalEntra();
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    entra.privateKey = privateKey;
    entra.jwks = [{ ...(await exportJWK(publicKey)), kid: 'entra-test-key', kty: 'RSA', use: 'sig' }];
    entra.server = createServer((req, res) => {
      void entra.answer(req.url ?? '/', req.headers['x-identity-header']).then(([status, body]) => {
        // Not chained: restify, loaded in the same process, patches writeHead to return nothing.
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => entra.server!.listen(0, '127.0.0.1', resolve));
    entra.server.unref(); // lives as long as the test process
    entra.base = `http://127.0.0.1:${(entra.server.address() as AddressInfo).port}`;
    return entra;
  }

  /** What App Service sets in the app's environment for its managed identity. */
  get managedIdentityEnv(): { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string } {
    return { IDENTITY_ENDPOINT: `${this.base}/msi/token`, IDENTITY_HEADER: this.secret };
  }

  get issuer(): string {
    return `https://sts.windows.net/${TEST_TENANT_ID}/`;
  }

  get jwksUrl(): string {
    return `${this.base}/discovery/keys`;
  }

  /**
   * Checks a bearer token as Teams does before it serves a bot anything: signed by Entra, for the Bot
   * Connector, issued to `appId`, in date. Returns the token's claims, or undefined.
   */
  async verify(authorization: string | undefined, appId: string): Promise<JWTPayload | undefined> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(this.jwksUrl)), {
        issuer: this.issuer,
        audience: BOT_CONNECTOR_AUDIENCE,
        algorithms: ['RS256'],
      });
      return payload.appid === appId ? payload : undefined;
    } catch {
      return undefined;
    }
  }

  private async answer(path: string, secret: string | string[] | undefined): Promise<[number, unknown]> {
    const url = new URL(path, this.base);
    if (url.pathname === '/discovery/keys') return [200, { keys: this.jwks }];
    if (url.pathname !== '/msi/token') return [404, { error: 'not_found' }];
    if (secret !== this.secret) return [401, { error: 'unauthorized', error_description: 'X-IDENTITY-HEADER' }];
    const resource = (url.searchParams.get('resource') ?? '').replace(/\/\.default$/, '').replace(/\/$/, '');
    const clientId = url.searchParams.get('client_id');
    if (url.searchParams.get('api-version') !== '2019-08-01' || !resource || !clientId)
      return [400, { error: 'invalid_request' }];
    this.issued.push({ clientId, resource });
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({ appid: clientId, azp: clientId, tid: TEST_TENANT_ID, idtyp: 'app' })
      .setProtectedHeader({ alg: 'RS256', kid: 'entra-test-key', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(resource)
      .setIssuedAt(now)
      .setNotBefore(now - 60)
      .setExpirationTime(now + 3600)
      .sign(this.privateKey!);
    return [
      200,
      {
        access_token: accessToken,
        expires_on: String(now + 3600),
        resource,
        token_type: 'Bearer',
        client_id: clientId,
      },
    ];
  }
}
