import type { Containers } from './cosmos.js';
import { CosmosRepository, type CreateResult, type Versioned } from './repository.js';
import {
  useIdOf,
  type LinkUseRecord,
  type PersonalLinkRecord,
  type PersonalLinkRepository,
} from '../domain/links/ports.js';

/** Personal links and their uses in Cosmos (`links`, partition key `/id`: every read is a point read by link). */
export class LinkStore implements PersonalLinkRepository {
  private readonly links: CosmosRepository<PersonalLinkRecord>;
  private readonly uses: CosmosRepository<LinkUseRecord>;

  constructor(containers: Containers) {
    this.links = new CosmosRepository<PersonalLinkRecord>(containers.links, (link) => link.id, 'personal link');
    this.uses = new CosmosRepository<LinkUseRecord>(containers.links, (use) => use.id, 'personal link');
  }

  createLink(link: PersonalLinkRecord): Promise<CreateResult<PersonalLinkRecord>> {
    return this.links.create(link);
  }

  findLink(linkId: string): Promise<Versioned<PersonalLinkRecord> | undefined> {
    return this.links.find(linkId, linkId);
  }

  replaceLink(link: PersonalLinkRecord, etag: string): Promise<unknown> {
    return this.links.replace(link, etag);
  }

  /** Cosmos refuses a second create of the same id (409), which the repository reports as `created: false`. */
  createUse(use: LinkUseRecord): Promise<CreateResult<LinkUseRecord>> {
    return this.uses.create(use);
  }

  replaceUse(use: LinkUseRecord, etag: string): Promise<Versioned<LinkUseRecord>> {
    return this.uses.replace(use, etag);
  }

  findUse(linkId: string): Promise<Versioned<LinkUseRecord> | undefined> {
    return this.uses.find(useIdOf(linkId), useIdOf(linkId));
  }

  linksOf(partnerId: string): Promise<Array<Versioned<PersonalLinkRecord>>> {
    return this.links.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "personal-link" AND c.partnerId = @partnerId ORDER BY c.issuedAt DESC',
      parameters: [{ name: '@partnerId', value: partnerId }],
    });
  }

  async expiredBefore(before: string, limit: number): Promise<Array<Versioned<PersonalLinkRecord>>> {
    const page = await this.links.queryPage(
      {
        query: 'SELECT * FROM c WHERE c.type = "personal-link" AND c.expiresAt < @before',
        parameters: [{ name: '@before', value: before }],
      },
      { pageSize: limit },
    );
    return page.items;
  }

  /** The use first: a crash between the two leaves the link, which the next run finds again. */
  async deleteLinkAndUse(linkId: string): Promise<void> {
    await this.uses.delete(useIdOf(linkId), useIdOf(linkId));
    await this.links.delete(linkId, linkId);
  }
}
