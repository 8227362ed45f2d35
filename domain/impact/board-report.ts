import { stringify } from 'csv-stringify/sync';
import { INCLUSION_GROUPS, PROTECTED_CHARACTERISTICS } from '../planning/plan-steps.js';
import type { CutFigures, ImpactReport, WorkCut } from './impact-report.js';
import type { Count } from './suppression.js';

/**
 * The board report: the period's figures as titled tables, the same for the CSV and the tagged PDF,
 * made only from the suppressed report (so neither file can hold a number the page does not show).
 */
export interface BoardTable {
  readonly title: string;
  readonly columns: readonly string[];
  /** The first cell of each row names it (a row header). */
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface BoardReport {
  readonly title: string;
  readonly period: { readonly from: string; readonly to: string };
  /** "1 April 2026 to 31 March 2027" and whose figures: the Trust, or one service area. */
  readonly subtitle: string;
  readonly suppressionNote: string;
  readonly sections: ReadonlyArray<{ readonly heading: string; readonly tables: readonly BoardTable[] }>;
}

const GROUP_TITLES = new Map([...PROTECTED_CHARACTERISTICS, ...INCLUSION_GROUPS].map((c) => [c.value, c.title]));

export function suppressionNote(threshold: number): string {
  return (
    `Small numbers are suppressed so that nobody can be identified: a count of 1 to ${threshold - 1} people is shown as ` +
    `"fewer than ${threshold}", and "hidden" marks a count hidden so that it cannot be worked out by subtraction from ` +
    'other figures in this report (totals, service areas, pieces of work and quarters). Money and speed of payment ' +
    `are not shown when fewer than ${threshold} claims were paid. Pieces of work are not people and are not suppressed.`
  );
}

type Section = BoardReport['sections'][number];

/** The report for the Trust, or for one service area when `serviceArea` is given (a channel tab pinned for it). */
export function boardReport(report: ImpactReport, serviceArea?: string): BoardReport {
  const area = serviceArea ? report.byServiceArea.find((cut) => cut.serviceArea === serviceArea) : undefined;
  if (serviceArea && !area) return areaWithoutFigures(report, serviceArea);
  const figures: CutFigures = area ?? report;
  const scope = serviceArea ? serviceArea : 'the whole Trust';
  const work = report.byWork.filter((piece) => !serviceArea || piece.serviceArea === serviceArea);
  const sections: Section[] = [
    { heading: 'Headline figures', tables: [headlines(figures)] },
    whoTookPart(figures),
    howWellItWorked(figures),
  ];
  if (!serviceArea && report.byServiceArea.length > 0) sections.push(byServiceArea(report));
  if (work.length > 0) sections.push(workAgainstItsGroups(work));
  if (!serviceArea && report.quarters.length > 1) sections.push(quarterByQuarter(report));
  return { ...titleBlock(report, scope), sections };
}

function titleBlock(report: ImpactReport, scope: string): Omit<BoardReport, 'sections'> {
  return {
    title: `Is involvement working? Board report for ${scope}`,
    period: report.period,
    subtitle: `${longDate(report.period.from)} to ${longDate(report.period.to)}, ${scope}`,
    suppressionNote: suppressionNote(report.threshold),
  };
}

/** A service area with no sessions or paid claims in the period has no cut in the report: say so. */
function areaWithoutFigures(report: ImpactReport, serviceArea: string): BoardReport {
  return {
    ...titleBlock(report, serviceArea),
    sections: [
      {
        heading: 'Headline figures',
        tables: [
          {
            title: 'No sessions or paid claims in this service area in the period',
            columns: ['Figure', 'Value'],
            rows: [],
          },
        ],
      },
    ],
  };
}

function whoTookPart(figures: CutFigures): Section {
  return {
    heading: 'Who took part (equality monitoring)',
    tables: [
      {
        title: 'Agreed to equality monitoring',
        columns: ['', 'People'],
        rows: [
          ['Agreed', text(figures.reach.agreed)],
          ['Did not agree', text(figures.reach.notAgreed)],
        ],
      },
      ...figures.reach.categories.map((category) => ({
        title: category.label,
        columns: ['Answer', 'People'],
        rows: category.groups.map((group) => [group.answer, text(group.count)]),
      })),
    ],
  };
}

function howWellItWorked(figures: CutFigures): Section {
  return {
    heading: 'How well involving people worked',
    tables: [
      {
        title: 'Hosts\u2019 rating when closing their work',
        columns: ['Rating', 'Pieces of work'],
        rows: [
          ...figures.evaluations.hosts.ratings.map((row) => [row.label, text(row.count)]),
          ['All rated', text(figures.evaluations.hosts.rated)],
        ],
      },
      ...partnersTables(figures.evaluations.partners),
    ],
  };
}

function byServiceArea(report: ImpactReport): Section {
  return {
    heading: 'By service area',
    tables: [
      {
        title: 'Figures by service area',
        columns: ['Service area', ...CUT_COLUMNS],
        rows: report.byServiceArea.map((cut) => [cut.serviceArea, ...cutRow(cut)]),
      },
    ],
  };
}

function workAgainstItsGroups(work: readonly WorkCut[]): Section {
  return {
    heading: 'Pieces of work and the groups they set out to reach',
    tables: [
      {
        title: 'Pieces of work with sessions in the period',
        columns: ['Piece of work', 'Groups it set out to reach', 'People', 'New faces', 'Told people what changed'],
        rows: work.map((piece) => [
          piece.title,
          piece.groupsToReach.map((group) => GROUP_TITLES.get(group) ?? group).join('; ') || 'None chosen',
          text(piece.people.involved),
          text(piece.people.newFaces),
          piece.feedbackRecorded ? 'Yes' : 'Not yet',
        ]),
      },
    ],
  };
}

function quarterByQuarter(report: ImpactReport): Section {
  return {
    heading: 'Quarter by quarter',
    tables: [
      {
        title: 'The same figures for each quarter',
        columns: ['Quarter', ...CUT_COLUMNS],
        rows: report.quarters.map((quarter) => [
          `${longDate(quarter.period.from)} to ${longDate(quarter.period.to)}`,
          ...cutRow(quarter),
        ]),
      },
    ],
  };
}

function headlines(figures: CutFigures): BoardTable {
  const { people, hours, work, money } = figures;
  const notShown = 'not shown (too few)';
  return {
    title: 'Headline figures',
    columns: ['Figure', 'Value'],
    rows: [
      ['People who took part', text(people.involved)],
      ['New faces', text(people.newFaces)],
      ['Returning', text(people.returning)],
      ['Sessions', String(hours.sessions)],
      ['Hours given by partners', hours.partnerHours === undefined ? notShown : String(hours.partnerHours)],
      ['Pieces of work with sessions', String(work.withSessions)],
      ['Of which told people what changed', String(work.closedLoop)],
      ['Claims paid', text(money.claimsPaid)],
      ['Expenses paid back', pounds(money.expensesPence) ?? notShown],
      ['Involvement payments', pounds(money.paymentsPence) ?? notShown],
      [
        'Median days from claim to payment',
        money.medianDaysToPay === undefined ? notShown : String(money.medianDaysToPay),
      ],
      [
        `Paid within ${money.targetDays} days`,
        money.paidWithinTargetPercent === undefined ? notShown : `${money.paidWithinTargetPercent}%`,
      ],
    ],
  };
}

/** Partners' own "how was it for you?": how many answered (or why nothing is shown), then each question. */
function partnersTables(partners: CutFigures['evaluations']['partners']): BoardTable[] {
  return [
    {
      title: 'Partners\u2019 own view: who answered \u201cHow was it for you?\u201d',
      columns: ['Figure', 'Value'],
      rows: [['Partners who answered', text(partners.answered)], ...(partners.note ? [['Note', partners.note]] : [])],
    },
    ...partners.questions.map((question) => ({
      title: `Partners\u2019 own view: ${question.label}`,
      columns: ['Answer', 'Partners'],
      rows: [
        ...question.answers.map((answer) => [answer.label, text(answer.count)]),
        ['All who answered', text(partners.answered)],
      ],
    })),
  ];
}

/** The columns of `cutRow`, after the row's name. */
const CUT_COLUMNS = ['People', 'New faces', 'Returning', 'Partner hours', 'Work that fed back', 'Claims paid'];

function cutRow(cut: Pick<CutFigures, 'people' | 'hours' | 'work' | 'money'>): string[] {
  return [
    text(cut.people.involved),
    text(cut.people.newFaces),
    text(cut.people.returning),
    cut.hours.partnerHours === undefined ? 'not shown' : String(cut.hours.partnerHours),
    `${cut.work.closedLoop} of ${cut.work.withSessions}`,
    text(cut.money.claimsPaid),
  ];
}

function text(count: Count): string {
  return count.text;
}

function pounds(pence: number | undefined): string | undefined {
  return pence === undefined
    ? undefined
    : `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function longDate(day: string): string {
  return new Date(`${day}T12:00:00.000Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The CSV: a title block with the suppression note, then each table under its title, a blank line between. */
export function boardReportCsv(board: BoardReport): string {
  const lines: string[][] = [[board.title], [board.subtitle], [board.suppressionNote]];
  for (const section of board.sections) {
    for (const table of section.tables) {
      // A section with one table of the same name (the headline figures) is named once.
      const name = table.title === section.heading ? table.title : `${section.heading}: ${table.title}`;
      lines.push([], [name], [...table.columns], ...table.rows.map((row) => [...row]));
    }
  }
  // As the payments export: a work title typed by a host that starts with = + - @ stays text in a spreadsheet.
  return stringify(lines, { escape_formulas: true, record_delimiter: 'windows' });
}
