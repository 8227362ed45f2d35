import { DirectoryService } from '../domain/people/directory-service.js';
import { IevChannel } from '../domain/people/iev-channel.js';
import { TeamService } from '../domain/people/team-service.js';
import type { AuditStore } from '../storage/audit-store.js';
import type { DirectoryStore } from '../storage/directory-store.js';
import type { AreaContext, Reach } from './area-context.js';

/** Colleagues: their roles (the directory), the IEV team's membership and the IEV team's channel. */
export interface PeopleModule {
  readonly directory: DirectoryService;
  /** The IEV team's membership, kept by its members in the tab. */
  readonly team: TeamService;
  readonly ievChannel: IevChannel;
  /** Where the bot reaches a colleague or the IEV channel, for the areas that send cards. */
  readonly reach: Reach;
}

export async function createPeopleModule(
  deps: Pick<AreaContext, 'config' | 'now'> & { readonly directoryStore: DirectoryStore; readonly audit: AuditStore },
): Promise<PeopleModule> {
  const { config, directoryStore: store } = deps;
  const directory = new DirectoryService({ store, configuredIevMembers: config.ievMemberIds });
  await directory.seedIevMembers();
  const ievChannel = new IevChannel({
    store,
    configured: config.ievChannel
      ? {
          ...config.ievChannel,
          botId: config.bot?.appId ?? '',
          tenantId: config.bot?.tenantId ?? config.tabSso?.tenantId,
        }
      : undefined,
  });
  return {
    directory,
    team: new TeamService({ store, directory, audit: deps.audit, now: deps.now }),
    ievChannel,
    reach: {
      personalChatOf: (userId) => directory.personalChatOf(userId),
      ievChannel: () => ievChannel.address(),
    },
  };
}
