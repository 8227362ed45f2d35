import type { StoredDocument } from '../ports.js';

/**
 * An involvement opportunity a host publishes from a plan (BRIEF journey 10, seed 004 "Promoting your
 * involvement opportunity"): what it is, when, where or online, the access arrangements, expenses and any
 * involvement payment, how many people, and the closing date. Stored in `opportunities` (partition key
 * `/opportunityId`) with its invitations, so everything about one opportunity is one partition.
 */
export const OPPORTUNITY_KINDS = ['involvement', 'interview-panel'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

/** draft → awaiting-approval (when IEV asks to approve first) → open (invitations go) → closed. */
export const OPPORTUNITY_STATES = ['draft', 'awaiting-approval', 'open', 'closed'] as const;
export type OpportunityState = (typeof OPPORTUNITY_STATES)[number];

export const STATE_NAMES: Readonly<Record<OpportunityState, string>> = {
  draft: 'Draft',
  'awaiting-approval': 'Waiting for the IEV team to approve',
  open: 'Open: invitations sent',
  closed: 'Closed',
};

export const OPPORTUNITY_FORMATS = ['in-person', 'online', 'hybrid'] as const;
export type OpportunityFormat = (typeof OPPORTUNITY_FORMATS)[number];

export const FORMAT_NAMES: Readonly<Record<OpportunityFormat, string>> = {
  'in-person': 'In person',
  online: 'Online',
  hybrid: 'In person or online',
};

/**
 * Access arrangements a host can offer, each with the words a partner's access needs use for it, so matching
 * can tell whether the opportunity meets them (the Equality Act 2010's reasonable adjustments, made ahead).
 */
export const ACCESS_ARRANGEMENTS = {
  'step-free': { label: 'Step-free access', needs: /step[- ]?free|wheelchair|lift|mobility|walking|stairs/i },
  'hearing-loop': { label: 'Hearing loop', needs: /hearing|deaf|loop/i },
  bsl: { label: 'British Sign Language interpreter', needs: /\bbsl\b|sign language/i },
  'large-print': { label: 'Papers in large print, sent ahead', needs: /large print|sight|visual|papers .*ahead/i },
  'quiet-space': { label: 'A quiet space and breaks', needs: /quiet|breaks?\b|anxiety|overwhelm/i },
  'carer-welcome': { label: 'A carer or supporter is welcome', needs: /carer|supporter|companion/i },
} as const;
export type AccessArrangement = keyof typeof ACCESS_ARRANGEMENTS;
export const ACCESS_KEYS = Object.keys(ACCESS_ARRANGEMENTS) as AccessArrangement[];

/** One move of the opportunity, for its history. */
export interface StateChange {
  readonly state: OpportunityState;
  readonly at: string;
  readonly byId: string;
  readonly byName: string;
}

export interface Opportunity extends StoredDocument {
  readonly type: 'opportunity';
  readonly schemaVersion: 1;
  /** The partition key: the opportunity's own id (its invitations share it). */
  readonly opportunityId: string;
  readonly kind: OpportunityKind;
  /** Interview panels: the role being recruited to (seed 004). */
  readonly role?: string | undefined;
  readonly hostId: string;
  readonly hostName: string;
  readonly planId: string;
  readonly title: string;
  /** What it is and what people will do, in plain words. */
  readonly what: string;
  /** The day (YYYY-MM-DD) and, when known, the time (HH:MM, UK time). */
  readonly date: string;
  readonly time?: string | undefined;
  readonly format: OpportunityFormat;
  /** Where, for in-person (or hybrid) opportunities. */
  readonly place?: string | undefined;
  readonly access: readonly AccessArrangement[];
  readonly accessNotes?: string | undefined;
  readonly expensesPaid: boolean;
  /** Any involvement payment for people's time, in words ("£25 for the morning"); absent when none. */
  readonly payment?: string | undefined;
  readonly places: number;
  /** The last day (YYYY-MM-DD) people can say they are interested. */
  readonly closesOn: string;
  /** What matching looks for (from the plan): service area, interests and lived experience. */
  readonly serviceArea?: string | undefined;
  readonly interests: readonly string[];
  readonly livedExperience: readonly string[];
  readonly state: OpportunityState;
  readonly history: readonly StateChange[];
  /** Once the invitations went: how many partners were invited. */
  readonly invited?: { readonly count: number; readonly at: string } | undefined;
  /** When partners who had not answered were reminded (once, before the closing date). */
  readonly remindedAt?: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const INVITATION_ANSWERS = ['interested', 'not-this-time', 'stop'] as const;
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number];

export const ANSWER_NAMES: Readonly<Record<InvitationAnswer, string>> = {
  interested: 'Interested',
  'not-this-time': 'Not this time',
  stop: 'Stop inviting me',
};

/**
 * One partner invited to one opportunity (id `invitation:<opportunity>:<partner>`: a partner is invited once).
 * It holds ids, the fit and the answer: never the partner's contact details (read from the register when the
 * message goes).
 */
export interface Invitation extends StoredDocument {
  readonly type: 'invitation';
  readonly schemaVersion: 1;
  readonly opportunityId: string;
  readonly partnerId: string;
  readonly hostId: string;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly invitedAt: string;
  readonly answer?: InvitationAnswer | undefined;
  readonly answeredAt?: string | undefined;
  /** The host chose this partner. */
  readonly selectedAt?: string | undefined;
  /** Interview panels: the partner signed the interview guide (seed 004) from their link, by typing their name. */
  readonly guideSigned?: { readonly name: string; readonly at: string; readonly version: string } | undefined;
}

/**
 * The guide to involving service users and carers in interviews (seed 004: "we recommend that you and the service
 * users/carers you involve sign the guide as assurance that the information has been read and understood"). The
 * partner reads it on their invitation page and signs it by typing their name; the version signed is kept.
 */
export const INTERVIEW_GUIDE = {
  version: '2026-12',
  title: 'Guide to taking part in an interview panel',
  points: [
    'You are an equal member of the panel: your questions and your views on each candidate count as much as anyone\u2019s.',
    'Before the day, the colleague running the panel sends you the role, the questions and how candidates are scored, and asks what you need to take part.',
    'Everything about the candidates is confidential: do not share their names, applications or what they said, during or after the panel.',
    'Treat every candidate fairly: decide on what they say and do, not on who they are (the Equality Act 2010).',
    'If something a candidate says upsets you, you can pause or step out; the colleague running the panel will support you.',
    'Your expenses are paid, and any involvement payment offered; ask the colleague running the panel how to claim.',
  ],
} as const;

export const invitationIdFor = (opportunityId: string, partnerId: string): string =>
  `invitation:${opportunityId}:${partnerId}`.slice(0, 250);

/** Settings the IEV team keeps: whether invitations wait for their approval. */
export interface OpportunitySettings extends StoredDocument {
  readonly type: 'opportunity-settings';
  readonly schemaVersion: 1;
  readonly opportunityId: typeof SETTINGS_ID;
  readonly approvalRequired: boolean;
  readonly changedBy?: { readonly id: string; readonly name: string; readonly at: string } | undefined;
}

export const SETTINGS_ID = 'opportunity-settings';
