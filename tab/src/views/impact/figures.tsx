import type { CutFigures, ImpactReport } from '../../api.js';
import { TrendChart } from '../../components/impact-charts.js';
import { Empty } from '../../components/states.js';
import { formatDate } from '../../format.js';
import {
  capitalise,
  formatHours,
  hasHiddenCell,
  inWords,
  isShown,
  isZero,
  plural,
  quarterLabel,
} from './impact-format.js';
import { CountTable, CutTable, MoneyTable, WorkTable } from './impact-tables.js';
import { useImpactStyles } from './impact-styles.js';

/** The figures of one period, for the whole Trust or one service area. */
export function Figures({ report, serviceArea }: { report: ImpactReport; serviceArea: string | undefined }) {
  const styles = useImpactStyles();
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
  const pieces = report.byWork.filter((piece) => !serviceArea || piece.serviceArea === serviceArea);
  return (
    <>
      <p className={styles.intro} role="status">
        Figures for {period}. To protect people&rsquo;s privacy, any number from 1 to {report.threshold - 1} is shown as
        &ldquo;fewer than {report.threshold}&rdquo;, and another number may be hidden so it cannot be worked out from a
        total.
      </p>
      <Headlines cut={cut} />
      <CutTables cut={cut} />
      {cut.evaluations.partners.note && <p className={styles.note}>{cut.evaluations.partners.note}</p>}
      {!serviceArea && <TrustWideTables report={report} />}
      {pieces.length > 0 && <WorkTable pieces={pieces} />}
      <FigureNotes cut={cut} threshold={report.threshold} />
    </>
  );
}

function Headlines({ cut: { people, hours, work, money } }: { cut: CutFigures }) {
  const styles = useImpactStyles();
  return (
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
  );
}

function Headline({ figure, label, children }: { figure: string; label: string; children: string }) {
  const styles = useImpactStyles();
  return (
    <li className={styles.headline}>
      <span className={styles.figure}>{capitalise(figure)}</span>
      <strong>{label}</strong>
      <div>{children}</div>
    </li>
  );
}

/** The cut's figures, each group as a chart beside its table. */
function CutTables({ cut: { people, money, reach, evaluations } }: { cut: CutFigures }) {
  const styles = useImpactStyles();
  return (
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
  );
}

/** Quarter by quarter and area by area: for the whole Trust only. */
function TrustWideTables({ report }: { report: ImpactReport }) {
  const styles = useImpactStyles();
  return (
    <>
      {report.quarters.length > 1 && (
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
      {report.byServiceArea.length > 0 && (
        <CutTable
          caption="By service area"
          first="Service area"
          rows={report.byServiceArea.map((areaCut) => [areaCut.serviceArea, areaCut])}
        />
      )}
    </>
  );
}

function FigureNotes({ cut, threshold }: { cut: CutFigures; threshold: number }) {
  const styles = useImpactStyles();
  return (
    <>
      {hasHiddenCell(cut) && (
        <p className={styles.note}>
          &ldquo;Hidden&rdquo; means a number is not shown so that a number under {threshold} cannot be worked out from
          the total.
        </p>
      )}
      {cut.reach.categories.length === 0 && !isZero(cut.people.involved) && (
        <p className={styles.note}>
          The breakdown by age, disability, ethnic group and gender is not shown: too few people agreed to answer for it
          to be shared safely.
        </p>
      )}
    </>
  );
}
