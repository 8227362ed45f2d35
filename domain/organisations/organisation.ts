import { ValidationError, type FieldProblem } from '../errors.js';
import type { StoredDocument } from '../ports.js';
import { INCLUSION_GROUPS, PROTECTED_CHARACTERISTICS, type Choice } from '../planning/plan-steps.js';

/**
 * The community organisations directory (seed 001's partner network, seed 002's "who knows these
 * communities best"): voluntary and community organisations and the groups they reach, kept by the
 * IEV team so a host planning involvement knows whom to ask.
 *
 * The groups are the plan's own ("Who should be involved?": the 9 protected characteristics and the
 * inclusion groups), so a plan's intended reach and its reach gaps point straight at organisations.
 */
export const COMMUNITY_GROUPS: readonly Choice[] = [...PROTECTED_CHARACTERISTICS, ...INCLUSION_GROUPS];

const GROUP_TITLES = new Map(COMMUNITY_GROUPS.map((group) => [group.value, group.title]));

export function groupTitle(key: string): string {
  return GROUP_TITLES.get(key) ?? key;
}

/** A group named by its key ("carers") or its title ("Carers"), in any case: how a spreadsheet names it. */
export function groupKeyFor(text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  return COMMUNITY_GROUPS.find((group) => group.value === wanted || group.title.toLowerCase() === wanted)?.value;
}

/** The plan group a title names (the reach gap lists groups the register does not ask about by title). */
export function groupKeyOfTitle(title: string): string | undefined {
  return COMMUNITY_GROUPS.find((group) => group.title === title)?.value;
}

/** What IEV records about an organisation (the form and each row of an imported CSV). */
export interface OrganisationFields {
  readonly name: string;
  /** Plan group keys (COMMUNITY_GROUPS). */
  readonly groups: readonly string[];
  /** Towns, neighbourhoods or "Trust-wide": free text, as local people name them. */
  readonly areas: readonly string[];
  /** The organisation's own contact routes (a general inbox, a switchboard, a website): organisational data. */
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  readonly website?: string | undefined;
  /**
   * A named person to ask for. The one personal field: shown to the IEV team only, never to hosts or in
   * the bot, and removed with the organisation.
   */
  readonly contactPerson?: string | undefined;
  readonly notes?: string | undefined;
  /** The day IEV last confirmed the details (YYYY-MM-DD); absent when never checked. */
  readonly lastCheckedOn?: string | undefined;
}

export interface Organisation extends StoredDocument, OrganisationFields {
  readonly type: 'organisation';
  /** The name in lower case with spaces collapsed: two entries for one organisation are refused. */
  readonly searchName: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Details older than this are flagged for checking: organisations move, close and change contacts. */
export const CHECK_DUE_AFTER_MONTHS = 12;

/** True when the details were never checked, or last checked more than a year before `today`. */
export function isCheckDue(lastCheckedOn: string | undefined, today: Date): boolean {
  if (!lastCheckedOn) return true;
  const due = new Date(`${lastCheckedOn}T00:00:00.000Z`);
  due.setUTCMonth(due.getUTCMonth() + CHECK_DUE_AFTER_MONTHS);
  return due.getTime() < Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
}

export function searchNameOf(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * An imported file as read at the edge: the rows that are well formed, the problems of the others (each naming
 * its row), or what makes the whole file unreadable. The directory's own rules are checked by the service.
 */
export interface OrganisationFile {
  readonly rows: ReadonlyArray<{ readonly row: number; readonly fields: OrganisationFields }>;
  readonly problems: readonly FieldProblem[];
  readonly unreadable?: string | undefined;
}

/** Problems found in an imported file, each naming its row: nothing of the file is imported. */
export function importRefused(problems: readonly FieldProblem[]): ValidationError {
  const one = problems.length === 1;
  return new ValidationError(
    `${one ? 'One problem' : `${problems.length} problems`} in the file, so nothing was imported. Fix ${one ? 'it' : 'them'} and import the file again.`,
    problems,
  );
}
