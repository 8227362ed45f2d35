import type { StoredDocument } from '../ports.js';
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
export interface DirectoryRepository {
  findPerson(userId: string): Promise<PersonDocument | undefined>;
  savePerson(
    person: Omit<PersonDocument, 'id' | 'type' | 'schemaVersion' | 'updatedAt'> & { userId: string },
  ): Promise<PersonDocument>;
  /** Everyone the directory gives `role`. */
  userIdsWithRole(role: Role): Promise<string[]>;
  getSetting<V>(key: string): Promise<SettingDocument<V> | undefined>;
  putSetting<V>(key: string, value: V, updatedBy: string): Promise<void>;
}
