import { z } from 'zod';

/** The community organisations directory: IEV keeps it; hosts read it (no named contact person). */

const optionalText = (max: number, message: string) =>
  z
    .string(message)
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => value || undefined);

/** One organisation, as the form sends it and as each row of an imported CSV is checked. */
export const organisationSchema = z.strictObject(
  {
    name: z
      .string('Enter the organisation\u2019s name.')
      .trim()
      .min(1, 'Enter the organisation\u2019s name.')
      .max(120, 'Keep the name to 120 characters.'),
    groups: z
      .array(
        z
          .string('Name each group they reach.')
          .trim()
          .min(1, 'Leave out empty groups.')
          .max(80, 'Name each group in 80 characters or fewer.'),
        'Choose the groups they reach.',
      )
      .min(1, 'Choose at least one group they reach.')
      .max(20, 'Choose up to 20 groups.'),
    areas: z
      .array(
        z
          .string('Name each area they reach.')
          .trim()
          .min(1, 'Leave out empty areas.')
          .max(80, 'Name each area in 80 characters or fewer.'),
        'List the areas they reach.',
      )
      .max(20, 'List up to 20 areas.')
      .default([]),
    email: z
      .union([z.literal(''), z.email('Enter an email address like hello@example.org.')], {
        error: 'Enter an email address like hello@example.org.',
      })
      .optional()
      .transform((value) => value || undefined),
    phone: z
      .string('Enter a phone number.')
      .trim()
      .regex(/^(\+?[0-9][0-9 ()-]{5,24})?$/, 'Enter a phone number using digits, spaces and +, ( ) or -.')
      .optional()
      .transform((value) => value || undefined),
    website: z
      .union(
        [
          z.literal(''),
          z
            .url({ protocol: /^https?$/, error: 'Enter a web address starting with https:// or http://.' })
            .max(300, 'Keep the web address to 300 characters.'),
        ],
        { error: 'Enter a web address starting with https:// or http://.' },
      )
      .optional()
      .transform((value) => value || undefined),
    contactPerson: optionalText(120, 'Keep the contact\u2019s name to 120 characters.'),
    notes: optionalText(1000, 'Keep the notes to 1,000 characters.'),
    lastCheckedOn: z
      .union([z.literal(''), z.iso.date('Enter the date last checked as a date, like 2026-03-31.')], {
        error: 'Enter the date last checked as a date, like 2026-03-31.',
      })
      .optional()
      .transform((value) => value || undefined),
  },
  { error: 'The form sent something it does not ask for. Please reload the page.' },
);

export const addOrganisationSchema = organisationSchema.extend({
  operationId: z
    .string('The form is out of date. Please reload it.')
    .regex(/^[A-Za-z0-9-]{8,64}$/, 'The form is out of date. Please reload it.'),
});
export type AddOrganisationRequest = z.input<typeof addOrganisationSchema>;

export const changeOrganisationSchema = organisationSchema.extend({
  version: z.string('The form is out of date. Please reload it.').min(1).max(100, 'The form is out of date.'),
});
export type ChangeOrganisationRequest = z.input<typeof changeOrganisationSchema>;

/**
 * A CSV file is sent as its text. 100,000 characters is about 500 organisations; stays under the API's
 * body limit however much JSON escapes it.
 */
export const MAX_IMPORT_CHARACTERS = 100_000;
export const MAX_IMPORT_ROWS = 500;
export const importOrganisationsSchema = z.strictObject(
  {
    csv: z
      .string('Choose a CSV file.')
      .min(1, 'The file is empty.')
      .max(MAX_IMPORT_CHARACTERS, 'The file is larger than 100 KB. Split it into smaller files.'),
    importId: z
      .string('The page is out of date. Please reload it.')
      .regex(/^[A-Za-z0-9-]{8,64}$/, 'The page is out of date. Please reload it.'),
  },
  { error: 'Choose a CSV file to import.' },
);
export type ImportOrganisationsRequest = z.input<typeof importOrganisationsSchema>;

export interface CommunityOrganisation {
  readonly id: string;
  /** Send back when changing it: a colleague's change made since is not overwritten. */
  readonly version: string;
  readonly name: string;
  readonly groups: readonly string[];
  readonly areas: readonly string[];
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  readonly website?: string | undefined;
  /** IEV team only: a named person is personal data. */
  readonly contactPerson?: string | undefined;
  readonly notes?: string | undefined;
  readonly lastCheckedOn?: string | undefined;
  /** Never checked, or last checked more than a year ago. */
  readonly checkDue: boolean;
}

export interface OrganisationDirectory {
  readonly items: readonly CommunityOrganisation[];
  /** True for the IEV team, who keep the directory. */
  readonly canEdit: boolean;
  /** The groups an organisation can reach: the plan's "Who should be involved?" groups. */
  readonly groups: ReadonlyArray<{ readonly value: string; readonly title: string }>;
  /** The first row of a CSV to import (groups and areas are separated by semicolons in their cells). */
  readonly csvHeadings: readonly string[];
}
