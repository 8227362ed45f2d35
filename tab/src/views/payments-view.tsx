import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api, API, ApiError, downloadFile as download, type PaymentBatch } from '../api.js';
import { useListRowStyles } from '../components/list-rows.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { CLAIM_STATUS_LABEL, formatDate, formatPounds } from '../format.js';
import { linkTo } from '../router.js';
import { useApiResource } from '../use-api-resource.js';
import { DecisionNotice, type ClaimNotice } from './claim-decision.js';
import { CLAIMS_CHANGED } from './claims-view.js';

const UNAVAILABLE = {
  color: tokens.colorNeutralForeground3,
  backgroundColor: tokens.colorTransparentBackground,
  border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStrokeAccessible}`,
};

const useStyles = makeStyles({
  panel: {
    padding: '12px 16px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    marginBottom: '16px',
    display: 'grid',
    gap: '8px',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'end' },
  start: { justifySelf: 'start' },
  /**
   * Fluent's disabled colours are green in Teams' high-contrast theme (`hcDisabled`, Windows' GrayText), which
   * reads as "go" on the one button that cannot be pressed. Outlined in the theme's own quieter text colour
   * instead: grey in light and dark, white dashed on black in high contrast, never filled like the live button.
   */
  unavailable: { ...UNAVAILABLE, ':hover': UNAVAILABLE, ':hover:active': UNAVAILABLE },
});

const today = () => new Date().toISOString().slice(0, 10);

/** Both finance files of a batch, or only those with rows. */
async function downloadBatchFiles(batch: PaymentBatch, all = false): Promise<void> {
  if (all || batch.totals.expensesPence > 0) await download(batch.links.expenses);
  if (all || batch.totals.paymentsPence > 0) await download(batch.links.payments);
}

function batchStatus(batch: PaymentBatch): string {
  if (batch.status === 'paid') return `Paid on ${formatDate(batch.paidOn ?? batch.paidAt)}`;
  return 'Sent for payment';
}

/**
 * IEV's payment run: export the approved claims not yet exported (the finance CSVs download at once and
 * stay downloadable from the batch), then mark a batch, or some of its claims, paid on the day it was paid.
 */
export function PaymentsView() {
  const styles = useStyles();
  const rows = useListRowStyles();
  const { data, error, reload } = useApiResource(API.payments);
  const [notice, setNotice] = useState<ClaimNotice>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  // One id per export press: a retried request (lost answer) returns the same batch, never a second one.
  const [operationId, setOperationId] = useState(() => `tab-export-${crypto.randomUUID()}`);

  const exportNow = async () => {
    setBusy(true);
    setFailure(undefined);
    setNotice(undefined);
    try {
      const result = await api(API.exportClaims, { body: { operationId } });
      setOperationId(`tab-export-${crypto.randomUUID()}`);
      if (!result.batch) {
        setNotice({ intent: 'warning', title: 'Nothing to export', text: result.message ?? '' });
      } else {
        await downloadBatchFiles(result.batch);
        const count = result.batch.claimIds.length;
        setNotice({
          intent: 'success',
          title: `Exported ${count} ${count === 1 ? 'claim' : 'claims'} for payment`,
          text: `Expenses ${formatPounds(result.batch.totals.expensesPence)} and involvement payments ${formatPounds(
            result.batch.totals.paymentsPence,
          )}. The finance files were downloaded; you can download them again from the batch below.`,
        });
      }
      window.dispatchEvent(new Event(CLAIMS_CHANGED));
      await reload();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  const unavailable = busy || !data || data.waiting.claims === 0;
  if (error)
    return (
      <section aria-labelledby="payments-heading">
        <h2 id="payments-heading">Payments</h2>
        <ErrorMessage error={error} onRetry={() => void reload()} />
      </section>
    );
  return (
    <section aria-labelledby="payments-heading">
      <h2 id="payments-heading">Payments</h2>
      {notice && <DecisionNotice notice={notice} />}
      {failure !== undefined && <ErrorMessage error={failure} onRetry={() => void exportNow()} />}
      <section aria-labelledby="export-heading" className={styles.panel}>
        <h3 id="export-heading" className={rows.heading}>
          Export for payment
        </h3>
        {!data ? (
          <Loading label="Counting approved claims" />
        ) : data.waiting.claims === 0 ? (
          <Text>No approved claims are waiting to be exported.</Text>
        ) : (
          <Text>
            {data.waiting.claims} approved {data.waiting.claims === 1 ? 'claim is' : 'claims are'} waiting: expenses{' '}
            {formatPounds(data.waiting.totals.expensesPence)}, involvement payments{' '}
            {formatPounds(data.waiting.totals.paymentsPence)}. Exporting puts them in one batch and downloads the
            finance files (expenses and taxable involvement payments apart). A claim is never in two batches.
          </Text>
        )}
        <Button
          className={mergeClasses(styles.start, unavailable && styles.unavailable)}
          appearance="primary"
          disabled={unavailable}
          onClick={() => void exportNow()}
        >
          {busy ? 'Exporting\u2026' : 'Export for payment'}
        </Button>
      </section>

      <section aria-labelledby="batches-heading">
        <h3 id="batches-heading">Payment batches</h3>
        {!data && <Loading label="Loading payment batches" />}
        {data && data.batches.length === 0 && <Empty>No claims have been exported for payment yet.</Empty>}
        {data && data.batches.length > 0 && (
          <ul className={rows.list} aria-label="Payment batches">
            {data.batches.map((batch) => (
              <BatchRow key={batch.id} batch={batch} />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

function BatchRow({ batch }: { batch: PaymentBatch }) {
  const styles = useStyles();
  const rows = useListRowStyles();
  const [failure, setFailure] = useState<unknown>();
  const count = batch.claimIds.length;
  return (
    <li className={rows.row}>
      <h4 className={rows.heading}>
        <Link href={linkTo('paymentBatch', { id: batch.id })}>
          Batch exported {formatDate(batch.createdAt)} by {batch.createdByName}
        </Link>
        <Badge appearance="tint" color={batch.status === 'paid' ? 'success' : 'brand'}>
          {batchStatus(batch)}
        </Badge>
      </h4>
      <Text>
        {count} {count === 1 ? 'claim' : 'claims'} · Expenses {formatPounds(batch.totals.expensesPence)} · Involvement
        payments {formatPounds(batch.totals.paymentsPence)}
      </Text>
      <div className={styles.actions}>
        <Button size="small" onClick={() => void downloadBatchFiles(batch, true).catch(setFailure)}>
          Download the finance files
        </Button>
      </div>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </li>
  );
}

/** One batch: its claims with their state, the finance files again, and "Mark as paid" for all or some. */
export function PaymentBatchView({ id }: { id: string }) {
  const styles = useStyles();
  const rows = useListRowStyles();
  const { data, error, reload } = useApiResource(API.paymentBatch, { params: { batchId: id } });
  const [paidOn, setPaidOn] = useState(today);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ClaimNotice>();
  const [failure, setFailure] = useState<unknown>();

  const markPaid = async (claimIds: readonly string[] | undefined) => {
    setBusy(true);
    setProblems({});
    setFailure(undefined);
    setNotice(undefined);
    try {
      await api(API.paymentBatchPaid, {
        params: { batchId: id },
        body: { paidOn, ...(claimIds ? { claimIds: [...claimIds] } : {}) },
      });
      const count = claimIds?.length ?? data?.claims.length ?? 0;
      setNotice({
        intent: 'success',
        title: claimIds ? `Marked ${count} ${count === 1 ? 'claim' : 'claims'} paid` : 'Marked the batch paid',
        text: `Recorded as paid on ${formatDate(paidOn)}. Each host is told in Teams.`,
      });
      setChosen(new Set());
      window.dispatchEvent(new Event(CLAIMS_CHANGED));
      await reload();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 400 && caught.problems.length > 0)
        setProblems(Object.fromEntries(caught.problems.map((problem) => [problem.field, problem.message])));
      else setFailure(caught);
    } finally {
      setBusy(false);
    }
  };

  if (error)
    return (
      <section aria-labelledby="batch-heading">
        <h2 id="batch-heading">Payment batch</h2>
        <ErrorMessage error={error} onRetry={() => void reload()} />
      </section>
    );
  if (!data) return <Loading label="Loading the payment batch" />;
  const { batch, claims } = data;
  const unpaid = claims.filter((claim) => claim.status !== 'paid');
  return (
    <article aria-labelledby="batch-heading">
      <h2 id="batch-heading">
        Payment batch exported {formatDate(batch.createdAt)}{' '}
        <Badge appearance="tint" color={batch.status === 'paid' ? 'success' : 'brand'}>
          {batchStatus(batch)}
        </Badge>
      </h2>
      <p>
        <Link href={linkTo('payments')}>Back to payments</Link>
      </p>
      {notice && <DecisionNotice notice={notice} />}
      {failure !== undefined && <ErrorMessage error={failure} />}
      <div className={styles.panel}>
        <Text>
          Exported by {batch.createdByName}. Expenses {formatPounds(batch.totals.expensesPence)} · Involvement payments{' '}
          {formatPounds(batch.totals.paymentsPence)}.
        </Text>
        <Button className={styles.start} onClick={() => void downloadBatchFiles(batch, true).catch(setFailure)}>
          Download the finance files again
        </Button>
      </div>

      {unpaid.length > 0 && (
        <section aria-labelledby="mark-paid-heading" className={styles.panel}>
          <h3 id="mark-paid-heading" className={rows.heading}>
            Mark as paid
          </h3>
          <Field
            label="Payment date"
            hint="The day finance paid, not after today"
            validationMessage={problems.paidOn}
            validationState={problems.paidOn ? 'error' : 'none'}
          >
            <Input type="date" value={paidOn} max={today()} onChange={(_, value) => setPaidOn(value.value)} />
          </Field>
          {problems.claimIds && (
            <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
              {problems.claimIds}
            </Text>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => void markPaid(undefined)}>
              {busy ? 'Saving\u2026' : 'Mark the whole batch paid'}
            </Button>
            <Button disabled={busy} onClick={() => void markPaid([...chosen])}>
              Mark the chosen claims paid
            </Button>
          </div>
        </section>
      )}

      <section aria-labelledby="batch-claims-heading">
        <h3 id="batch-claims-heading">Claims in this batch</h3>
        <ul className={rows.list} aria-label="Claims in this batch">
          {claims.map((claim) => (
            <li key={claim.id} className={rows.row}>
              <p className={rows.heading}>
                <Link href={linkTo('claim', { id: claim.id })}>Claim for {claim.partnerName}</Link>
                <Badge appearance="tint" color={claim.status === 'paid' ? 'success' : 'brand'}>
                  {claim.status === 'paid'
                    ? `Paid on ${formatDate(claim.paidOn ?? claim.paidAt)}`
                    : (CLAIM_STATUS_LABEL[claim.status] ?? claim.status)}
                </Badge>
              </p>
              <Text className={rows.meta}>
                {claim.work} · submitted by {claim.hostName} · Expenses{' '}
                {formatPounds((claim.payable ?? claim.totals).expensesPence)} · Involvement payment{' '}
                {formatPounds((claim.payable ?? claim.totals).paymentsPence)}
              </Text>
              {claim.status !== 'paid' && (
                <Checkbox
                  label={`Choose the claim for ${claim.partnerName}`}
                  checked={chosen.has(claim.id)}
                  onChange={(_, value) => {
                    const next = new Set(chosen);
                    if (value.checked) next.add(claim.id);
                    else next.delete(claim.id);
                    setChosen(next);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
