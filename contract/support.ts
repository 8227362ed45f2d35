import { z } from 'zod';
import { continuationSchema } from './common.js';

/** New Works support requests, for the IEV team in the tab. */

export const SUPPORT_STATUSES = ['open', 'taken', 'done'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** Ids as the request's path carries them (a host's Entra id, a request id made from the card's operation id). */
export const supportRefSchema = z.object({
  hostId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'That support request does not exist.'),
  requestId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'That support request does not exist.'),
});

/** `status` is a comma-separated list of states; open and taken when left out. */
export const supportListQuerySchema = z.object({
  status: z
    .string()
    .max(40)
    .optional()
    .transform((value) => (value ? value.split(',') : ['open', 'taken']))
    .pipe(z.array(z.enum(SUPPORT_STATUSES, 'Choose open, taken or done.')).min(1).max(3)),
  continuation: continuationSchema.optional(),
});

export const supportAssignSchema = z
  .object({ assignee: z.string('Choose a member of the IEV team.').max(100, 'Choose a member of the IEV team.') })
  .strict();
export type SupportAssignRequest = z.input<typeof supportAssignSchema>;

export const supportNoteRequestSchema = z
  .object({
    note: z
      .string('Type the note as text.')
      .trim()
      .min(1, 'Type a note first.')
      .max(1000, 'Keep the note to 1,000 characters or fewer.'),
  })
  .strict();
export type SupportNoteRequest = z.input<typeof supportNoteRequestSchema>;

/** A request as the IEV team's list shows it. Notes are IEV's working notes (never shown to the host). */
export interface SupportRequestRow {
  readonly id: string;
  readonly hostId: string;
  readonly hostName: string;
  readonly planId: string;
  readonly planTitle: string;
  /** What help is asked for, in words. */
  readonly kinds: readonly string[];
  readonly description: string;
  readonly status: SupportStatus;
  readonly assignedTo?: { readonly id: string; readonly name: string } | undefined;
  readonly notes: ReadonlyArray<{ readonly at: string; readonly byName: string; readonly note: string }>;
  readonly done?: { readonly at: string; readonly byName: string } | undefined;
  readonly postedToChannel: boolean;
  readonly createdAt: string;
}

export interface SupportRequestPage {
  readonly items: readonly SupportRequestRow[];
  readonly continuation?: string | undefined;
}

/** The plan behind a request, to read: every answered step in words, what it is missing, sessions logged. */
export interface PlanToRead {
  readonly id: string;
  readonly title: string;
  readonly hostName: string;
  readonly phase: string;
  readonly serviceArea: string | undefined;
  readonly sections: ReadonlyArray<{ readonly title: string; readonly rows: ReadonlyArray<readonly [string, string]> }>;
  readonly gaps: readonly string[];
  readonly sessions: number;
  readonly closed: boolean;
}
