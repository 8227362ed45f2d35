import { randomUUID } from 'node:crypto';
import { retryOnConflict } from '../concurrency.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { AuditTrail } from '../register/ports.js';
import { isIevMember, type Actor } from './actor.js';
import { withRole, type DirectoryService } from './directory-service.js';
import type { DirectoryRepository, PendingTeamChange, TeamDocument } from './ports.js';
import type { Clock, Versioned } from '../ports.js';

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
 * on every request and turn, so a change takes effect at once in the tab and in the bot.
 *
 * Every change is decided on, and committed to, one team document written with the etag it read: two
 * members removing each other at the same moment are applied one after the other, and the second sees
 * that it would leave the team empty. The committed change waits on the document (`pending`) until it is
 * copied to the person's roles and the audit trail (who, when, whom; under the change's id, so once), by
 * this call or, after a crash, by the next call that reads the team.
 */
export class TeamService {
  constructor(
    private readonly deps: {
      readonly store: DirectoryRepository;
      readonly directory: Pick<DirectoryService, 'ievMembers'>;
      readonly audit: Pick<AuditTrail, 'record' | 'trailOf'>;
      readonly now: Clock;
    },
  ) {}

  async members(actor: Actor): Promise<{ members: TeamMember[]; history: TeamChange[] }> {
    assertIev(actor);
    await retryOnConflict(() => this.settledTeam());
    const [members, trail] = await Promise.all([
      this.deps.directory.ievMembers(),
      this.deps.audit.trailOf(TEAM_SUBJECT),
    ]);
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
    const people = await this.deps.store.peopleNamed(name, 20);
    return people.map((person) => ({
      id: person.userId,
      displayName: person.displayName,
      inTeam: person.roles.includes('iev'),
    }));
  }

  async add(actor: Actor, userId: string): Promise<TeamMember> {
    assertIev(actor);
    const member = await retryOnConflict(async () => {
      const team = await this.settledTeam();
      const found = await this.deps.store.findPerson(userId);
      const displayName = found?.displayName ?? 'Colleague (not signed in yet)';
      if (team.members.includes(userId) && found?.roles.includes('iev')) return { id: userId, displayName };
      await this.commit(team, [...team.members.filter((id) => id !== userId), userId], {
        action: 'iev-member-added',
        userId,
        displayName,
        actor,
      });
      return { id: userId, displayName };
    });
    await retryOnConflict(() => this.settledTeam());
    return member;
  }

  async remove(actor: Actor, userId: string): Promise<void> {
    assertIev(actor);
    await retryOnConflict(async () => {
      const team = await this.settledTeam();
      const found = await this.deps.store.findPerson(userId);
      if (!team.members.includes(userId) && !found?.roles.includes('iev'))
        throw new NotFoundError('That colleague is not a member of the IEV team. Reload the page to see who is.');
      const others = team.members.filter((id) => id !== userId);
      if (others.length === 0)
        throw new ConflictError(
          userId === actor.id
            ? 'You are the last member of the IEV team, so you cannot remove yourself. Add a colleague first.'
            : `${found?.displayName ?? 'That colleague'} is now the last member of the IEV team (someone changed the team at the same moment), so they cannot be removed: the team would be empty. Reload the page to see who is in it.`,
        );
      await this.commit(team, others, {
        action: 'iev-member-removed',
        userId,
        displayName: found?.displayName ?? 'A colleague',
        actor,
      });
    });
    await retryOnConflict(() => this.settledTeam());
  }

  /** The commit point: the new membership and the change to copy, written only over the version decided on. */
  private async commit(
    team: Versioned<TeamDocument>,
    members: readonly string[],
    change: { action: PendingTeamChange['action']; userId: string; displayName: string; actor: Actor },
  ): Promise<void> {
    const pending: PendingTeamChange = {
      id: `${change.action}:${change.userId}:${randomUUID()}`,
      action: change.action,
      userId: change.userId,
      displayName: change.displayName,
      actorId: change.actor.id,
      actorName: change.actor.displayName,
      at: this.deps.now().toISOString(),
    };
    await this.deps.store.writeTeam({ members, pending: [...team.pending, pending] }, team._etag);
  }

  /**
   * The team document with no change waiting: made from the directory the first time (IEV_MEMBER_IDS seeds
   * people's roles), and with every committed change copied to the person and the audit trail first.
   */
  private async settledTeam(): Promise<Versioned<TeamDocument>> {
    const team =
      (await this.deps.store.findTeam()) ??
      (await this.deps.store.writeTeam(
        { members: await this.deps.store.userIdsWithRole('iev'), pending: [] },
        undefined,
      ));
    if (team.pending.length === 0) return team;
    for (const change of team.pending) await this.copy(change);
    return this.deps.store.writeTeam({ members: team.members, pending: [] }, team._etag);
  }

  private async copy(change: PendingTeamChange): Promise<void> {
    const { id, at, userId, displayName, ...event } = change;
    await this.deps.audit.record(
      { subjectId: TEAM_SUBJECT, ...event, fields: [userId], aboutName: displayName },
      new Date(at),
      id,
    );
    await retryOnConflict(async () => {
      const found = await this.deps.store.findPerson(userId);
      const has = found?.roles.includes('iev') ?? false;
      if (has === (change.action === 'iev-member-added')) return;
      await this.deps.store.writePerson(
        {
          userId,
          displayName: found?.displayName ?? displayName,
          roles:
            change.action === 'iev-member-added'
              ? withRole(found?.roles ?? ['host'], 'iev')
              : (found?.roles ?? []).filter((role) => role !== 'iev'),
          personalChat: found?.personalChat,
        },
        found?._etag,
      );
    });
  }
}

function assertIev(actor: Actor): void {
  if (!isIevMember(actor)) throw new ForbiddenError('Only members of the IEV team can see and change who is in it.');
}
