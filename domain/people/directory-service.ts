import type { Actor, Role } from './actor.js';
import type { ConversationAddress, DirectoryRepository } from './ports.js';

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
    private readonly store: DirectoryRepository,
    private readonly configuredIevMembers: readonly string[],
  ) {}

  /**
   * Who the caller is and what they may do, from one read of the directory. With `personalChat`, also
   * remembers their 1:1 chat with the bot (written only when it changed) so outcomes can reach them later.
   */
  async actorFor(caller: CallerIdentity, options: { personalChat?: ConversationAddress } = {}): Promise<Actor> {
    const person = await this.store.findPerson(caller.id);
    const chat = options.personalChat;
    if (
      chat &&
      (person?.personalChat?.conversationId !== chat.conversationId || person.displayName !== caller.displayName)
    ) {
      await this.store.savePerson({
        userId: caller.id,
        displayName: caller.displayName,
        roles: person?.roles ?? ['host'],
        personalChat: chat,
      });
    }
    const roles = new Set<Role>(person?.roles ?? ['host']);
    if (this.configuredIevMembers.includes(caller.id)) roles.add('iev');
    if (roles.has('iev')) roles.add('host');
    return { id: caller.id, displayName: caller.displayName, roles: [...roles] };
  }

  /** The IEV team's members (the approvers), configured and from the directory, each once, in a stable order. */
  async ievMemberIds(): Promise<string[]> {
    const fromDirectory = await this.store.userIdsWithRole('iev');
    return [...new Set([...this.configuredIevMembers, ...fromDirectory])].sort();
  }

  async personalChatOf(userId: string): Promise<ConversationAddress | undefined> {
    return (await this.store.findPerson(userId))?.personalChat;
  }
}
