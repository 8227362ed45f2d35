import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { DefaultAzureCredential } from '@azure/identity';
import type { ReceiptFiles, StoredFile } from '../domain/claims/ports.js';
import { startLocalBlobServer, type LocalBlobServer } from './local-blob.js';

/** Where receipts are kept: Azurite under `dataDir` (local mode), or an Azure Storage account. */
export type ReceiptStoreOptions =
  | { readonly kind: 'local'; readonly dataDir: string; readonly container: string }
  | {
      readonly kind: 'azure';
      readonly endpoint: string | undefined;
      readonly connectionString: string | undefined;
      readonly container: string;
      readonly managedIdentityClientId: string | undefined;
    };

/**
 * Receipts (photos, PDFs) in Azure Blob Storage, never in Cosmos documents. In Azure mode the app
 * signs in with its managed identity (DefaultAzureCredential; role Storage Blob Data Contributor) or
 * a connection string; in local mode Azurite is started on first use.
 */
export class ReceiptStore implements ReceiptFiles {
  private container: Promise<ContainerClient> | undefined;
  private local: LocalBlobServer | undefined;

  constructor(private readonly config: ReceiptStoreOptions) {}

  async put(blobName: string, file: StoredFile): Promise<void> {
    const container = await this.client();
    await container
      .getBlockBlobClient(blobName)
      .uploadData(file.bytes, { blobHTTPHeaders: { blobContentType: file.contentType } });
  }

  async get(blobName: string): Promise<StoredFile> {
    const blob = (await this.client()).getBlockBlobClient(blobName);
    const properties = await blob.getProperties();
    return { bytes: await blob.downloadToBuffer(), contentType: properties.contentType ?? 'application/octet-stream' };
  }

  /** Removes a receipt; one already gone counts as removed, so a retry is harmless. */
  async delete(blobName: string): Promise<void> {
    await (await this.client()).getBlockBlobClient(blobName).deleteIfExists();
  }

  async close(): Promise<void> {
    const pending = this.container;
    this.container = undefined;
    await pending?.catch(() => undefined);
    await this.local?.stop();
    this.local = undefined;
  }

  private client(): Promise<ContainerClient> {
    this.container ??= this.connect().catch((error: unknown) => {
      this.container = undefined;
      throw error;
    });
    return this.container;
  }

  private async connect(): Promise<ContainerClient> {
    const service = await this.serviceClient();
    const container = service.getContainerClient(this.config.container);
    await container.createIfNotExists();
    return container;
  }

  private async serviceClient(): Promise<BlobServiceClient> {
    if (this.config.kind === 'local') {
      this.local = await startLocalBlobServer(this.config.dataDir);
      return BlobServiceClient.fromConnectionString(this.local.connectionString);
    }
    if (this.config.connectionString) return BlobServiceClient.fromConnectionString(this.config.connectionString);
    const credential = new DefaultAzureCredential(
      this.config.managedIdentityClientId ? { managedIdentityClientId: this.config.managedIdentityClientId } : {},
    );
    return new BlobServiceClient(this.config.endpoint!, credential);
  }
}
