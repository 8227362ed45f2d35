import type { Containers } from './cosmos.js';
import { CosmosRepository, type CreateResult, type Versioned } from './repository.js';
import type { PartnerMessage, PartnerMessageRepository } from '../domain/partner-messages/ports.js';

/** Messages to partners in Cosmos (`messages`, partition key `/partnerId`). */
export class MessageStore implements PartnerMessageRepository {
  private readonly repository: CosmosRepository<PartnerMessage>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<PartnerMessage>(
      containers.messages,
      (message) => message.partnerId,
      'message to a partner',
    );
  }

  create(message: PartnerMessage): Promise<CreateResult<PartnerMessage>> {
    return this.repository.create(message);
  }

  find(id: string, partnerId: string): Promise<Versioned<PartnerMessage> | undefined> {
    return this.repository.find(id, partnerId);
  }

  replace(message: PartnerMessage, etag: string): Promise<Versioned<PartnerMessage>> {
    return this.repository.replace(message, etag);
  }

  forPartner(partnerId: string): Promise<Array<Versioned<PartnerMessage>>> {
    // The partner filter is in the WHERE clause too: the local server ignores the partition key option.
    return this.repository.queryAll(
      {
        query:
          'SELECT * FROM c WHERE c.type = "partner-message" AND c.partnerId = @partnerId ORDER BY c.createdAt DESC',
        parameters: [{ name: '@partnerId', value: partnerId }],
      },
      { partitionKey: partnerId },
    );
  }
}
