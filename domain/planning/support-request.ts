import type { StoredDocument } from '../ports.js';
import type { ConversationAddress } from '../people/ports.js';

/** The IEV team's offer of support (seed 004, "Our support for you"), asked for on the New Works form. */
export const SUPPORT_KINDS = [
  { value: 'planning', title: 'Planning advice' },
  { value: 'finding-people', title: 'Finding people to involve' },
  { value: 'hub-room', title: 'Booking a room at an Involvement Hub' },
  { value: 'getting-started', title: 'Getting started at the first meeting' },
  { value: 'co-facilitation', title: 'Co-facilitation' },
  { value: 'problem-solving', title: 'Solving a problem' },
] as const;

export type SupportKind = (typeof SUPPORT_KINDS)[number]['value'];

/**
 * A "New Works" request for help from the IEV team. Kept in the `plans` container in the host's
 * partition (`/hostId`), beside the plan it is about: the host's own reads stay single-partition,
 * and the channel card carries the host id so IEV presses are point reads too.
 */
export interface SupportRequest extends StoredDocument {
  readonly type: 'support-request';
  readonly schemaVersion: 1;
  readonly hostId: string;
  readonly hostName: string;
  readonly planId: string;
  readonly planTitle: string;
  readonly kinds: readonly SupportKind[];
  readonly description: string;
  /** open: nobody has it yet; taken: a named IEV colleague has it; done: the IEV team finished it. */
  readonly status: SupportStatus;
  /** Who has it: the IEV member who took it, or the colleague it was assigned to. */
  readonly takenBy?: { readonly id: string; readonly name: string; readonly at: string } | undefined;
  /**
   * What happened to it, in order: the outbox names its messages by the index of the event they are about
   * (absent on requests saved before events were kept: read as none).
   */
  readonly events?: readonly SupportEvent[] | undefined;
  /** Where the card was posted, so it can be updated later for everyone. */
  readonly channelPost?: { readonly address: ConversationAddress; readonly activityId: string } | undefined;
  readonly createdAt: string;
}

export const SUPPORT_STATUSES = ['open', 'taken', 'done'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** One thing that happened to a request: asked, given to someone, a note from IEV, finished. */
export interface SupportEvent {
  readonly kind: 'requested' | 'assigned' | 'noted' | 'done';
  readonly at: string;
  readonly byId: string;
  readonly byName: string;
  /** assigned: to whom. */
  readonly to?: { readonly id: string; readonly name: string } | undefined;
  /** noted: the IEV team's working note (seen by IEV only: in the channel and the tab). */
  readonly note?: string | undefined;
}

/** Events the host is told about in their 1:1 chat. */
export const HOST_IS_TOLD_OF_SUPPORT: ReadonlyArray<SupportEvent['kind']> = ['assigned', 'done'];

export const SUPPORT_STATUS_TITLES: Readonly<Record<SupportStatus, string>> = {
  open: 'Waiting for someone to pick it up',
  taken: 'Picked up',
  done: 'Done',
};

export function supportKindTitle(kind: SupportKind): string {
  return SUPPORT_KINDS.find((item) => item.value === kind)?.title ?? kind;
}
