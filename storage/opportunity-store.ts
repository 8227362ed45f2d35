import type { Containers } from './cosmos.js';
import { CosmosRepository, mapError, type CreateResult, type Versioned } from './repository.js';
import type { Candidate, MatchCriteria } from '../domain/opportunities/matching.js';
import {
  SETTINGS_ID,
  type Invitation,
  type Opportunity,
  type OpportunitySettings,
} from '../domain/opportunities/opportunity.js';
import type { MatchSource, OpportunityRepository } from '../domain/opportunities/ports.js';

type Stored = Opportunity | Invitation | OpportunitySettings;

/** Opportunities, their invitations and the IEV team's setting, in Cosmos (`opportunities`, pk `/opportunityId`). */
export class OpportunityStore implements OpportunityRepository {
  private readonly repository: CosmosRepository<Stored>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<Stored>(
      containers.opportunities,
      (document) => document.opportunityId,
      'opportunity',
    );
  }

  async find(id: string): Promise<Versioned<Opportunity> | undefined> {
    const found = await this.repository.find(id, id);
    return found?.type === 'opportunity' ? found : undefined;
  }

  create(opportunity: Opportunity): Promise<CreateResult<Opportunity>> {
    return this.repository.create(opportunity) as Promise<CreateResult<Opportunity>>;
  }

  replace(opportunity: Opportunity, etag: string): Promise<Versioned<Opportunity>> {
    return this.repository.replace(opportunity, etag) as Promise<Versioned<Opportunity>>;
  }

  ofHost(hostId: string): Promise<Array<Versioned<Opportunity>>> {
    return this.opportunities({
      query: 'SELECT * FROM c WHERE c.type = "opportunity" AND c.hostId = @hostId ORDER BY c.createdAt DESC',
      parameters: [{ name: '@hostId', value: hostId }],
    });
  }

  inStates(states: readonly Opportunity['state'][]): Promise<Array<Versioned<Opportunity>>> {
    return this.opportunities({
      query:
        'SELECT TOP 100 * FROM c WHERE c.type = "opportunity" AND ARRAY_CONTAINS(@states, c.state) ORDER BY c.createdAt DESC',
      parameters: [{ name: '@states', value: [...states] }],
    });
  }

  closingBy(day: string, states: readonly Opportunity['state'][]): Promise<Array<Versioned<Opportunity>>> {
    return this.opportunities({
      query: 'SELECT * FROM c WHERE c.type = "opportunity" AND ARRAY_CONTAINS(@states, c.state) AND c.closesOn <= @day',
      parameters: [
        { name: '@day', value: day },
        { name: '@states', value: [...states] },
      ],
    });
  }

  createInvitation(invitation: Invitation): Promise<CreateResult<Invitation>> {
    return this.repository.create(invitation) as Promise<CreateResult<Invitation>>;
  }

  async findInvitation(opportunityId: string, partnerId: string): Promise<Versioned<Invitation> | undefined> {
    const found = await this.repository.find(`invitation:${opportunityId}:${partnerId}`.slice(0, 250), opportunityId);
    return found?.type === 'invitation' ? found : undefined;
  }

  replaceInvitation(invitation: Invitation, etag: string): Promise<Versioned<Invitation>> {
    return this.repository.replace(invitation, etag) as Promise<Versioned<Invitation>>;
  }

  async invitationsOf(opportunityId: string): Promise<Array<Versioned<Invitation>>> {
    // The partition filter is in the WHERE clause too: the local server ignores the partition key option.
    return (await this.repository.queryAll(
      {
        query: 'SELECT * FROM c WHERE c.type = "invitation" AND c.opportunityId = @id ORDER BY c.score DESC',
        parameters: [{ name: '@id', value: opportunityId }],
      },
      { partitionKey: opportunityId },
    )) as Array<Versioned<Invitation>>;
  }

  async invitationsForPartner(partnerId: string): Promise<Array<Versioned<Invitation>>> {
    return (await this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "invitation" AND c.partnerId = @partnerId',
      parameters: [{ name: '@partnerId', value: partnerId }],
    })) as Array<Versioned<Invitation>>;
  }

  deleteInvitation(invitation: Invitation): Promise<void> {
    return this.repository.delete(invitation.id, invitation.opportunityId);
  }

  async settings(): Promise<Versioned<OpportunitySettings> | undefined> {
    const found = await this.repository.find(SETTINGS_ID, SETTINGS_ID);
    return found?.type === 'opportunity-settings' ? found : undefined;
  }

  async saveSettings(settings: OpportunitySettings): Promise<void> {
    await this.repository.upsert(settings);
  }

  private async opportunities(query: {
    query: string;
    parameters: Array<{ name: string; value: string | string[] }>;
  }): Promise<Array<Versioned<Opportunity>>> {
    return (await this.repository.queryAll(query)) as Array<Versioned<Opportunity>>;
  }
}

/** Candidates per page: large pages keep the requests per match low; each candidate is a few hundred bytes. */
const CANDIDATE_PAGE = 1_000;

/**
 * Matching's query on the register (`partners`). Cosmos does the filtering (status, consent, erasure, and at least
 * one shared area, interest or lived experience, all on indexed paths) and returns only the fields scoring needs,
 * so what crosses the wire grows with the partners who could fit, not with the register.
 */
export class PartnerMatchQuery implements MatchSource {
  constructor(private readonly containers: Containers) {}

  async candidates(criteria: MatchCriteria): Promise<Candidate[]> {
    const overlaps = [
      ['areas', '@areas', criteria.areas],
      // Interests are free words: compared lower-cased, on the register's lower-cased copy.
      ['searchInterests', '@interests', criteria.interests.map((interest) => interest.toLowerCase())],
      ['livedExperience', '@lived', criteria.livedExperience],
    ] as const;
    const used = overlaps.filter(([, , values]) => values.length > 0);
    if (used.length === 0) return [];
    const iterator = this.containers.partners.items.query<Candidate>(
      {
        query: `SELECT c.id, c.areas, c.interests, c.livedExperience, c.availability, c.accessNeeds, c.panelTraining FROM c WHERE c.type = "partner" AND c.status = "active" AND c.consent.contactAboutOpportunities.given = true AND NOT IS_DEFINED(c.erasure) AND (${used
          .map(([field, name]) => `EXISTS(SELECT VALUE v FROM v IN c.${field} WHERE ARRAY_CONTAINS(${name}, v))`)
          .join(' OR ')})`,
        parameters: used.map(([, name, values]) => ({ name, value: [...values] })),
      },
      { maxItemCount: CANDIDATE_PAGE },
    );
    const candidates: Candidate[] = [];
    try {
      while (iterator.hasMoreResults()) {
        const { resources } = await iterator.fetchNext();
        candidates.push(...resources);
      }
    } catch (error) {
      throw mapError(error, 'Involvement Register');
    }
    return candidates;
  }
}
