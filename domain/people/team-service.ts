import { retryOnConflict } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { AuditTrail } from '../register/ports.js';
import { isIevMember, type Actor } from './actor.js';
import { withRole, type DirectoryService } from './directory-service.js';
import type { DirectoryRepository } from './ports.js';

/** The audit trail's subject for changes to the IEV team's membership. */
const TEAM_SUBJECT = 'iev-team';
export interface TeamMember {
  readonly id: string;
  readonly displayName: string;
}

export interface TeamChange {
  readonly at: string;
  readonly byName: string;
  readonly action: 'added' | 'removed';
  readonly aboutName: string;
}

/**
 * The IEV team's membership, kept by its members in the tab. Roles live in the directory and are read
 * on every request and turn, so a change takes effect at once in the tab and in the bot. Each change is
 * audited (who, when, whom), written before the change under a stable id, so a retry records it once.
 */
export class TeamService {
  constructor(
    private readonly store: DirectoryRepository,
    private readonly directory: Pick<DirectoryService, 'ievMembers'>,
    private readonly audit: Pick<AuditTrail, 'record' | 'trailOf'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async members(actor: Actor): Promise<{ members: TeamMember[]; history: TeamChange[] }> {
    assertIev(actor);
    const [members, trail] = await Promise.all([this.directory.ievMembers(), this.audit.trailOf(TEAM_SUBJECT)]);
    return {
      members,
      history: trail.slice(0, 20).map((event) => ({
        at: event.at,
        byName: event.actorName,
        action: event.action === 'iev-member-removed' ? 'removed' : 'added',
        aboutName: event.aboutName ?? 'A colleague',
      })),
    };
  }

  /** Colleagues the app knows (they have used the tab or the bot) whose name matches, for choosing whom to add. */
  async findPeople(actor: Actor, name: string): Promise<Array<TeamMember & { readonly inTeam: boolean }>> {
    assertIev(actor);
    const people = await this.store.peopleNamed(name, 20);
    return people.map((person) => ({
      id: person.userId,
      displayName: person.displayName,
      inTeam: person.roles.includes('iev'),
    }));
  }

  async add(actor: Actor, userId: string): Promise<TeamMember> {
    assertIev(actor);
    return retryOnConflict(async () => {
      const found = await this.store.findPerson(userId);
      const displayName = found?.displayName ?? 'Colleague (not signed in yet)';
      if (found?.roles.includes('iev')) return { id: userId, displayName };
      await this.recordChange(actor, 'iev-member-added', userId, displayName, found?._etag);
      await this.store.writePerson(
        { userId, displayName, roles: withRole(found?.roles ?? ['host'], 'iev'), personalChat: found?.personalChat },
        found?._etag,
      );
      return { id: userId, displayName };
    });
  }

  async remove(actor: Actor, userId: string): Promise<void> {
    assertIev(actor);
    await retryOnConflict(async () => {
      const found = await this.store.findPerson(userId);
      if (!found?.roles.includes('iev'))
        throw new NotFoundError('That colleague is not a member of the IEV team. Reload the page to see who is.');
      const others = (await this.store.userIdsWithRole('iev')).filter((id) => id !== userId);
      if (others.length === 0)
        throw new ConflictError(
          'You are the last member of the IEV team, so you cannot remove yourself. Add a colleague first.',
        );
      await this.recordChange(actor, 'iev-member-removed', userId, found.displayName, found._etag);
      await this.store.writePerson(
        {
          userId,
          displayName: found.displayName,
          roles: found.roles.filter((role) => role !== 'iev'),
          personalChat: found.personalChat,
        },
        found._etag,
      );
    });
  }

  /** The id names the change of this version of the person: a retry of the same change records it once. */
  private async recordChange(
    actor: Actor,
    action: 'iev-member-added' | 'iev-member-removed',
    userId: string,
    aboutName: string,
    version: string | undefined,
  ): Promise<void> {
    await this.audit.record(
      { subjectId: TEAM_SUBJECT, actorId: actor.id, actorName: actor.displayName, action, fields: [userId], aboutName },
      this.now(),
      `${action}:${userId}:${version ?? 'new'}`,
    );
  }
}

function assertIev(actor: Actor): void {
  if (!isIevMember(actor)) throw new ForbiddenError('Only members of the IEV team can see and change who is in it.');
}
