import type { Containers } from './cosmos.js';
import { CosmosRepository, type CreateResult, type Versioned } from './repository.js';
import { createHash } from 'node:crypto';
import { StaleVersionError } from '../domain/errors.js';
import type { Organisation } from '../domain/organisations/organisation.js';
import type { NameClaim, OrganisationNames, OrganisationRepository } from '../domain/organisations/ports.js';

/**
 * The community organisations directory, in the `directory` container (partition key `/id`) beside the
 * people and settings: a small list of organisational records, read whole (MAX_ORGANISATIONS).
 */
export class OrganisationStore implements OrganisationRepository, OrganisationNames {
  private readonly repository: CosmosRepository<Organisation>;
  private readonly names: CosmosRepository<NameClaim>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<Organisation>(containers.directory, (item) => item.id, 'organisation');
    this.names = new CosmosRepository<NameClaim>(containers.directory, (item) => item.id, 'organisation name');
  }

  async claimName(searchName: string, organisationId: string): Promise<Versioned<NameClaim>> {
    const { document } = await this.names.create({
      id: nameClaimId(searchName),
      type: 'organisation-name',
      schemaVersion: 1,
      organisationId,
    });
    return document;
  }

  replaceNameClaim(claim: NameClaim, etag: string): Promise<Versioned<NameClaim>> {
    return this.names.replace(claim, etag);
  }

  async releaseName(searchName: string, organisationId: string): Promise<void> {
    const id = nameClaimId(searchName);
    const claim = await this.names.find(id, id);
    if (claim?.organisationId !== organisationId) return;
    try {
      await this.names.delete(id, id, claim._etag);
    } catch (error) {
      // Taken over at the same moment: the name is someone else's now, which is what releasing wanted.
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }

  all(): Promise<Array<Versioned<Organisation>>> {
    return this.repository.queryAll({ query: 'SELECT * FROM c WHERE c.type = "organisation"' });
  }

  async find(id: string): Promise<Versioned<Organisation> | undefined> {
    const found = await this.repository.find(id, id);
    return found?.type === 'organisation' ? found : undefined;
  }

  create(organisation: Organisation): Promise<CreateResult<Organisation>> {
    return this.repository.create(organisation);
  }

  replace(organisation: Organisation, etag: string): Promise<Versioned<Organisation>> {
    return this.repository.replace(organisation, etag);
  }

  remove(id: string): Promise<void> {
    return this.repository.delete(id, id);
  }
}

/** The claim's id: a digest, since a name may hold characters an id may not (`/`, `#`, `?`). */
function nameClaimId(searchName: string): string {
  return `organisation-name:${createHash('sha256').update(searchName).digest('hex').slice(0, 40)}`;
}
