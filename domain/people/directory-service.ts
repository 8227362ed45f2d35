import type { Actor, Role } from './actor.js';
import type { ConversationAddress, DirectoryStore } from '../../storage/directory-store.js';

export interface CallerIdentity {
  readonly id: string;
  readonly displayName: string;
}

/**
 * Decides roles on the server. IEV membership comes from configuration (IEV_MEMBER_IDS) or from
 * the directory, which IEV administrators maintain; every other signed-in colleague is a host.
 */
export class DirectoryService {
  constructor(
    private readonly store: DirectoryStore,
    private readonly configuredIevMembers: readonly string[],
  ) {}

  async actorFor(caller: CallerIdentity): Promise<Actor> {
    const person = await this.store.findPerson(caller.id);
    const roles = new Set<Role>(person?.roles ?? ['host']);
    if (this.configuredIevMembers.includes(caller.id)) roles.add('iev');
    if (roles.has('iev')) roles.add('host');
    return { id: caller.id, displayName: caller.displayName, roles: [...roles] };
  }

  /** Remembers the person's 1:1 chat so the bot can tell them about outcomes later. Writes only when it changed. */
  async rememberPersonalChat(caller: CallerIdentity, address: ConversationAddress): Promise<void> {
    const person = await this.store.findPerson(caller.id);
    if (person?.personalChat?.conversationId === address.conversationId && person.displayName === caller.displayName) return;
    await this.store.savePerson({ userId: caller.id, displayName: caller.displayName, roles: person?.roles ?? ['host'], personalChat: address });
  }

  async personalChatOf(userId: string): Promise<ConversationAddress | undefined> {
    return (await this.store.findPerson(userId))?.personalChat;
  }

  async grantRole(userId: string, displayName: string, role: Role): Promise<void> {
    const person = await this.store.findPerson(userId);
    const roles = new Set<Role>(person?.roles ?? ['host']);
    roles.add(role);
    await this.store.savePerson({ userId, displayName: person?.displayName ?? displayName, roles: [...roles], personalChat: person?.personalChat });
  }
}
