import { retryOnConflict } from '../concurrency.js';
import type { Actor, Role } from './actor.js';
import type { ConversationAddress, DirectoryRepository } from './ports.js';

export interface CallerIdentity {
  readonly id: string;
  readonly displayName: string;
}

/**
 * Decides roles on the server, from the directory, on every request and turn: a colleague an IEV member
 * removes from the team loses access at once. IEV_MEMBER_IDS only seeds the first members (`seedIevMembers`);
 * after that the IEV team keeps its own membership in the tab. Every other signed-in colleague is a host.
 */
export class DirectoryService {
  constructor(
    private readonly deps: {
      readonly store: DirectoryRepository;
      /** IEV_MEMBER_IDS: the first members, seeded only while the team has none. */
      readonly configuredIevMembers: readonly string[];
    },
  ) {}

  /**
   * Who the caller is and what they may do, from one read of the directory. Also remembers them (so IEV can
   * find them by name) and, with `personalChat`, their 1:1 chat with the bot so outcomes can reach them later;
   * written only when something changed, and conditionally, so a role granted at the same moment is kept.
   */
  async actorFor(caller: CallerIdentity, options: { personalChat?: ConversationAddress } = {}): Promise<Actor> {
    const chat = options.personalChat;
    const person = await retryOnConflict(async (tryNumber) => {
      const found = await this.deps.store.findPerson(caller.id);
      const chatChanged = chat !== undefined && found?.personalChat?.conversationId !== chat.conversationId;
      if (found && !chatChanged && found.displayName === caller.displayName) return found;
      // A read that raced a write is only retried once here: the caller's turn matters more than their name.
      if (tryNumber > 2) return found;
      return this.deps.store.writePerson(
        {
          userId: caller.id,
          displayName: caller.displayName,
          roles: found?.roles ?? ['host'],
          personalChat: chat ?? found?.personalChat,
        },
        found?._etag,
      );
    });
    const roles = new Set<Role>(person?.roles ?? ['host']);
    if (roles.has('iev')) roles.add('host');
    return { id: caller.id, displayName: caller.displayName, roles: [...roles] };
  }

  /**
   * IEV_MEMBER_IDS names the first members of the IEV team: written to the directory when it has no IEV
   * member yet (a new deployment), never again, so a member removed in the tab stays removed after a restart.
   */
  async seedIevMembers(): Promise<void> {
    if (this.deps.configuredIevMembers.length === 0) return;
    if ((await this.deps.store.userIdsWithRole('iev')).length > 0) return;
    for (const userId of this.deps.configuredIevMembers) {
      await retryOnConflict(async () => {
        const found = await this.deps.store.findPerson(userId);
        if (found?.roles.includes('iev')) return;
        await this.deps.store.writePerson(
          {
            userId,
            displayName: found?.displayName ?? 'IEV team member',
            roles: withRole(found?.roles ?? ['host'], 'iev'),
            personalChat: found?.personalChat,
          },
          found?._etag,
        );
      });
    }
  }

  /** The IEV team's members (the approvers), each once, in a stable order. */
  async ievMemberIds(): Promise<string[]> {
    return [...new Set(await this.deps.store.userIdsWithRole('iev'))].sort();
  }

  /** The IEV team's members with their names, by name: whom a support request may be given to. */
  async ievMembers(): Promise<Array<{ id: string; displayName: string }>> {
    const people = await this.deps.store.peopleWithRole('iev');
    return people
      .map((person) => ({ id: person.userId, displayName: person.displayName }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  async personalChatOf(userId: string): Promise<ConversationAddress | undefined> {
    return (await this.deps.store.findPerson(userId))?.personalChat;
  }
}

export function withRole(roles: readonly Role[], role: Role): Role[] {
  return [
    ...new Set([...roles.filter((kept) => kept !== 'viewer'), role, ...(role === 'iev' ? ['host' as const] : [])]),
  ];
}
