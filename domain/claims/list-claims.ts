import type { Actor } from '../people/actor.js';
import type { ClaimDocument } from './claim.js';
import { dayOf } from './claim-day.js';
import { listQueryFor, type ClaimListFilters } from './claim-list.js';
import { assertMayListClaims } from './claim-permissions.js';
import type { ClaimPorts } from './ports.js';

export interface ClaimListPage {
  items: ClaimDocument[];
  continuation: string | undefined;
  /** The day the list was judged on ("past its pay-by target"). */
  today: string;
}

/** The IEV team's list of every claim, filtered, newest first, one page at a time. */
export async function listClaims(
  ports: Pick<ClaimPorts, 'claims' | 'clock'>,
  actor: Actor,
  filters: ClaimListFilters,
  page: { pageSize: number; continuation?: string | undefined },
): Promise<ClaimListPage> {
  assertMayListClaims(actor);
  const today = dayOf(ports.clock());
  const found = await ports.claims.listPage(listQueryFor(filters, today, page));
  return { items: found.items, continuation: found.continuation, today };
}

/** How many claims wait for an IEV decision (shown beside "Claims" in the tab). */
export async function countWaitingClaims(ports: Pick<ClaimPorts, 'claims'>, actor: Actor): Promise<number> {
  assertMayListClaims(actor);
  return ports.claims.countWaiting();
}
