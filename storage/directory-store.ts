import type { Containers } from './cosmos.js';
import { CosmosRepository, type StoredDocument, type Versioned } from './repository.js';
import type { Role } from '../domain/people/actor.js';
import { StaleVersionError } from '../domain/errors.js';
import type {
  DirectoryRepository,
  KnownPerson,
  PersonDocument,
  PersonInput,
  SettingDocument,
  TeamDocument,
  TeamInput,
} from '../domain/people/ports.js';

export interface MarkerDocument extends StoredDocument {
  readonly type: 'marker';
  readonly createdAt: string;
}

type DirectoryDocument = PersonDocument | SettingDocument | MarkerDocument | TeamDocument;

const TEAM_ID = 'team:iev';

/** People, settings and once-only markers, all in the `directory` container (partition key `/id`). */
export class DirectoryStore implements DirectoryRepository {
  private readonly repository: CosmosRepository<DirectoryDocument>;

  constructor(containers: Containers) {
    this.repository = new CosmosRepository<DirectoryDocument>(
      containers.directory,
      (document) => document.id,
      'record',
    );
  }

  async findPerson(userId: string): Promise<Versioned<PersonDocument> | undefined> {
    const found = await this.repository.find(personId(userId), personId(userId));
    return found?.type === 'person' ? found : undefined;
  }

  async savePerson(person: PersonInput): Promise<PersonDocument> {
    return (await this.repository.upsert(personDocument(person))) as PersonDocument;
  }

  async writePerson(person: PersonInput, etag: string | undefined): Promise<Versioned<PersonDocument>> {
    if (etag) return (await this.repository.replace(personDocument(person), etag)) as Versioned<PersonDocument>;
    const { document, created } = await this.repository.create(personDocument(person));
    if (!created) throw new StaleVersionError('Someone else recorded this colleague at the same moment.');
    return document as Versioned<PersonDocument>;
  }

  async findTeam(): Promise<Versioned<TeamDocument> | undefined> {
    const found = await this.repository.find(TEAM_ID, TEAM_ID);
    return found?.type === 'team' ? found : undefined;
  }

  async writeTeam(team: TeamInput, etag: string | undefined): Promise<Versioned<TeamDocument>> {
    const document: TeamDocument = {
      id: TEAM_ID,
      type: 'team',
      schemaVersion: 1,
      members: team.members,
      pending: team.pending,
      updatedAt: new Date().toISOString(),
    };
    if (etag) return (await this.repository.replace(document, etag)) as Versioned<TeamDocument>;
    const { document: stored, created } = await this.repository.create(document);
    if (!created) throw new StaleVersionError('Someone else changed the IEV team at the same moment.');
    return stored as Versioned<TeamDocument>;
  }

  async peopleWithRole(role: Role): Promise<KnownPerson[]> {
    const people = await this.repository.queryAll({
      query: 'SELECT * FROM c WHERE c.type = "person" AND ARRAY_CONTAINS(c.roles, @role)',
      parameters: [{ name: '@role', value: role }],
    });
    return people.map(knownPerson);
  }

  async peopleNamed(text: string, limit: number): Promise<KnownPerson[]> {
    const page = await this.repository.queryPage(
      {
        query:
          'SELECT * FROM c WHERE c.type = "person" AND CONTAINS(LOWER(c.displayName), @text) ORDER BY c.displayName',
        parameters: [{ name: '@text', value: text.toLowerCase() }],
      },
      { pageSize: limit },
    );
    return page.items.map(knownPerson);
  }

  /** Everyone the directory gives `role` (a small container: people who have used the app). */
  async userIdsWithRole(role: Role): Promise<string[]> {
    const people = await this.repository.queryAll({
      query: 'SELECT c.id FROM c WHERE c.type = "person" AND ARRAY_CONTAINS(c.roles, @role)',
      parameters: [{ name: '@role', value: role }],
    });
    return people.map((person) => person.id.slice(personId('').length));
  }

  async getSetting<V>(key: string): Promise<SettingDocument<V> | undefined> {
    const found = await this.repository.find(settingId(key), settingId(key));
    return found?.type === 'setting' ? (found as SettingDocument<V>) : undefined;
  }

  async putSetting<V>(key: string, value: V, updatedBy: string): Promise<void> {
    await this.repository.upsert({
      id: settingId(key),
      type: 'setting',
      schemaVersion: 1,
      value,
      updatedBy,
      updatedAt: new Date().toISOString(),
    });
  }

  async isMarked(key: string): Promise<boolean> {
    return (await this.repository.find(`marker:${key}`, `marker:${key}`)) !== undefined;
  }

  /** Records that something happened once; true only for the caller that recorded it first. */
  async markOnce(key: string): Promise<boolean> {
    const { created } = await this.repository.create({
      id: `marker:${key}`,
      type: 'marker',
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
    });
    return created;
  }
}

export const personId = (userId: string): string => `person:${userId}`;

function knownPerson(document: DirectoryDocument): KnownPerson {
  const person = document as PersonDocument;
  return { userId: person.id.slice(personId('').length), displayName: person.displayName, roles: person.roles };
}

function personDocument({ userId, ...rest }: PersonInput): PersonDocument {
  return { ...rest, id: personId(userId), type: 'person', schemaVersion: 1, updatedAt: new Date().toISOString() };
}
const settingId = (key: string): string => `setting:${key}`;
