import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  readonly url: (name: string) => string;
  readonly close: () => Promise<void>;
}

/** Stands in for Teams' file download URLs. */
export async function fileServer(files: Record<string, Buffer>): Promise<FileServer> {
  const server: Server = createServer((req, res) => {
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
