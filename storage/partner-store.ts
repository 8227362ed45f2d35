import type { Containers } from './cosmos.js';
import { CosmosRepository, type Page, type Versioned } from './repository.js';
import type { Partner } from '../domain/register/partner.js';

/** The Involvement Register in Cosmos (`partners`, partition key `/id`). */
export class PartnerStore {
  readonly repository: CosmosRepository<Partner>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<Partner>(containers.partners, (partner) => partner.id, 'Involvement Partner');
  }

  get(id: string): Promise<Versioned<Partner>> {
    return this.repository.get(id, id);
  }

  find(id: string): Promise<Versioned<Partner> | undefined> {
    return this.repository.find(id, id);
  }

  /** Active partners whose name starts a word matching `text` (case-insensitive): for pickers in cards. */
  async searchByName(text: string, options: { pageSize?: number; includeInactive?: boolean } = {}): Promise<Array<Versioned<Partner>>> {
    const term = text.trim().toLowerCase().slice(0, 80);
    const page = await this.repository.queryPage(
      {
        query: `SELECT * FROM c WHERE c.type = "partner" ${options.includeInactive ? '' : 'AND c.status = "active"'} AND CONTAINS(c.searchName, @term) ORDER BY c.searchName`,
        parameters: [{ name: '@term', value: term }],
      },
      { pageSize: options.pageSize ?? 20 },
    );
    return page.items;
  }

  async getMany(ids: readonly string[]): Promise<Array<Versioned<Partner>>> {
    if (ids.length === 0) return [];
    return this.repository.queryAll({ query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(@ids, c.id)', parameters: [{ name: '@ids', value: [...ids] }] });
  }

  page(query: { query: string; parameters: Array<{ name: string; value: string | number | boolean | string[] }> }, pageSize: number, continuation?: string): Promise<Page<Versioned<Partner>>> {
    return this.repository.queryPage(query, { pageSize, continuation });
  }
}
