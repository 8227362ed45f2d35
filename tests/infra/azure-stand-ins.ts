import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Local stand-ins for the parts of Azure the app talks to, so production code paths run offline:
 * App Service's managed identity endpoint and a TLS certificate for loopback servers.
 */

export interface ManagedIdentityEndpoint {
  /** The value App Service puts in IDENTITY_ENDPOINT. */
  readonly url: string;
  /** Query of every token request: resource, client_id, api-version. */
  readonly requests: URLSearchParams[];
  close(): Promise<void>;
}

/** App Service's token endpoint for managed identities (api-version 2019-08-01), answering with `token(resource)`. */
export async function startManagedIdentityEndpoint(
  identityHeader: string,
  token: (resource: string) => string,
): Promise<ManagedIdentityEndpoint> {
  const requests: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    requests.push(query);
    if (req.headers['x-identity-header'] !== identityHeader) {
      res.writeHead(401);
      res.end();
      return;
    }
    const resource = query.get('resource') ?? '';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        access_token: token(resource),
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource,
        token_type: 'Bearer',
        client_id: query.get('client_id'),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A throwaway certificate for 127.0.0.1 (made with openssl). Azure SDKs send bearer tokens only over TLS;
 * the process under test trusts this certificate through NODE_EXTRA_CA_CERTS.
 */
export function loopbackCertificate(dir: string): { key: Buffer; cert: Buffer; keyPath: string; certPath: string } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath), cert: readFileSync(certPath), keyPath, certPath };
}
