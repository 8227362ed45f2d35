import { retryOnConflict } from '../concurrency.js';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError, type FieldProblem } from '../errors.js';
import { isIevMember, isStaff, type Actor } from '../people/actor.js';
import type { Clock, Versioned } from '../ports.js';
import {
  COMMUNITY_GROUPS,
  dayOf,
  importRefused,
  isCheckDue,
  searchNameOf,
  type Organisation,
  type OrganisationFields,
  type OrganisationFile,
} from './organisation.js';
import type { NameClaim, OrganisationNames, OrganisationRepository } from './ports.js';

/** The directory is read whole (the tab's list, the bot's suggestions): it stays small by this limit. */
export const MAX_ORGANISATIONS = 1000;
/** How many organisations the bot suggests for one group. */
const SUGGESTIONS_PER_GROUP = 2;

/** An organisation as the tab lists it; `contactPerson` only for the IEV team. */
export interface OrganisationEntry extends OrganisationFields {
  readonly id: string;
  readonly version: string;
  readonly checkDue: boolean;
}

/** An organisation as the bot suggests it to a host: organisational details only. */
export interface OrganisationSuggestion {
  readonly name: string;
  readonly areas: readonly string[];
  /** "01632 960 001 · hello@example.org · example.org", or empty when no route is recorded. */
  readonly contact: string;
  /** The details are more than a year old (or never checked): the host is told to check them. */
  readonly checkDue: boolean;
}

/** Organisations that reach each group, best first (checked most recently), for the groups asked about. */
export type SuggestionsByGroup = Readonly<Record<string, readonly OrganisationSuggestion[]>>;

/**
 * The community organisations directory: only the IEV team changes it; hosts read it (in the tab and
 * through the bot's suggestions) because finding who reaches a community is part of planning. A named
 * contact person is personal data and stays with the IEV team.
 */
export class OrganisationService {
  constructor(
    private readonly deps: { readonly store: OrganisationRepository & OrganisationNames; readonly now: Clock },
  ) {}

  async list(actor: Actor): Promise<{ items: OrganisationEntry[]; canEdit: boolean }> {
    if (!isStaff(actor))
      throw new ForbiddenError('Only colleagues who host involvement work can see the community organisations.');
    const today = this.deps.now();
    const iev = isIevMember(actor);
    const items = (await this.deps.store.all())
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((organisation) => entryOf(organisation, today, iev));
    return { items, canEdit: iev };
  }

  /** `operationId` names this add: pressing Save twice, or a retry after a lost answer, adds it once. */
  async add(actor: Actor, fields: OrganisationFields, operationId: string): Promise<OrganisationEntry> {
    assertIev(actor);
    const id = `organisation-${operationId}`;
    const existing = await this.deps.store.all();
    const again = existing.find((organisation) => organisation.id === id);
    if (again) return entryOf(again, this.deps.now(), true);
    if (existing.length >= MAX_ORGANISATIONS) throw tooMany();
    const problems = [...groupProblems(fields.groups, 'groups'), ...this.dateProblems(fields, 'lastCheckedOn')];
    const clash = existing.find((organisation) => organisation.searchName === searchNameOf(fields.name));
    if (clash) problems.push({ field: 'name', message: sameName(fields.name) });
    if (problems.length > 0) throw new ValidationError('Please check the details marked below.', problems);
    const organisation = this.newOrganisation(id, fields);
    const claim = await this.holdName(organisation.searchName, id);
    const { document } = await this.deps.store.create(organisation);
    if (!(await this.confirmName(claim))) {
      await this.deps.store.remove(id);
      throw nameTaken(fields.name);
    }
    return entryOf(document, this.deps.now(), true);
  }

  async update(actor: Actor, id: string, fields: OrganisationFields, version: string): Promise<OrganisationEntry> {
    assertIev(actor);
    const problems = [...groupProblems(fields.groups, 'groups'), ...this.dateProblems(fields, 'lastCheckedOn')];
    const existing = await this.deps.store.all();
    const clash = existing.find(
      (organisation) => organisation.id !== id && organisation.searchName === searchNameOf(fields.name),
    );
    if (clash) problems.push({ field: 'name', message: sameName(fields.name) });
    if (problems.length > 0) throw new ValidationError('Please check the details marked below.', problems);
    const found = await this.get(id);
    const renamed = found.searchName !== searchNameOf(fields.name);
    const claim = renamed ? await this.holdName(searchNameOf(fields.name), id) : undefined;
    // The version the form was filled in from: a change made since by a colleague is not overwritten.
    const saved = await this.deps.store.replace(
      { ...this.newOrganisation(id, fields), createdAt: found.createdAt },
      version,
    );
    if (claim && !(await this.confirmName(claim))) {
      const { _etag, ...before } = found;
      await this.deps.store.replace(before, saved._etag);
      throw nameTaken(fields.name);
    }
    if (renamed) await this.deps.store.releaseName(found.searchName, id);
    return entryOf(saved, this.deps.now(), true);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    assertIev(actor);
    // Only an organisation: the container also holds people and settings. One already removed counts as removed.
    const found = await this.deps.store.find(id);
    if (!found) return;
    await this.deps.store.remove(found.id);
    await this.deps.store.releaseName(found.searchName, found.id);
  }

