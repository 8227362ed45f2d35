import { DEMO_PEOPLE } from '../../demo/demo-people.js';

export interface TestUser {
  readonly id: string;
  readonly name: string;
}

const person = (index: number): TestUser => ({ id: DEMO_PEOPLE[index]!.id, name: DEMO_PEOPLE[index]!.displayName });

/** A colleague planning involvement work and submitting claims. */
export const HOST: TestUser = person(0);
/** An IEV team member (tests pass IEV_MEMBER_IDS=IEV.id to the app). */
export const IEV: TestUser = person(1);
/** A member of another team. */
export const OTHER: TestUser = person(2);
/** A second host, for "nobody can touch another host's records" tests. */
export const SECOND_HOST: TestUser = { id: '00000000-0000-0000-0000-00000000a004', name: 'Sam Second-host (test)' };
/** A second IEV member, for concurrency and self-approval tests. */
export const SECOND_IEV: TestUser = { id: '00000000-0000-0000-0000-00000000a005', name: 'Iris IEV (test)' };

export const TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const BOT_ID = '28:involvement-hub-test-bot';
