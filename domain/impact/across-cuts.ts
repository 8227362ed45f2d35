import type { CutFigures, ReportOptions } from './cut-figures.js';
import { HIDDEN_IN_WHOLE, type Suppressed } from './cut-counts.js';
import { moneyOf } from './money-and-days-to-pay.js';
import { partnerEvaluationsTooFew } from './partner-answers.js';
import { isShown, suppressRelated, type Cell, type Count, type SumRelation } from './suppression.js';
import type { WorkFigures } from './work-against-target-groups.js';

/** The published counts of one cut, as cells a reader could add up or subtract. */
interface CutCells {
  readonly people: { readonly involved: Cell; readonly newFaces: Cell; readonly returning: Cell };
  readonly consent: { readonly agreed: Cell; readonly notAgreed: Cell };
  readonly claimsPaid: Cell;
  readonly rated: Cell;
  readonly ratings: ReadonlyMap<string, Cell>;
  /** Question key → answer → cell; an answer not published (no breakdown shown) is a hidden cell. */
  readonly categories: ReadonlyMap<string, ReadonlyMap<string, Cell>>;
  /** Partners' own evaluations: how many answered, and each question's answers (as `categories`). */
  readonly answered: Cell;
  readonly partnerAnswers: ReadonlyMap<string, ReadonlyMap<string, Cell>>;
}

export type AreaCut = Suppressed & { readonly workIds: ReadonlySet<string> };

/**
 * Disclosure by difference across several cuts at once. The service areas make up the Trust, and the
 * pieces of work make up their area and the Trust: shown side by side, three areas could give back a
 * fourth's hidden count by subtraction from the Trust's. Every one of those sums goes through the
 * secondary rule together with the sums inside each cut, until no sum has exactly one hidden count.
 * People who took part in two areas are counted in both, so for people a sum is an upper bound; it is
 * treated as exact, which hides more rather than less. The Trust's figures were worked out first (every
 * cut was suppressed against them): here they are only ever a fixed total, so what they show stays.
 */
export function suppressAcrossCuts(
  trust: Suppressed,
  areas: readonly AreaCut[],
  works: readonly WorkFigures[],
  options: ReportOptions,
): { readonly areas: readonly CutFigures[]; readonly works: ReadonlyArray<CutFigures['people']> } {
  const trustCells = cellsOf(trust);
  const areaCells = areas.map(cellsOf);
  const workCells = works.map(({ raw, figures }) => cellsOf({ raw, shown: figures }));
  suppressRelated([
    ...areaCells.flatMap((cells) => withinCut(cells, 'all')),
    ...workCells.flatMap((cells) => withinCut(cells, 'people')),
    ...acrossCuts(trustCells, areaCells, 'all', true),
    ...acrossCuts(trustCells, workCells, 'people', true),
    ...areas.flatMap((area, index) =>
      acrossCuts(
        areaCells[index]!,
        workCells.filter((_, workIndex) => area.workIds.has(works[workIndex]!.piece.id)),
        'people',
        false,
      ),
    ),
  ]);
  return {
    areas: areas.map((area, index) => withCells(area.shown, areaCells[index]!, options)),
    works: workCells.map((cells) => ({
      involved: cells.people.involved.count,
      newFaces: cells.people.newFaces.count,
      returning: cells.people.returning.count,
    })),
  };
}

function cell(value: number, count: Count): Cell {
  return { value, count };
}

function cellsOf({ raw, shown }: Suppressed): CutCells {
  return {
    people: {
      involved: cell(raw.people.newFaces + raw.people.returning, shown.people.involved),
      newFaces: cell(raw.people.newFaces, shown.people.newFaces),
      returning: cell(raw.people.returning, shown.people.returning),
    },
    consent: {
      agreed: cell(raw.consent.agreed, shown.reach.agreed),
      notAgreed: cell(raw.consent.notAgreed, shown.reach.notAgreed),
    },
    claimsPaid: cell(raw.claims.length, shown.money.claimsPaid),
    rated: cell(
      Object.values(raw.ratings).reduce((sum, value) => sum + value, 0),
      shown.evaluations.hosts.rated,
    ),
    ratings: new Map(
      shown.evaluations.hosts.ratings.map((row) => [row.rating, cell(raw.ratings[row.rating] ?? 0, row.count)]),
    ),
    categories: answerCells(raw.categories, (key, answer) =>
      shown.reach.categories.find((category) => category.key === key)?.groups.find((group) => group.answer === answer),
    ),
    answered: cell(raw.partnerAnswers.answered, shown.evaluations.partners.answered),
    partnerAnswers: answerCells(raw.partnerAnswers.questions, (key, answer) =>
      shown.evaluations.partners.questions
        .find((question) => question.key === key)
        ?.answers.find((row) => row.value === answer),
    ),
  };
}