  private async releaseAll(adding: ReadonlyArray<{ organisation: Organisation }>): Promise<void> {
    for (const { organisation } of adding) await this.deps.store.releaseName(organisation.searchName, organisation.id);
  }

  /**
   * The name's claim for this organisation: a new one, this organisation's own, or one taken over from an
   * organisation that no longer has the name (removed, renamed, or an add cut short). Refused (ValidationError)
   * while another organisation has it.
   */
  private async holdName(searchName: string, id: string): Promise<Versioned<NameClaim>> {
    return retryOnConflict(async () => {
      const claim = await this.deps.store.claimName(searchName, id);
      if (claim.organisationId === id) return claim;
      const holder = await this.deps.store.find(claim.organisationId);
      if (holder?.searchName === searchName) throw nameTaken(holder.name);
      const { _etag, ...free } = claim;
      return this.deps.store.replaceNameClaim({ ...free, organisationId: id, confirmedAt: undefined }, _etag);
    });
  }

  /**
   * After writing the organisation: true if the claim is still ours (confirmed with the etag we got, so a
   * take-over that raced this write fails); false if another add took the name first, and this write must go.
   */
  private async confirmName(claim: Versioned<NameClaim>): Promise<boolean> {
    const { _etag, ...held } = claim;
    try {
      await this.deps.store.replaceNameClaim({ ...held, confirmedAt: this.deps.now().toISOString() }, _etag);
      return true;
    } catch (error) {
      if (error instanceof StaleVersionError) return false;
      throw error;
    }
  }

  /** IEV confirmed the details today. */
  async markChecked(actor: Actor, id: string): Promise<OrganisationEntry> {
    assertIev(actor);
    const today = dayOf(this.deps.now());
    const saved = await retryOnConflict(async () => {
      const found = await this.get(id);
      if (found.lastCheckedOn === today) return found;
      return this.deps.store.replace(
        { ...found, lastCheckedOn: today, updatedAt: this.deps.now().toISOString() },
        found._etag,
      );
    });
    return entryOf(saved, this.deps.now(), true);
  }

  /**
   * Adds every row of an imported file, or none: each row is checked (groups, dates, names already in the
   * directory or twice in the file) before anything is written, and every problem is reported with its row.
   * Each row is stored under an id made from `importId` and its row, so an import cut short (the database
   * unreachable) is finished, not doubled, by sending the same file again with the same `importId`.
   */
  async importRows(actor: Actor, file: OrganisationFile, importId: string): Promise<{ added: number }> {
    assertIev(actor);
    if (file.unreadable) throw new ValidationError(file.unreadable, [{ field: 'csv', message: file.unreadable }]);
    const { rows } = file;
    const prefix = `organisation-${importId}-`;
    const existing = (await this.deps.store.all()).filter((organisation) => !organisation.id.startsWith(prefix));
    if (existing.length + rows.length > MAX_ORGANISATIONS) throw tooMany();
    const taken = new Map(existing.map((organisation) => [organisation.searchName, 'the directory']));
    const problems: FieldProblem[] = [...file.problems];
    for (const { row, fields } of rows) {
      const field = `row-${row}`;
      const at = (message: string) => ({ field, message: `Row ${row}: ${message}` });
      problems.push(
        ...groupProblems(fields.groups, field).map((problem) => at(problem.message)),
        ...this.dateProblems(fields, field).map((problem) => at(problem.message)),
      );
      const name = searchNameOf(fields.name);
      const where = taken.get(name);
      if (where) problems.push(at(`\u201c${fields.name}\u201d is already in ${where}.`));
      else taken.set(name, `row ${row} of this file`);
    }
    // In the file's order, so a colleague can work down the spreadsheet.
    const rowOf = (problem: FieldProblem) => Number(problem.field.replace('row-', ''));
    if (problems.length > 0) throw importRefused([...problems].sort((a, b) => rowOf(a) - rowOf(b)));
    const adding = rows.map(({ row, fields }) => ({
      row,
      organisation: this.newOrganisation(`${prefix}${row}`, fields),
    }));
    // Each row holds its name as an add does, so an add of the same name at the same moment cannot both succeed.
    const held: Array<Versioned<NameClaim>> = [];
    for (const { row, organisation } of adding) {
      try {
        held.push(await this.holdName(organisation.searchName, organisation.id));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        await this.releaseAll(adding);
        throw importRefused([takenRow(row, organisation.name)]);
      }
    }
    for (const { organisation } of adding) await this.deps.store.create(organisation);
    const lost: FieldProblem[] = [];
    for (const [index, claim] of held.entries())
      if (!(await this.confirmName(claim))) lost.push(takenRow(adding[index]!.row, adding[index]!.organisation.name));
    if (lost.length > 0) {
      for (const { organisation } of adding) await this.deps.store.remove(organisation.id);
      await this.releaseAll(adding);
      throw importRefused(lost);
    }
    return { added: rows.length };
  }

