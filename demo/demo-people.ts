import type { Role } from '../domain/people/actor.js';

/**
 * Fictional colleagues used in local mode: the developer identities of the tab and the users of the
 * Agents Playground (see .m365agentsplayground.yml). Ids are fixed so bot and tab agree.
 */
export const DEMO_PEOPLE: ReadonlyArray<{ id: string; displayName: string; roles: Role[]; description: string }> = [
  {
    id: '00000000-0000-0000-0000-00000000a001',
    displayName: 'Hana Host (demo)',
    roles: ['host'],
    description: 'A ward manager planning involvement work',
  },
  {
    id: '00000000-0000-0000-0000-00000000a002',
    displayName: 'Ivy IEV (demo)',
    roles: ['iev', 'host'],
    description: 'An Involvement, Experience and Volunteering team member',
  },
  {
    id: '00000000-0000-0000-0000-00000000a003',
    displayName: 'Oscar Other-team (demo)',
    roles: ['viewer'],
    description: 'A member of another team who can only view',
  },
];
