import { randomUUID } from 'node:crypto';
import { claimCard } from './claim-card.js';
import { itemTitle } from './claim-parts.js';
import type { ClaimService } from '../../domain/claims/claim-service.js';
import { stableId } from '../../domain/claims/claim-service.js';
import type { AttachmentRoute } from '../feature.js';

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
        const bytes = await download(file.downloadUrl, options.allowLoopbackFiles);
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
 * Where Teams keeps files and photos sent to a bot: SharePoint/OneDrive for files, the Bot Connector and
 * Teams' media service for inline images. The server fetches only from these (never from an address a
 * message merely claims), so a crafted attachment cannot make it call internal or arbitrary hosts.
 * Loopback is allowed in local mode only, where the Agents Playground and tests serve files.
 */
const TEAMS_FILE_HOST_SUFFIXES = [
  '.sharepoint.com',
  '.sharepoint.us',
  '.asm.skype.com',
  '.teams.microsoft.com',
  '.botframework.com',
];
const TEAMS_FILE_HOSTS = ['smba.trafficmanager.net'];

export function isTeamsFileUrl(url: string, allowLoopback: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  if (
    allowLoopback &&
    (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:')
  )
    return true;
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return TEAMS_FILE_HOSTS.includes(host) || TEAMS_FILE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

async function download(url: string, allowLoopback: boolean): Promise<Buffer | undefined> {
  if (!isTeamsFileUrl(url, allowLoopback)) return undefined;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000), redirect: 'follow' });
    // A redirect may only lead to another Teams file host.
    if (!response.ok || !isTeamsFileUrl(response.url || url, allowLoopback)) return undefined;
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_RECEIPT_BYTES) return undefined;
    const bytes = Buffer.from(await response.arrayBuffer());
    return bytes.length > MAX_RECEIPT_BYTES || bytes.length === 0 ? undefined : bytes;
  } catch {
    return undefined;
  }
}
