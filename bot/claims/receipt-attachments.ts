import { randomUUID } from 'node:crypto';
import { claimCard } from './claim-card.js';
import { itemTitle } from './claim-parts.js';
import type { ClaimService } from '../../domain/claims/claim-service.js';
import { stableId } from '../../domain/claims/claim-service.js';
import type { AttachmentRoute, SentFile } from '../feature.js';

const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;
const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  pdf: 'application/pdf',
};

/**
 * Receipts sent to the bot in 1:1 chat (files or photos) go to Blob storage and onto the host's
 * open claim. Teams gives a short-lived download URL for each file.
 */
export function receiptAttachments(options: {
  claims: ClaimService;
  claimUrl: (claimId: string) => string;
  allowLoopbackFiles: boolean;
}): AttachmentRoute {
  return {
    handle: async (turn, files) => {
      if (turn.conversation !== 'personal') return false;
      const claim = await options.claims.latestEditable(turn.actor);
      if (!claim) {
        await turn.sendText(
          'To attach a receipt, start a claim first: type \u201cclaim expenses\u201d, add the item, then send me the photo or file.',
        );
        return true;
      }
      let latest = claim;
      const attachedTo: string[] = [];
      for (const [index, file] of files.slice(0, 5).entries()) {
        const contentType = contentTypeOf(file.name, file.contentType);
        if (!contentType) {
          await turn.sendText(
            `I can only keep photos and PDFs as receipts, so \u201c${file.name.slice(0, 80)}\u201d was not attached.`,
          );
          continue;
        }
        const bytes = await download(file, options.allowLoopbackFiles, () => turn.botAccessToken());
        if (!bytes) {
          await turn.sendText(
            'I couldn\u2019t fetch that file from Teams (or it is over 10 MB). Please send it again.',
          );
          continue;
        }
        const receiptId = stableId('receipt', `${turn.context.activity.id ?? randomUUID()}:${index}`);
        const { claim: updated, itemId } = await options.claims.addReceipt(turn.actor, claim.id, {
          id: receiptId,
          fileName: file.name.slice(0, 120),
          file: { bytes, contentType },
        });
        latest = updated;
        const item = updated.items.find((candidate) => candidate.id === itemId);
        attachedTo.push(item ? `for ${itemTitle(item)}` : 'to the claim');
      }
      if (attachedTo.length > 0) {
        await turn.sendCard(
          claimCard(latest, {
            claimUrl: options.claimUrl(latest.id),
            notice: `Receipt saved ${attachedTo.join('; ')}.`,
          }),
        );
      }
      return true;
    },
  };
}

/** Only the photo and PDF types we know: the declared type is served back later, and some "images" (SVG) can carry script. */
function contentTypeOf(name: string, declared: string): string | undefined {
  if (Object.values(TYPES_BY_EXTENSION).includes(declared)) return declared;
  return TYPES_BY_EXTENSION[name.split('.').pop()?.toLowerCase() ?? ''];
}

/**
 * Where Teams keeps files and photos sent to a bot: SharePoint/OneDrive for shared files (a pre-signed
 * `downloadUrl`), and Teams' own servers for photos pasted into a message (the Bot Connector's
 * `/v3/attachments/.../views/original` and the media service). The server fetches only from these (never
 * from an address a message merely claims), so a crafted attachment cannot make it call internal or
 * arbitrary hosts. Loopback is allowed in local mode only, where the Agents Playground and tests serve files.
 */
const SHAREPOINT_HOST_SUFFIXES = ['.sharepoint.com', '.sharepoint.us'];
/** Teams' own servers: the only hosts the bot's access token is ever sent to. */
const TEAMS_HOST_SUFFIXES = ['.asm.skype.com', '.teams.microsoft.com', '.botframework.com'];
const TEAMS_HOSTS = ['smba.trafficmanager.net'];

type FileHost = 'teams' | 'sharepoint';

function fileHostOf(url: string, allowLoopback: boolean): FileHost | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase();
  if (
    allowLoopback &&
    (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:')
  )
    return 'teams';
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return undefined;
  if (TEAMS_HOSTS.includes(host) || TEAMS_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'teams';
  if (SHAREPOINT_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'sharepoint';
  return undefined;
}

export function isTeamsFileUrl(url: string, allowLoopback: boolean): boolean {
  return fileHostOf(url, allowLoopback) !== undefined;
}

/** Whether the bot's access token may go with a request to `url`: Teams' own servers only, never SharePoint. */
export function mayCarryBotToken(url: string, allowLoopback: boolean): boolean {
  return fileHostOf(url, allowLoopback) === 'teams';
}

/**
 * A shared file: its pre-signed URL, no token; a redirect may lead to another Teams or SharePoint host.
 * A pasted photo: from Teams' servers only, with the bot's token, and no redirect to another origin is
 * followed (the token would not go with it, but nor is anything else fetched).
 */
async function download(
  file: SentFile,
  allowLoopback: boolean,
  botAccessToken: () => Promise<string | undefined>,
): Promise<Buffer | undefined> {
  const url = file.downloadUrl;
  if (file.source === 'file') {
    if (!isTeamsFileUrl(url, allowLoopback)) return undefined;
    return fetchReceipt(url, {}, 'follow', (final) => isTeamsFileUrl(final, allowLoopback));
  }
  if (!mayCarryBotToken(url, allowLoopback)) return undefined;
  let token: string | undefined;
  try {
    token = await botAccessToken();
  } catch {
    return undefined; // no token: Teams would refuse the download
  }
  return fetchReceipt(url, token ? { authorization: `Bearer ${token}` } : {}, 'manual', () => true);
}

async function fetchReceipt(
  url: string,
  headers: Record<string, string>,
  redirect: 'follow' | 'manual',
  finalUrlAllowed: (url: string) => boolean,
): Promise<Buffer | undefined> {
  try {
    let response = await fetch(url, { headers, signal: AbortSignal.timeout(15_000), redirect });
    for (let hops = 0; redirect === 'manual' && isRedirect(response.status); hops++) {
      const next = new URL(response.headers.get('location') ?? '', url);
      // Only within the same origin (scheme, host and port): the token never leaves the Teams server it was meant for.
      if (hops >= 3 || next.origin !== new URL(url).origin) return undefined;
      await response.body?.cancel();
      response = await fetch(next, { headers, signal: AbortSignal.timeout(15_000), redirect });
    }
    if (!response.ok || !finalUrlAllowed(response.url || url)) return undefined;
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_RECEIPT_BYTES) return undefined;
    return await readAtMost(response, MAX_RECEIPT_BYTES);
  } catch {
    return undefined;
  }
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/** The body, or undefined when it is empty or grows past `limit` (stops reading there, whatever the headers said). */
async function readAtMost(response: Response, limit: number): Promise<Buffer | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(next.value);
  }
  return size === 0 ? undefined : Buffer.concat(chunks);
}