  /**
   * For the bot: organisations that reach each of `groups`, those checked in the last year first, then the
   * most recently checked. Called for a host's own plan (the planning service has checked who is asking).
   */
  async suggestFor(groups: readonly string[]): Promise<SuggestionsByGroup> {
    if (groups.length === 0) return {};
    const today = this.deps.now();
    const all = await this.deps.store.all();
    const ranked = all
      .map((organisation) => ({ organisation, checkDue: isCheckDue(organisation.lastCheckedOn, today) }))
      .sort(
        (a, b) =>
          Number(a.checkDue) - Number(b.checkDue) ||
          (b.organisation.lastCheckedOn ?? '').localeCompare(a.organisation.lastCheckedOn ?? '') ||
          a.organisation.name.localeCompare(b.organisation.name, 'en-GB'),
      );
    return Object.fromEntries(
      groups.map((group) => [
        group,
        ranked
          .filter(({ organisation }) => organisation.groups.includes(group))
          .slice(0, SUGGESTIONS_PER_GROUP)
          .map(({ organisation, checkDue }) => ({
            name: organisation.name,
            areas: organisation.areas,
            contact: [organisation.phone, organisation.email, organisation.website].filter(Boolean).join(' \u00b7 '),
            checkDue,
          })),
      ]),
    );
  }

  private async get(id: string): Promise<Versioned<Organisation>> {
    const found = await this.deps.store.find(id);
    if (!found)
      throw new NotFoundError('That organisation is no longer in the directory. Reload the page to see the list.');
    return found;
  }

  private newOrganisation(id: string, fields: OrganisationFields): Organisation {
    const at = this.deps.now().toISOString();
    return {
      id,
      type: 'organisation',
      schemaVersion: 1,
      name: fields.name.trim(),
      searchName: searchNameOf(fields.name),
      groups: [...new Set(fields.groups)],
      areas: [...new Set(fields.areas)],
      email: fields.email,
      phone: fields.phone,
      website: fields.website,
      contactPerson: fields.contactPerson,
      notes: fields.notes,
      lastCheckedOn: fields.lastCheckedOn,
      createdAt: at,
      updatedAt: at,
    };
  }

  private dateProblems(fields: OrganisationFields, field: string): FieldProblem[] {
    return fields.lastCheckedOn && fields.lastCheckedOn > dayOf(this.deps.now())
      ? [{ field, message: 'The date last checked cannot be in the future.' }]
      : [];
  }
}

function entryOf(organisation: Versioned<Organisation>, today: Date, iev: boolean): OrganisationEntry {
  return {
    id: organisation.id,
    version: organisation._etag,
    name: organisation.name,
    groups: organisation.groups,
    areas: organisation.areas,
    email: organisation.email,
    phone: organisation.phone,
    website: organisation.website,
    ...(iev ? { contactPerson: organisation.contactPerson } : {}),
    notes: organisation.notes,
    lastCheckedOn: organisation.lastCheckedOn,
    checkDue: isCheckDue(organisation.lastCheckedOn, today),
  };
}

function groupProblems(groups: readonly string[], field: string): FieldProblem[] {
  const unknown = groups.filter((group) => !COMMUNITY_GROUPS.some((known) => known.value === group));
  return unknown.map((group) => ({
    field,
    message: `\u201c${group}\u201d is not one of the groups a plan can set out to reach.`,
  }));
}

function takenRow(row: number, name: string): FieldProblem {
  return { field: `row-${row}`, message: `Row ${row}: \u201c${name}\u201d is already in the directory.` };
}

function nameTaken(name: string): ValidationError {
  return new ValidationError('Please check the details marked below.', [{ field: 'name', message: sameName(name) }]);
}

function sameName(name: string): string {
  return `\u201c${name.trim()}\u201d is already in the directory. Edit that entry instead.`;
}

function tooMany(): ValidationError {
  return new ValidationError(
    `The directory holds at most ${MAX_ORGANISATIONS} organisations. Remove some that no longer work with us first.`,
  );
}

function assertIev(actor: Actor): void {
  if (!isIevMember(actor))
    throw new ForbiddenError('Only members of the IEV team can change the community organisations directory.');
}
