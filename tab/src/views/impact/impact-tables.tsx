import type { Count, CutFigures, ImpactReport } from '../../api.js';
import { CountChart } from '../../components/impact-charts.js';
import { formatPounds } from '../../format.js';
import { formatHours, isZero } from './impact-format.js';
import { useImpactStyles } from './impact-styles.js';

/** The same figures for several cuts (quarters, service areas), one row each. */
export function CutTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: ReadonlyArray<readonly [string, Pick<CutFigures, 'people' | 'hours' | 'work' | 'money'>]>;
}) {
  const styles = useImpactStyles();
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
export function WorkTable({ pieces }: { pieces: ImpactReport['byWork'] }) {
  const styles = useImpactStyles();
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
export function CountTable({
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
  const styles = useImpactStyles();
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

export function MoneyTable({ money }: { money: ImpactReport['money'] }) {
  const styles = useImpactStyles();
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
