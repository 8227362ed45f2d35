import { z } from 'zod';

/** The IEV team's membership (IEV only): who is in it, finding a colleague by name, adding and removing. */

/** Microsoft Entra object ids are GUIDs. */
export const entraIdSchema = z
  .string('Choose a colleague, or enter their Microsoft Entra object id.')
  .trim()
  .toLowerCase()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'An Entra object id looks like 0a1b2c3d-1234-5678-9abc-def012345678.',
  );
export const teamChangeSchema = z.object({ userId: entraIdSchema }).strict();
export type TeamChangeRequest = z.input<typeof teamChangeSchema>;
export const peopleSearchSchema = z.object({ name: z.string().trim().min(2).max(80) });

export interface TeamMember {
  readonly id: string;
  readonly displayName: string;
}

export interface Team {
  readonly members: readonly TeamMember[];
  /** The latest changes, newest first. */
  readonly history: ReadonlyArray<{
    readonly at: string;
    readonly byName: string;
    readonly action: 'added' | 'removed';
    readonly aboutName: string;
  }>;
}

/** Colleagues the app knows whose name matches, and whether each is in the team already. */
export interface PeopleFound {
  readonly items: ReadonlyArray<TeamMember & { readonly inTeam: boolean }>;
}
