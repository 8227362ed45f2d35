import { DomainError, NotFoundError, UnavailableError, ValidationError } from '../errors.js';
import type { Actor } from '../people/actor.js';
import type { ClaimDocument, ReceiptRef } from './claim.js';
import { assertHostMayChange, editAsHost } from './edit-claim.js';
import type { ClaimPorts, StoredFile } from './ports.js';
import { repriceClaim, type RepricePorts } from './reprice-claim.js';

export type AttachReceiptPorts = RepricePorts & Pick<ClaimPorts, 'receipts' | 'receiptCleanup'>;

export interface ReceiptUpload {
  readonly id: string;
  readonly fileName: string;
  readonly file: StoredFile;
}

export interface AttachedReceipt {
  claim: ClaimDocument;
  /** The item the receipt was attached to; undefined when no item was waiting for one. */
  itemId: string | undefined;
}

/**
 * Keeps a receipt file sent by the host (Blob storage) and attaches it to their claim, to the item that
 * still needs one. The file is stored first under a name made from its stable id, so a retried message
 * overwrites the same file and attaches it once.
 */
export async function attachReceipt(
  ports: AttachReceiptPorts,
  actor: Actor,
  claimId: string,
  upload: ReceiptUpload,
): Promise<AttachedReceipt> {
  if (!ports.receipts) throw new Error('Receipt storage is not configured.');
  const blobName = `claims/${claimId}/${upload.id}`;
  // Refused before anything is stored when the claim is plainly not the host's to change.
  const before = await ports.claims.findClaim(claimId);
  if (!before) throw new NotFoundError('That claim could not be found.');
  assertHostMayChange(actor, before);
  await ports.receipts.put(blobName, upload.file);
  try {
    return await recordReceipt(ports, actor, claimId, {
      id: upload.id,
      fileName: upload.fileName,
      contentType: upload.file.contentType,
      size: upload.file.bytes.length,
      blobName,
      addedAt: ports.clock().toISOString(),
    });
  } catch (error) {
    // The claim refused it (sent at the same moment, full): no file may stay behind without a claim naming it.
    // Anything else (the database unreachable) may have attached it, so the file is kept.
    if (error instanceof DomainError && !(error instanceof UnavailableError))
      await forgetReceiptFile(ports, claimId, upload.id, blobName);
    throw error;
  }
}

/** Records a receipt already stored in Blob storage. It belongs to the latest item that needs one and has none. */
async function recordReceipt(
  ports: RepricePorts,
  actor: Actor,
  claimId: string,
  receipt: Omit<ReceiptRef, 'itemId'>,
): Promise<AttachedReceipt> {
  let itemId: string | undefined;
  const claim = await editAsHost(ports, actor, claimId, async (current) => {
    if (current.receipts.some((existing) => existing.id === receipt.id)) return undefined;
    const covered = new Set(current.receipts.map((existing) => existing.itemId));
    const waiting = [...current.items]
      .reverse()
      .find((item) => item.flags.some((flag) => flag.code === 'missing-receipt') && !covered.has(item.id));
    itemId = waiting?.id;
    if (current.receipts.length >= 30) throw new ValidationError('A claim can have up to 30 receipts.');
    return repriceClaim(ports, { ...current, receipts: [...current.receipts, { ...receipt, itemId }] });
  });
  return { claim, itemId };
}

/** Removes a refused receipt's file, unless an earlier attempt of the same upload did attach it. */
async function forgetReceiptFile(
  ports: Pick<ClaimPorts, 'claims' | 'receiptCleanup'>,
  claimId: string,
  receiptId: string,
  blobName: string,
): Promise<void> {
  const cleanup = ports.receiptCleanup;
  try {
    const claim = await ports.claims.findClaim(claimId);
    if (claim?.receipts.some((receipt) => receipt.blobName === blobName)) return;
    await cleanup?.receipts.delete(blobName);
  } catch {
    cleanup?.warn({ claimId, receiptId, operationId: receiptId }, 'refused receipt file could not be removed');
  }
}
