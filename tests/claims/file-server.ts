import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  readonly url: (name: string) => string;
  readonly close: () => Promise<void>;
}

/** Stands in for Teams' file download URLs (pre-signed, no token needed); `authorizations` records each request's header. */
export async function fileServer(
  files: Record<string, Buffer>,
  authorizations: Array<string | undefined> = [],
): Promise<FileServer> {
  const server: Server = createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    const file = files[(req.url ?? '').slice(1)];
    if (!file) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/octet-stream');
    res.end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What Teams sends when someone shares a file in 1:1 chat with the bot. */
export function sharedFile(name: string, downloadUrl: string, fileType: string) {
  return {
    type: 'message',
    text: '',
    attachments: [
      { contentType: 'application/vnd.microsoft.teams.file.download.info', name, content: { downloadUrl, fileType } },
    ],
  };
}

export interface TeamsAttachmentHost {
  /** A photo's `contentUrl`, as the Bot Connector gives it for an image pasted into a message. */
  readonly url: (name: string) => string;
  /** Every request: the path and the Authorization header it carried, and whether the token was accepted. */
  readonly requests: Array<{ path: string; authorization: string | undefined; accepted: boolean }>;
  readonly close: () => Promise<void>;
}

/**
 * Stands in for Teams' attachment store (`/v3/attachments/{id}/views/original` on the Bot Connector): a photo
 * is served only to a request carrying a valid token of the bot (`verify`, as Teams checks it); anything else
 * is a 401. `redirects` answers some paths with a redirect elsewhere.
 */
export async function teamsAttachmentHost(
  files: Record<string, Buffer>,
  verify: (authorization: string | undefined) => Promise<boolean>,
  redirects: Record<string, string> = {},
): Promise<TeamsAttachmentHost> {
  const requests: TeamsAttachmentHost['requests'] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = req.url ?? '';
      const accepted = await verify(req.headers.authorization);
      requests.push({ path, authorization: req.headers.authorization, accepted });
      // Not chained: restify, loaded in the same process, patches writeHead to return nothing.
      const name = /^\/v3\/attachments\/([^/]+)\/views\/original$/.exec(path)?.[1] ?? '';
      const moved = redirects[name];
      const file = files[name];
      if (!accepted) res.writeHead(401, { 'www-authenticate': 'Bearer' });
      else if (moved) res.writeHead(302, { location: moved });
      else if (!file) res.writeHead(404);
      else res.writeHead(200, { 'content-type': 'image/png' });
      res.end(accepted && !moved ? file : undefined);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/v3/attachments/${name}/views/original`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Any other host (loopback, but not one the app may fetch from): records what reaches it. */
export async function otherHost(): Promise<{
  readonly url: (path: string) => string;
  readonly requests: Array<{ path: string; authorization: string | undefined }>;
  readonly close: () => Promise<void>;
}> {
  const requests: Array<{ path: string; authorization: string | undefined }> = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });
  // 127.0.0.2 is loopback too, but not an address the app treats as a local Teams host.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.2:${port}${path}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
