import type { Containers } from './cosmos.js';
import { CosmosRepository, type CreateResult, type Versioned } from './repository.js';
import type { Organisation } from '../domain/organisations/organisation.js';
import type { OrganisationRepository } from '../domain/organisations/ports.js';

/**
 * The community organisations directory, in the `directory` container (partition key `/id`) beside the
 * people and settings: a small list of organisational records, read whole (MAX_ORGANISATIONS).
 */
export class OrganisationStore implements OrganisationRepository {
  private readonly repository: CosmosRepository<Organisation>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<Organisation>(containers.directory, (item) => item.id, 'organisation');
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