/** Question key → answer → cell, with what was published for it; an answer not published is hidden (or 0). */
function answerCells(
  tallies: ReadonlyMap<string, Record<string, number>>,
  published: (key: string, answer: string) => { readonly count: Count } | undefined,
): ReadonlyMap<string, ReadonlyMap<string, Cell>> {
  return new Map(
    [...tallies].map(([key, tally]) => [
      key,
      new Map(
        Object.entries(tally).map(([answer, value]) => [
          answer,
          cell(value, published(key, answer)?.count ?? (value === 0 ? { value: 0, text: '0' } : HIDDEN_IN_WHOLE)),
        ]),
      ),
    ]),
  );
}

type Scope = 'people' | 'all';

/** The cells a cut publishes, by a key shared across cuts: pieces of work show only people. */
function keyed(cells: CutCells, scope: Scope): Map<string, Cell> {
  const out = new Map<string, Cell>(Object.entries(cells.people));
  if (scope === 'people') return out;
  out.set('claimsPaid', cells.claimsPaid);
  out.set('agreed', cells.consent.agreed);
  out.set('notAgreed', cells.consent.notAgreed);
  out.set('rated', cells.rated);
  for (const [rating, cell] of cells.ratings) out.set(`rating:${rating}`, cell);
  for (const [key, answers] of cells.categories)
    for (const [answer, cell] of answers) out.set(`answer:${key}:${answer}`, cell);
  out.set('answered', cells.answered);
  for (const [key, answers] of cells.partnerAnswers)
    for (const [answer, cell] of answers) out.set(`partner:${key}:${answer}`, cell);
  return out;
}

function withinCut(cells: CutCells, scope: Scope): SumRelation[] {
  const { people, consent } = cells;
  const relations: SumRelation[] = [{ total: people.involved, parts: [people.newFaces, people.returning] }];
  if (scope !== 'all') return relations;
  relations.push({ total: people.involved, parts: [consent.agreed, consent.notAgreed] });
  relations.push({ total: cells.rated, parts: [...cells.ratings.values()] });
  for (const answers of cells.categories.values())
    relations.push({ total: consent.agreed, parts: [...answers.values()] });
  for (const answers of cells.partnerAnswers.values())
    relations.push({ total: cells.answered, parts: [...answers.values()] });
  return relations;
}

/** Cuts that between them make up a whole (the service areas of the Trust): each shared key is a sum. */
function acrossCuts(whole: CutCells, parts: readonly CutCells[], scope: Scope, fixedTotal: boolean): SumRelation[] {
  if (parts.length === 0) return [];
  const total = keyed(whole, scope);
  const byKey = parts.map((part) => keyed(part, scope));
  return [...total].map(([key, cell]) => ({
    total: cell,
    parts: byKey.map((part) => part.get(key)).filter((part): part is Cell => part !== undefined),
    fixedTotal,
  }));
}

/** A cut's figures with the counts the cross-cut rule left, and what follows from them (hours, amounts, breakdowns). */
function withCells(figures: CutFigures, cells: CutCells, options: ReportOptions): CutFigures {
  const involved = cells.people.involved.count;
  const agreed = cells.consent.agreed.count;
  const claimsPaid = cells.claimsPaid.count;
  return {
    ...figures,
    people: { involved, newFaces: cells.people.newFaces.count, returning: cells.people.returning.count },
    hours: isShown(involved) ? figures.hours : { ...figures.hours, partnerHours: undefined },
    reach: {
      agreed,
      notAgreed: cells.consent.notAgreed.count,
      categories: isShown(agreed)
        ? figures.reach.categories.map((category) => ({
            ...category,
            groups: category.groups.map((group) => ({
              answer: group.answer,
              count: cells.categories.get(category.key)?.get(group.answer)?.count ?? group.count,
            })),
          }))
        : [],
    },
    money: claimsPaid === figures.money.claimsPaid ? figures.money : moneyOf([], claimsPaid, options),
    evaluations: {
      partners: partnersWithCells(figures.evaluations.partners, cells, options.threshold),
      hosts: {
        rated: cells.rated.count,
        ratings: figures.evaluations.hosts.ratings.map((row) => ({
          ...row,
          count: cells.ratings.get(row.rating)?.count ?? row.count,
        })),
      },
    },
  };
}

function partnersWithCells(
  partners: CutFigures['evaluations']['partners'],
  cells: CutCells,
  threshold: number,
): CutFigures['evaluations']['partners'] {
  const answered = cells.answered.count;
  if (!isShown(answered)) return { answered, questions: [], note: partnerEvaluationsTooFew(threshold) };
  return {
    ...partners,
    answered,
    questions: partners.questions.map((question) => ({
      ...question,
      answers: question.answers.map((row) => ({
        ...row,
        count: cells.partnerAnswers.get(question.key)?.get(row.value)?.count ?? row.count,
      })),
    })),
  };
}
