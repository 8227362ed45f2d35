import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { MAX_IMPORT_ROWS, organisationSchema } from '../contract/organisations.js';
import type { FieldProblem } from '../domain/errors.js';
import { groupKeyFor, type OrganisationFields, type OrganisationFile } from '../domain/organisations/organisation.js';

/**
 * Reading an organisations CSV, as a spreadsheet saves it. csv-parse (the parser of the csv-stringify
 * project the finance export already uses) handles quoted cells with commas and line breaks, doubled
 * quotes and a byte-order mark; this file only maps the columns and checks each row with the form's own
 * schema, so a row is held to exactly what the form holds a colleague to.
 */

type Field = keyof z.input<typeof organisationSchema>;

/** Column headings (any case; spaces, hyphens and underscores ignored) and the field each fills. */
const COLUMNS: ReadonlyArray<{ readonly field: Field; readonly label: string; readonly names: readonly string[] }> = [
  { field: 'name', label: 'Name', names: ['name', 'organisation', 'organisationname', 'organization'] },
  { field: 'groups', label: 'Groups', names: ['groups', 'groupstheyreach', 'groupsreached'] },
  { field: 'areas', label: 'Areas', names: ['areas', 'areastheyreach', 'areasreached', 'area'] },
  { field: 'email', label: 'Email', names: ['email', 'emailaddress'] },
  { field: 'phone', label: 'Phone', names: ['phone', 'phonenumber', 'telephone'] },
  { field: 'website', label: 'Website', names: ['website', 'web', 'url'] },
  { field: 'contactPerson', label: 'Contact person', names: ['contactperson', 'contactname', 'contact'] },
  { field: 'notes', label: 'Notes', names: ['notes'] },
  { field: 'lastCheckedOn', label: 'Last checked', names: ['lastchecked', 'lastcheckedon', 'checked'] },
];

const headingKey = (heading: string) => heading.toLowerCase().replace(/[\s_-]+/g, '');

/** The template's first line, as the tab offers it. */
export const CSV_HEADINGS = COLUMNS.map((column) => column.label);

/**
 * Every data row of the file as the fields of an organisation, with its row number as a spreadsheet shows
 * it (the headings are row 1), and the problems of the rows that are not, each naming its row; or why the
 * file cannot be read at all. The service refuses the whole file if there is any problem.
 */
export function organisationsFromCsv(text: string): OrganisationFile {
  let records: Array<{ record: string[]; info: { records: number; empty_lines: number } }>;
  try {
    // With `info`, each record comes with how many records and blank lines came before it (csv-parse's types do
    // not follow the option).
    records = parse(text, { bom: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      return unreadable(
        `The file could not be read as CSV${line ? ` near line ${line}` : ''}: check its quotes and that every row has the same number of columns as the headings.`,
      );
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return unreadable('The file is empty.');
  const fields = header.record.map((heading) => {
    const column = COLUMNS.find((candidate) => candidate.names.includes(headingKey(heading)));
    return { heading: heading.trim(), column };
  });
  const unknown = fields.filter((entry) => !entry.column).map((entry) => `\u201c${entry.heading}\u201d`);
  const missing = COLUMNS.filter(
    (column) => (column.field === 'name' || column.field === 'groups') && !fields.some((f) => f.column === column),
  ).map((column) => column.label);
  if (unknown.length > 0 || missing.length > 0)
    return unreadable(
      [
        missing.length > 0
          ? `The first row needs the column${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}.`
          : '',
        unknown.length > 0 ? `These columns are not ones we know: ${unknown.join(', ')}.` : '',
        `Use the headings ${CSV_HEADINGS.join(', ')}.`,
      ]
        .filter(Boolean)
        .join(' '),
    );
  if (rows.length === 0) return unreadable('The file has headings but no organisations.');
  if (rows.length > MAX_IMPORT_ROWS)
    return unreadable(`The file has ${rows.length} organisations; import at most ${MAX_IMPORT_ROWS} at a time.`);

  const problems: FieldProblem[] = [];
  const parsed: Array<{ row: number; fields: OrganisationFields }> = [];
  for (const { record, info } of rows) {
    // The row a spreadsheet shows it on: a cell with line breaks is still one row, a blank line is a row.
    const row = info.records + info.empty_lines;
    const raw: Record<string, unknown> = {};
    record.forEach((cell, index) => {
      const field = fields[index]?.column?.field;
      if (!field) return;
      raw[field] =
        field === 'groups'
          ? listOf(cell).map((group) => groupKeyFor(group) ?? group)
          : field === 'areas'
            ? listOf(cell)
            : field === 'lastCheckedOn'
              ? isoDate(cell.trim())
              : cell;
    });
    const result = organisationSchema.safeParse(raw);
    if (result.success) parsed.push({ row, fields: result.data });
    else
      for (const issue of result.error.issues) {
        const label = COLUMNS.find((column) => column.field === issue.path[0])?.label;
        problems.push({ field: `row-${row}`, message: `Row ${row}${label ? `, ${label}` : ''}: ${issue.message}` });
      }
  }
  return { rows: parsed, problems };
}

/** Groups and areas are separated by semicolons: some group names have commas in them. */
function listOf(cell: string): string[] {
  return cell
    .split(/[;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A spreadsheet in the UK writes 31/03/2026; the form's date is 2026-03-31. Anything else is left for the schema to refuse. */
function isoDate(cell: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  if (!uk) return cell;
  const [, day, month, year] = uk;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? cell : iso;
}

function unreadable(message: string): OrganisationFile {
  return { rows: [], problems: [], unreadable: message };
}
