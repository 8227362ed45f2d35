import { Badge, Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { API, apiFile, type ClaimDetail } from '../api.js';
import { ErrorMessage, Loading } from '../components/states.js';
import { CLAIM_STATUS_LABEL, formatDate, formatPounds } from '../format.js';
import { useApiResource } from '../use-api-resource.js';
import { ClaimDecision, ClaimReopen, DecisionNotice, type ClaimNotice } from './claim-decision.js';
import { linkTo } from '../router.js';

const useStyles = makeStyles({
  box: {
    padding: '12px 16px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    marginBottom: '12px',
  },
  overdue: { borderLeft: `6px solid ${tokens.colorPaletteRedBorderActive}` },
  items: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: '8px' },
  item: {
    padding: '8px 12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'grid',
    gap: '4px',
  },
  itemLine: { margin: 0, display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  flags: { margin: 0, paddingLeft: '20px', color: tokens.colorNeutralForeground1 },
  receipt: { maxWidth: '100%', maxHeight: '480px', border: `1px solid ${tokens.colorNeutralStroke1}` },
  pdf: { width: '100%', height: '480px', border: `1px solid ${tokens.colorNeutralStroke1}` },
  history: { margin: 0, paddingLeft: '20px', display: 'grid', gap: '4px' },
});

/**
 * A claim as the approval card links to it: items with how each was worked out and what the policy
 * flags, receipts shown in the page, declarations and every change. The claims API decides who may see it.
 */
export function ClaimView({ id }: { id: string }) {
  const { data: claim, error, reload: load } = useApiResource(API.claim, { params: { claimId: id } });
  const [notice, setNotice] = useState<ClaimNotice>();

  if (error)
    return (
      <section aria-labelledby="claim-heading">
        <h2 id="claim-heading">Expense claim</h2>
        <ErrorMessage error={error} onRetry={() => void load()} />
      </section>
    );
  if (!claim) return <Loading label="Loading the claim" />;
  const notApproved = new Map((claim.decision?.rejectedItems ?? []).map((item) => [item.itemId, item.reason]));
  return (
    <article aria-labelledby="claim-heading">
      <h2 id="claim-heading">
        Expense claim for {claim.partnerName}{' '}
        <Badge appearance="tint" color="brand">
          {claim.status === 'approved' && claim.decision?.rejectedItems?.length
            ? 'Partly approved'
            : (CLAIM_STATUS_LABEL[claim.status] ?? claim.status)}
        </Badge>
      </h2>
      <ClaimSummary claim={claim} notApproved={notApproved} />
      {notice && <DecisionNotice notice={notice} />}
      {claim.mayReopen && (
        <ClaimReopen
          claim={claim}
          onReopened={(said) => {
            setNotice(said);
            void load();
          }}
        />
      )}
      {claim.mayDecide && (
        <ClaimDecision
          claim={claim}
          onDecided={(said) => {
            setNotice(said);
            void load();
          }}
        />
      )}

      <ClaimItems claim={claim} notApproved={notApproved} />

      <ClaimRecord claim={claim} />
    </article>
  );
}

type NotApproved = ReadonlyMap<string, string>;

/** Who the claim is for and from, its totals, and where it stands. */
function ClaimSummary({ claim, notApproved }: { claim: ClaimDetail; notApproved: NotApproved }) {
  const styles = useStyles();
  return (
    <div className={claim.pastPayBy ? `${styles.box} ${styles.overdue}` : styles.box}>
      <p>
        For <Link href={linkTo('partner', { id: claim.partnerId })}>{claim.partnerName}</Link>, submitted by{' '}
        {claim.hostName} on {formatDate(claim.submittedAt, 'not yet submitted')}.
      </p>
      <p>
        Work:{' '}
        {claim.work.planId ? (
          <Link href={linkTo('work', { plan: claim.work.planId })}>{claim.work.title}</Link>
        ) : (
          claim.work.title
        )}
      </p>
      <p>
        Expenses {formatPounds(claim.totals.expensesPence)} · Involvement payment{' '}
        {formatPounds(claim.totals.paymentsPence)}
        {claim.payBy ? ` · To be paid by ${formatDate(claim.payBy)}` : ''}
        {claim.paidAt ? ` · Paid ${formatDate(claim.paidAt)}` : ''}
      </p>
      {claim.pastPayBy && (
        <p>
          <Badge appearance="filled" color="danger">
            Past the pay-by target
          </Badge>{' '}
          The Trust aims to pay within its target; this claim is late.
        </p>
      )}
      {claim.decision && (
        <p>
          {claim.decision.outcome === 'approved' ? 'Approved' : 'Rejected'} by {claim.decision.byName} on{' '}
          {formatDate(claim.decision.at)}
          {claim.decision.reason ? `: ${claim.decision.reason}` : ''}
          {notApproved.size > 0 && claim.payable
            ? ` \u2014 ${claim.items.length - notApproved.size} of ${claim.items.length} items, ${formatPounds(claim.payable.expensesPence + claim.payable.paymentsPence)} to be paid`
            : ''}
        </p>
      )}
      {claim.openQuery && (
        <p>
          Question from {claim.openQuery.byName}: {claim.openQuery.question}
        </p>
      )}
    </div>
  );
}

function ClaimItems({ claim, notApproved }: { claim: ClaimDetail; notApproved: NotApproved }) {
  const styles = useStyles();
  const receiptsFor = (itemId: string | undefined) => claim.receipts.filter((receipt) => receipt.itemId === itemId);
  return (
    <section aria-labelledby="items-heading">
      <h3 id="items-heading">Items</h3>
      <ul className={styles.items}>
        {claim.items.map((item) => (
          <li key={item.id} className={styles.item}>
            <p className={styles.itemLine}>
              <strong>{formatPounds(item.amountPence)}</strong> {item.kindLabel}
              {item.input.date ? `, ${formatDate(item.input.date)}` : ''}
              {item.category === 'payment' && (
                <Badge appearance="outline" color="informative">
                  Taxable payment
                </Badge>
              )}
            </p>
            <p className={styles.itemLine}>{item.explanation}</p>
            {item.claimedPence !== item.amountPence && (
              <p className={styles.itemLine}>
                Claimed {formatPounds(item.claimedPence)}; the policy allows {formatPounds(item.amountPence)}.
              </p>
            )}
            {notApproved.has(item.id) && (
              <p className={styles.itemLine}>
                <Badge appearance="filled" color="danger">
                  Not approved
                </Badge>{' '}
                {notApproved.get(item.id)}
              </p>
            )}
            {item.flags.length > 0 && (
              <ul className={styles.flags} aria-label="Policy flags">
                {item.flags.map((flag) => (
                  <li key={flag.code}>Flag: {flag.message}</li>
                ))}
              </ul>
            )}
            {receiptsFor(item.id).map((receipt) => (
              <Receipt key={receipt.id} receipt={receipt} />
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The receipts not attached to an item, the declarations and every change. */
function ClaimRecord({ claim }: { claim: ClaimDetail }) {
  const styles = useStyles();
  const unattached = claim.receipts.filter((receipt) => receipt.itemId === undefined);
  return (
    <>
      {unattached.length > 0 && (
        <section aria-labelledby="receipts-heading">
          <h3 id="receipts-heading">Other receipts</h3>
          {unattached.map((receipt) => (
            <Receipt key={receipt.id} receipt={receipt} />
          ))}
        </section>
      )}

      <section aria-labelledby="declarations-heading">
        <h3 id="declarations-heading">Declarations</h3>
        {claim.declarations ? (
          <ul>
            <li>
              The partner confirmed they had these costs and have not claimed them elsewhere (
              {formatDate(claim.declarations.partnerConfirmedAt)}).
            </li>
            <li>
              {claim.hostName} confirmed the claim is legitimate ({formatDate(claim.declarations.hostConfirmedAt)}).
            </li>
          </ul>
        ) : (
          <p>Not yet made: the claim has not been submitted.</p>
        )}
        <p>Checked against reimbursement policy version {claim.policyVersion}.</p>
      </section>

      <section aria-labelledby="history-heading">
        <h3 id="history-heading">History</h3>
        {claim.history.length === 0 ? (
          <p>No changes recorded.</p>
        ) : (
          <ol className={styles.history}>
            {claim.history.map((entry, index) => (
              <li key={index}>
                {formatDate(entry.at)}: {CLAIM_STATUS_LABEL[entry.status] ?? entry.status}, by {entry.byName}
                {entry.note ? ` \u2014 \u201c${entry.note}\u201d` : ''}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

/** A receipt shown in the page on request (photos as images, PDFs in a frame), fetched with the viewer's own sign-in. */
function Receipt({ receipt }: { receipt: ClaimDetail['receipts'][number] }) {
  const styles = useStyles();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  const show = async () => {
    setError(undefined);
    try {
      setUrl(URL.createObjectURL((await apiFile(receipt.url)).blob));
    } catch (failure) {
      setError(failure);
    }
  };
  const label = `Receipt ${receipt.fileName}`;
  return (
    <div>
      {!url && (
        <Button size="small" onClick={() => void show()}>
          Show receipt {receipt.fileName}
        </Button>
      )}
      {error !== undefined && <ErrorMessage error={error} onRetry={() => void show()} />}
      {url &&
        (receipt.contentType === 'application/pdf' ? (
          <iframe className={styles.pdf} src={url} title={label} />
        ) : (
          <img className={styles.receipt} src={url} alt={label} />
        ))}
    </div>
  );
}
