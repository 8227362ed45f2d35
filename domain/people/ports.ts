import type { StoredDocument, Versioned } from '../ports.js';
import type { Role } from './actor.js';

/** Enough of a Bot Framework conversation reference to message someone or somewhere later (proactively). */
export interface ConversationAddress {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly tenantId: string | undefined;
  readonly channelId: string;
  readonly botId: string;
  readonly conversationType: 'personal' | 'channel' | 'groupChat';
  /** For channels: the Teams channel id (posting there starts a new thread). */
  readonly teamsChannelId?: string | undefined;
}

export interface PersonDocument extends StoredDocument {
  readonly type: 'person';
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** Their 1:1 chat with the bot, recorded when they first talk to it, for notifications. */
  readonly personalChat?: ConversationAddress | undefined;
  readonly updatedAt: string;
}

export interface SettingDocument<V = unknown> extends StoredDocument {
  readonly type: 'setting';
  readonly value: V;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** People (roles, 1:1 chats) and settings such as the IEV channel, as the people rules need them. */
export interface KnownPerson {
  readonly userId: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

export type PersonInput = Omit<PersonDocument, 'id' | 'type' | 'schemaVersion' | 'updatedAt'> & { userId: string };

/** A change of the IEV team committed on the team document, still to be copied to the person and the audit trail. */
export interface PendingTeamChange {
  /** Names this change: copying it again (a retry, a second instance) records its audit event once. */
  readonly id: string;
  readonly action: 'iev-member-added' | 'iev-member-removed';
  readonly userId: string;
  readonly displayName: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly at: string;
}

/**
 * The IEV team's membership in one document, the commit point of every change to it: a change is written
 * with the etag it read, so two changes made at the same moment are applied one after the other, each
 * deciding on the other's outcome (two members removing each other cannot both succeed). People's roles
 * (read on every request) follow from it: a committed change waits in `pending` until copied to the person.
 */
export interface TeamDocument extends StoredDocument {
  readonly type: 'team';
  readonly members: readonly string[];
  readonly pending: readonly PendingTeamChange[];
  readonly updatedAt: string;
}

export type TeamInput = Pick<TeamDocument, 'members' | 'pending'>;

export interface DirectoryRepository {
  findTeam(): Promise<Versioned<TeamDocument> | undefined>;
  /**
   * Writes the team only if nobody changed it since `etag` was read, or, with no etag, only if there is none
   * yet: StaleVersionError otherwise.
   */
  writeTeam(team: TeamInput, etag: string | undefined): Promise<Versioned<TeamDocument>>;
  findPerson(userId: string): Promise<Versioned<PersonDocument> | undefined>;
  /** Last writer wins: for seeding and tests only (roles are changed with `writePerson`). */
  savePerson(person: PersonInput): Promise<PersonDocument>;
  /**
   * Writes the person only if nobody changed them since `etag` was read, or, with no etag, only if they are
   * new: StaleVersionError otherwise, so a role granted at the same moment is never overwritten.
   */
  writePerson(person: PersonInput, etag: string | undefined): Promise<Versioned<PersonDocument>>;
  /** Everyone the directory gives `role`. */
  userIdsWithRole(role: Role): Promise<string[]>;
  /** Everyone the directory gives `role`, with their names. */
  peopleWithRole(role: Role): Promise<KnownPerson[]>;
  /** People the app knows (they signed in or chatted with the bot) whose name contains `text`, any case. */
  peopleNamed(text: string, limit: number): Promise<KnownPerson[]>;
  getSetting<V>(key: string): Promise<SettingDocument<V> | undefined>;
  /** Records that something happened once (a welcome sent to a conversation); true only for the first caller. */
  markOnce(key: string): Promise<boolean>;
  putSetting<V>(key: string, value: V, updatedBy: string): Promise<void>;
}
