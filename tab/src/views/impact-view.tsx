import { Button, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { api, API, downloadFile, urlFor, type Count, type CutFigures, type ImpactReport } from '../api.js';
import { CountChart, TrendChart } from '../components/impact-charts.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { formatDate, formatPounds } from '../format.js';

interface PeriodChoice {
  readonly id: string;
  readonly label: string;
  readonly from?: string;
  readonly to?: string;
}

const useStyles = makeStyles({
  intro: { margin: '0 0 12px', maxWidth: '70ch' },
  picker: { maxWidth: '320px', marginBottom: '16px' },
  pickers: { display: 'flex', flexWrap: 'wrap', columnGap: '16px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', margin: '0 0 16px' },
  wide: { overflowX: 'auto', marginTop: '24px' },
  headlines: {
    listStyleType: 'none',
    margin: '0 0 24px',
    padding: 0,
    display: 'grid',
    gap: '12px',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
  },
  headline: {
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  figure: {
    display: 'block',
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  tables: {
    display: 'grid',
    gap: '24px',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
    alignItems: 'start',
  },
  table: { borderCollapse: 'collapse', width: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    padding: '4px 0 8px',
  },
  cell: {
    textAlign: 'start',
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  number: {
    textAlign: 'end',
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
  },
  // A chart and the table of the same figures, together.
  panel: {
    display: 'grid',
    gap: '8px',
    minWidth: 0,
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  note: { color: tokens.colorNeutralForeground2, margin: '8px 0 0' },
});

/** "Is it working?" (journey 8): reach, new faces, hours, feedback loop, money and speed, with small numbers suppressed. */
export function ImpactView({
  from,
  to,
  area,
  areas,
}: {
  from?: string | undefined;
  to?: string | undefined;
  /** A channel tab pinned for one service area opens on that area's figures (#/impact?area=…). */
  area?: string | undefined;
  areas: readonly string[];
}) {
  const styles = useStyles();
  const [serviceArea, setServiceArea] = useState(area ?? '');
  const [downloadError, setDownloadError] = useState<unknown>();
  const choices = useMemo(() => [...linkedPeriod(from, to), ...periodChoices(new Date())], [from, to]);
  const [choiceId, setChoiceId] = useState(choices[0]!.id);
  const [report, setReport] = useState<ImpactReport>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const choice = choices.find((candidate) => candidate.id === choiceId) ?? choices[0]!;
    let current = true;
    setReport(undefined);
    setError(undefined);
    api(API.impact, { query: { from: choice.from, to: choice.to } }).then(
      (found) => current && setReport(found),
      (failure: unknown) => current && setError(failure),
    );
    // A slower answer for an earlier choice must not replace the newer one.
    return () => {
      current = false;
    };
  }, [choiceId, choices, attempt]);

  return (
    <section aria-labelledby="impact-heading">
      <h2 id="impact-heading">Is it working?</h2>
      <p className={styles.intro}>
        Who took part in involvement work, how much time they gave, whether they heard back, and how quickly they were
        paid.
      </p>
      <div className={styles.pickers}>
        <Field label="Period" className={styles.picker}>
          <Select value={choiceId} onChange={(_, data) => setChoiceId(data.value)}>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Whose figures" className={styles.picker}>
          <Select value={serviceArea} onChange={(_, data) => setServiceArea(data.value)}>
            <option value="">The whole Trust</option>
            {[...new Set([...areas, ...(area ? [area] : [])])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {report && (
        <div className={styles.actions}>
          {(['pdf', 'csv'] as const).map((format) => (
            <Button
              key={format}
              onClick={() => {
                setDownloadError(undefined);
                downloadFile(
                  urlFor(API.impactBoardReport, {
                    query: { ...report.period, format, serviceArea: serviceArea || undefined },
                  }),
                ).catch(setDownloadError);
              }}
            >
              {format === 'pdf' ? 'Board report (PDF)' : 'Board report (CSV)'}
            </Button>
          ))}
        </div>
      )}
      {downloadError !== undefined && <ErrorMessage error={downloadError} />}
      {error !== undefined && <ErrorMessage error={error} onRetry={() => setAttempt((value) => value + 1)} />}
      {error === undefined && !report && <Loading label="Working out the figures" />}
      {report && <Figures report={report} serviceArea={serviceArea || undefined} />}
    </section>
  );
}

function Figures({ report, serviceArea }: { report: ImpactReport; serviceArea: string | undefined }) {
  const styles = useStyles();
  const [from, to] = [formatDate(report.period.from), formatDate(report.period.to)];
  const period = serviceArea ? `${serviceArea}, ${from} to ${to}` : `${from} to ${to}`;
  const cut: CutFigures | undefined = serviceArea
    ? report.byServiceArea.find((candidate) => candidate.serviceArea === serviceArea)
    : report;
  if (!cut || (isZero(cut.people.involved) && isZero(cut.money.claimsPaid) && cut.work.withSessions === 0)) {
    return (
      <Empty>
        No sessions were logged and no claims were paid {serviceArea ? `in ${serviceArea} ` : ''}between {from} and {to}
        . Figures appear here once hosts log sessions with the Involvement Hub bot.
      </Empty>
    );
  }
  const { people, hours, work, money, reach, evaluations } = cut;
  const pieces = report.byWork.filter((piece) => !serviceArea || piece.serviceArea === serviceArea);
  return (
    <>
      <p className={styles.intro} role="status">
        Figures for {period}. To protect people&rsquo;s privacy, any number from 1 to {report.threshold - 1} is shown as
        &ldquo;fewer than {report.threshold}&rdquo;, and another number may be hidden so it cannot be worked out from a
        total.
      </p>
      <ul className={styles.headlines} aria-label="Headline figures">
        <Headline figure={people.involved.text} label="people took part">
          {isShown(people.involved)
            ? `${inWords(people.newFaces, 'new faces')}, ${inWords(people.returning, 'returning')}`
            : 'Too few to break down'}
        </Headline>
        <Headline
          figure={hours.partnerHours === undefined ? 'Not shown' : formatHours(hours.partnerHours)}
          label="hours given by partners"
        >
          {`Across ${plural(hours.sessions, 'session')}`}
        </Headline>
        <Headline figure={`${work.closedLoop} of ${work.withSessions}`} label="pieces of work told people what changed">
          Work with sessions in the period that recorded how outcomes were fed back
        </Headline>
        <Headline
          figure={money.medianDaysToPay === undefined ? 'Not shown' : plural(money.medianDaysToPay, 'day')}
          label="typical time to pay a claim"
        >
          {money.paidWithinTargetPercent !== undefined
            ? `${money.paidWithinTargetPercent}% paid within the ${money.targetDays}-day target`
            : isZero(money.claimsPaid)
              ? 'No claims were paid in this period'
              : `${capitalise(money.claimsPaid.text)} claims were paid: too few to show`}
        </Headline>
      </ul>
      <div className={styles.tables}>
        <CountTable
          caption="New faces and returning ones"
          heading="People"
          rows={[
            ['New this period', people.newFaces],
            ['Took part before too', people.returning],
          ]}
          total={people.involved}
        />
        <MoneyTable money={money} />
        <CountTable
          caption="Equality monitoring"
          heading="People"
          rows={[
            ['Agreed to answer', reach.agreed],
            ['Did not agree, or no longer on the register', reach.notAgreed],
          ]}
          total={people.involved}
        />
        {reach.categories.map((category) => (
          <CountTable
            key={category.key}
            caption={`${category.label} (people who agreed to answer)`}
            heading="People"
            rows={category.groups.map((group) => [group.answer, group.count])}
            total={reach.agreed}
          />
        ))}
        <CountTable
          caption="How well involving people worked (hosts' rating when closing their work)"
          heading="Pieces of work"
          rows={evaluations.hosts.ratings.map((row) => [row.label, row.count])}
          total={evaluations.hosts.rated}
        />
        {evaluations.partners.questions.map((question) => (
          <CountTable
            key={question.key}
            caption={`${question.label} (partners' own answers to "How was it for you?")`}
            heading="Partners"
            rows={question.answers.map((answer) => [answer.label, answer.count])}
            total={evaluations.partners.answered}
          />
        ))}
      </div>
      {evaluations.partners.note && <p className={styles.note}>{evaluations.partners.note}</p>}
      {!serviceArea && report.quarters.length > 1 && (
        <div className={styles.wide}>
          <TrendChart
            legend="People who took part"
            points={report.quarters.map((quarter) => ({
              label: quarterLabel(quarter.period),
              count: quarter.people.involved,
            }))}
          />
          <CutTable
            caption="Quarter by quarter"
            first="Quarter"
            rows={report.quarters.map((quarter) => [
              `${formatDate(quarter.period.from)} to ${formatDate(quarter.period.to)}`,
              quarter,
            ])}
          />
        </div>
      )}
      {!serviceArea && report.byServiceArea.length > 0 && (
        <CutTable
          caption="By service area"
          first="Service area"
          rows={report.byServiceArea.map((areaCut) => [areaCut.serviceArea, areaCut])}
        />
      )}
      {pieces.length > 0 && <WorkTable pieces={pieces} />}
      {hasHiddenCell(cut) && (
        <p className={styles.note}>
          &ldquo;Hidden&rdquo; means a number is not shown so that a number under {report.threshold} cannot be worked
          out from the total.
        </p>
      )}
      {reach.categories.length === 0 && !isZero(people.involved) && (
        <p className={styles.note}>
          The breakdown by age, disability, ethnic group and gender is not shown: too few people agreed to answer for it
          to be shared safely.
        </p>
      )}
    </>
  );
}

function Headline({ figure, label, children }: { figure: string; label: string; children: string }) {
  const styles = useStyles();
  return (
    <li className={styles.headline}>
      <span className={styles.figure}>{capitalise(figure)}</span>
      <strong>{label}</strong>
      <div>{children}</div>
    </li>
  );
}

/** The same figures for several cuts (quarters, service areas), one row each. */
function CutTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: ReadonlyArray<readonly [string, Pick<CutFigures, 'people' | 'hours' | 'work' | 'money'>]>;
}) {
  const styles = useStyles();
  const columns = ['People', 'New faces', 'Returning', 'Partner hours', 'Work that fed back', 'Claims paid'];
  return (
    <div className={styles.wide}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {[first, ...columns].map((column, index) => (
              <th key={column} scope="col" className={index === 0 ? styles.cell : styles.number}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, figures]) => (
            <tr key={label}>
              <th scope="row" className={styles.cell}>
                {label}
              </th>
              <td className={styles.number}>{figures.people.involved.text}</td>
              <td className={styles.number}>{figures.people.newFaces.text}</td>
              <td className={styles.number}>{figures.people.returning.text}</td>
              <td className={styles.number}>
                {figures.hours.partnerHours === undefined ? 'Not shown' : formatHours(figures.hours.partnerHours)}
              </td>
              <td className={styles.number}>{`${figures.work.closedLoop} of ${figures.work.withSessions}`}</td>
              <td className={styles.number}>{figures.money.claimsPaid.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each piece of work against the groups it set out to reach. */
function WorkTable({ pieces }: { pieces: ImpactReport['byWork'] }) {
  const styles = useStyles();
  return (
    <div className={styles.wide}>
      <table className={styles.table}>
        <caption className={styles.caption}>Pieces of work and the groups they set out to reach</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              Piece of work
            </th>
            <th scope="col" className={styles.number}>
              People
            </th>
            <th scope="col" className={styles.cell}>
              Of the groups it set out to reach
            </th>
            <th scope="col" className={styles.cell}>
              Told people what changed
            </th>
          </tr>
        </thead>
        <tbody>
          {pieces.map((piece) => (
            <tr key={piece.id}>
              <th scope="row" className={styles.cell}>
                {piece.title}
              </th>
              <td className={styles.number}>{piece.people.involved.text}</td>
              <td className={styles.cell}>
                {piece.groupsToReach.length === 0
                  ? 'No groups chosen'
                  : piece.reached.length === 0
                    ? 'Too few people agreed to answer to say'
                    : piece.reached
                        .map(
                          (category) =>
                            `${category.label}: ${category.groups
                              .filter((group) => !isZero(group.count))
                              .map((group) => `${group.answer} ${group.count.text}`)
                              .join(', ')}`,
                        )
                        .join('; ')}
              </td>
              <td className={styles.cell}>{piece.feedbackRecorded ? 'Yes' : 'Not yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A chart of the shown counts, and the table of every count (suppressed ones in words) beside it. */
function CountTable({
  caption,
  heading,
  rows,
  total,
}: {
  caption: string;
  heading: string;
  rows: ReadonlyArray<readonly [string, Count]>;
  total: Count;
}) {
  const styles = useStyles();
  return (
    <div className={styles.panel}>
      <CountChart rows={rows.map(([label, count]) => ({ label, count }))} />
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              Group
            </th>
            <th scope="col" className={styles.number}>
              {heading}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row" className={styles.cell}>
                {label}
              </th>
              <td className={styles.number}>{count.text}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className={styles.cell}>
              Total
            </th>
            <td className={styles.number}>{total.text}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function MoneyTable({ money }: { money: ImpactReport['money'] }) {
  const styles = useStyles();
  const amount = (pence: number | undefined) => (pence === undefined ? 'Not shown' : formatPounds(pence));
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>Money paid to partners</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.cell}>
            Kind
          </th>
          <th scope="col" className={styles.number}>
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" className={styles.cell}>
            Expenses paid back
          </th>
          <td className={styles.number}>{amount(money.expensesPence)}</td>
        </tr>
        <tr>
          <th scope="row" className={styles.cell}>
            Involvement payments
          </th>
          <td className={styles.number}>{amount(money.paymentsPence)}</td>
        </tr>
        <tr>
          <th scope="row" className={styles.cell}>
            Claims paid
          </th>
          <td className={styles.number}>{money.claimsPaid.text}</td>
        </tr>
      </tbody>
      {money.expensesPence === undefined && !isZero(money.claimsPaid) && (
        <tfoot>
          <tr>
            <td colSpan={2} className={styles.cell}>
              Amounts are not shown when fewer than 5 claims were paid, so nobody&rsquo;s payment can be recognised.
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** A period given in the link (#/impact?from=YYYY-MM-DD&to=YYYY-MM-DD), offered first so it can be shared. */
function linkedPeriod(from: string | undefined, to: string | undefined): PeriodChoice[] {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!from || !to || !day.test(from) || !day.test(to)) return [];
  return [{ id: 'linked', label: `${formatDate(from)} to ${formatDate(to)}`, from, to }];
}

/** The last 12 months, then the last four calendar quarters (most recent first). */
export function periodChoices(today: Date): PeriodChoice[] {
  const choices: PeriodChoice[] = [{ id: 'last-12-months', label: 'The last 12 months' }];
  const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
  let year = today.getUTCFullYear();
  let quarter = Math.floor(today.getUTCMonth() / 3);
  for (let index = 0; index < 4; index += 1) {
    const start = new Date(Date.UTC(year, quarter * 3, 1));
    const end = new Date(Date.UTC(year, quarter * 3 + 3, 0));
    const label = `${month.format(start)} to ${month.format(end)} ${year}${index === 0 ? ' (so far)' : ''}`;
    choices.push({
      id: `${year}-q${quarter + 1}`,
      label,
      from: start.toISOString().slice(0, 10),
      to: (index === 0 ? today : end).toISOString().slice(0, 10),
    });
    quarter -= 1;
    if (quarter < 0) {
      quarter = 3;
      year -= 1;
    }
  }
  return choices;
}

/** "Q1 2026 (Jan–Mar)", or the first and last day when the period cuts the quarter short. */
function quarterLabel(period: { from: string; to: string }): string {
  const month = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
  const [from, to] = [new Date(`${period.from}T12:00:00Z`), new Date(`${period.to}T12:00:00Z`)];
  const whole = period.from.endsWith('-01') && new Date(to.getTime() + 86_400_000).getUTCDate() === 1;
  return whole
    ? `Q${Math.floor(from.getUTCMonth() / 3) + 1} ${to.getUTCFullYear()} (${month.format(from)}\u2013${month.format(to)})`
    : `${formatDate(period.from)} \u2013 ${formatDate(period.to)}`;
}

/** "9 new faces", "fewer than 5 returning", "new faces hidden". */
function inWords(count: Count, noun: string): string {
  return 'suppressed' in count && count.suppressed === 'secondary' ? `${noun} hidden` : `${count.text} ${noun}`;
}

function hasHiddenCell(cut: CutFigures): boolean {
  const counts = [
    cut.people.newFaces,
    cut.people.returning,
    cut.reach.agreed,
    cut.reach.notAgreed,
    ...cut.reach.categories.flatMap((category) => category.groups.map((group) => group.count)),
  ];
  return counts.some((count) => 'suppressed' in count && count.suppressed === 'secondary');
}

function isShown(count: Count): boolean {
  return 'value' in count;
}

function isZero(count: Count): boolean {
  return 'value' in count && count.value === 0;
}

function plural(value: number, word: string): string {
  return `${value.toLocaleString('en-GB')} ${word}${value === 1 ? '' : 's'}`;
}

function formatHours(hours: number): string {
  return hours.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
