import type { Containers } from './cosmos.js';
import { CosmosRepository, type CreateResult, type Versioned } from './repository.js';
import type { Application, ApplicationRepository } from '../domain/applications/ports.js';

/** Applications to join the register (`applications`, partition key `/id`). */
export class ApplicationStore implements ApplicationRepository {
  private readonly repository: CosmosRepository<Application>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<Application>(containers.applications, (item) => item.id, 'application');
  }

  create(application: Application): Promise<CreateResult<Application>> {
    return this.repository.create(application);
  }

  find(id: string): Promise<Versioned<Application> | undefined> {
    return this.repository.find(id, id);
  }

  replace(application: Application, etag: string): Promise<Versioned<Application>> {
    return this.repository.replace(application, etag);
  }

  async pending(limit: number): Promise<Array<Versioned<Application>>> {
    const page = await this.repository.queryPage(
      {
        query: 'SELECT * FROM c WHERE c.type = "application" AND c.status = "pending" ORDER BY c.submittedAt',
      },
      { pageSize: limit },
    );
    return page.items;
  }

  async countPending(): Promise<number> {
    const [count] = await this.repository.queryValues<number>({
      query: 'SELECT VALUE COUNT(1) FROM c WHERE c.type = "application" AND c.status = "pending"',
    });
    return count ?? 0;
  }

  pendingWithSearchName(searchName: string): Promise<Array<Versioned<Application>>> {
    return this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "application" AND c.status = "pending" AND c.searchName = @name',
      parameters: [{ name: '@name', value: searchName }],
    });
  }

  forPartner(partnerId: string): Promise<Array<Versioned<Application>>> {
    return this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "application" AND c.decision.partnerId = @partnerId',
      parameters: [{ name: '@partnerId', value: partnerId }],
    });
  }
}
