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
  readonly status: 'open' | 'taken';
  readonly takenBy?: { readonly id: string; readonly name: string; readonly at: string } | undefined;
  /** Where the card was posted, so it can be updated later for everyone. */
  readonly channelPost?: { readonly address: ConversationAddress; readonly activityId: string } | undefined;
  readonly createdAt: string;
}

export function supportKindTitle(kind: SupportKind): string {
  return SUPPORT_KINDS.find((item) => item.value === kind)?.title ?? kind;
}
