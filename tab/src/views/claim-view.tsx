import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useApiResource } from '../use-api-resource.js';
import { ErrorMessage, Loading } from '../components/states.js';
import { formatDate, formatPounds } from '../format.js';
import { href } from '../router.js';

interface ClaimData {
  readonly id: string;
  readonly status: string;
  readonly partnerId: string;
  readonly partnerName: string;
  readonly hostName: string;
  readonly work: { title: string; planId?: string };
  readonly items: ReadonlyArray<{ id: string; category: string; amountPence: number; explanation: string; input: { kind: string; date?: string } }>;
  readonly totals: { expensesPence: number; paymentsPence: number };
  readonly submittedAt?: string;
  readonly payBy?: string;
  readonly paidAt?: string;
  readonly decision?: { outcome: string; byName: string; at: string; reason?: string };
  readonly openQuery?: { question: string; byName: string; at: string };
}

const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft', submitted: 'Waiting for IEV', queried: 'Question from IEV', resubmitted: 'Answered, waiting for IEV',
  approved: 'Approved', rejected: 'Rejected', exported: 'Sent for payment', paid: 'Paid',
};

const useStyles = makeStyles({
  items: { margin: 0, paddingLeft: '20px', display: 'grid', gap: '4px' },
  box: { padding: '12px 16px', borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1, marginBottom: '12px' },
});

/** A claim as the approval card links to it (read-only; decisions are made on the card). The claims API decides who may see it. */
export function ClaimView({ id }: { id: string }) {
  const styles = useStyles();
  const { data: claim, error, reload: load } = useApiResource<ClaimData>(`/api/claims/${encodeURIComponent(id)}`);

  if (error) return (<section aria-labelledby="claim-heading"><h2 id="claim-heading">Expense claim</h2><ErrorMessage error={error} onRetry={() => void load()} /></section>);
  if (!claim) return <Loading label="Loading the claim" />;
  return (
    <article aria-labelledby="claim-heading">
      <h2 id="claim-heading">Expense claim for {claim.partnerName} <Badge appearance="tint" color="brand">{STATUS_LABEL[claim.status] ?? claim.status}</Badge></h2>
      <div className={styles.box}>
        <p>For <Link href={href(`partners/${encodeURIComponent(claim.partnerId)}`)}>{claim.partnerName}</Link>, submitted by {claim.hostName} on {formatDate(claim.submittedAt, 'not yet submitted')}.</p>
        <p>Work: {claim.work.planId ? <Link href={href('work', { plan: claim.work.planId })}>{claim.work.title}</Link> : claim.work.title}</p>
        <p>Expenses {formatPounds(claim.totals.expensesPence)} · Involvement payment {formatPounds(claim.totals.paymentsPence)}{claim.payBy ? ` · To be paid by ${formatDate(claim.payBy)}` : ''}{claim.paidAt ? ` · Paid ${formatDate(claim.paidAt)}` : ''}</p>
        {claim.decision && <p>{claim.decision.outcome === 'approved' ? 'Approved' : 'Rejected'} by {claim.decision.byName} on {formatDate(claim.decision.at)}{claim.decision.reason ? `: ${claim.decision.reason}` : ''}</p>}
        {claim.openQuery && <p>Question from {claim.openQuery.byName}: {claim.openQuery.question}</p>}
      </div>
      <h3>Items</h3>
      <ul className={styles.items}>
        {claim.items.map((item) => <li key={item.id}>{formatPounds(item.amountPence)} — {item.explanation}{item.input.date ? ` (${formatDate(item.input.date)})` : ''}</li>)}
      </ul>
    </article>
  );
}
