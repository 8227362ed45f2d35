import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { API, type ClaimSummary } from '../api.js';
import { ListFooter } from '../components/list-footer.js';
import { usePagedList } from '../use-paged-list.js';
import { useListRowStyles } from '../components/list-rows.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { CLAIM_STATUS_LABEL, formatDate, formatPounds } from '../format.js';
import { linkTo, navigateTo } from '../router.js';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))',
    gap: '12px',
    alignItems: 'end',
    marginBottom: '12px',
  },
  filter: { minWidth: 0, '& select': { minWidth: 0, width: '100%' } },
  narrowed: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center', marginBottom: '12px' },
  // Past the pay-by target: a thick edge in the danger colour and the words, never the colour alone.
  overdue: { borderLeft: `6px solid ${tokens.colorPaletteRedBorderActive}` },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
});

export interface ClaimFilters {
  /** A list state, or "all". Waiting for a decision when not given: that is the IEV team's work. */
  readonly state: string;
  readonly hostId: string;
  readonly partnerId: string;
  readonly from: string;
  readonly to: string;
  readonly pastPayBy: string;
}

export function claimFiltersFrom(params: URLSearchParams): ClaimFilters {
  return {
    state: params.get('state') ?? 'waiting',
    hostId: params.get('hostId') ?? '',
    partnerId: params.get('partnerId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    pastPayBy: params.get('pastPayBy') === 'true' ? 'true' : '',
  };
}

const STATES: ReadonlyArray<[string, string]> = [
  ['waiting', 'Waiting for a decision'],
  ['queried', 'Question for the host'],
  ['approved', 'Approved, not yet exported'],
  ['exported', 'Sent for payment'],
  ['paid', 'Paid'],
  ['rejected', 'Rejected'],
  ['all', 'Every state'],
];

const PAGE_SIZE = 25;

/** Tells the navigation that the number of claims waiting may have changed. */
export const CLAIMS_CHANGED = 'involvement-hub:claims-changed';

/** The IEV team's claims: by state, newest first, filtered and paged on the server. */
export function ClaimsView({ filters }: { filters: ClaimFilters }) {
  const styles = useStyles();
  const rows = useListRowStyles();
  const { items, continuation, state, error, reload, more } = usePagedList(API.claims, {
    query: {
      pageSize: String(PAGE_SIZE),
      state: filters.state === 'all' ? undefined : filters.state,
      hostId: filters.hostId,
      partnerId: filters.partnerId,
      from: filters.from,
      to: filters.to,
      pastPayBy: filters.pastPayBy,
    },
  });

  const apply = (change: Partial<ClaimFilters>) => {
    const next = { ...filters, ...change };
    navigateTo('claims', { ...next, state: next.state === 'waiting' ? undefined : next.state });
  };
  // The names of a host or partner narrowed to come from the rows themselves (every row is theirs).
  const hostName = filters.hostId
    ? (items.find((claim) => claim.hostId === filters.hostId)?.hostName ?? 'the chosen host')
    : undefined;
  const partnerName = filters.partnerId
    ? (items.find((claim) => claim.partnerId === filters.partnerId)?.partnerName ?? 'the chosen partner')
    : undefined;

  return (
    <section aria-labelledby="claims-heading">
      <h2 id="claims-heading">Expense claims</h2>
      <div className={styles.filters} role="group" aria-label="Filters">
        <Field label="State" className={styles.filter}>
          <Select value={filters.state} onChange={(_, data) => apply({ state: data.value })}>
            {STATES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Submitted from" className={styles.filter}>
          <Input type="date" value={filters.from} onChange={(_, data) => apply({ from: data.value })} />
        </Field>
        <Field label="Submitted to" className={styles.filter}>
          <Input type="date" value={filters.to} onChange={(_, data) => apply({ to: data.value })} />
        </Field>
        <Checkbox
          label="Only claims past the pay-by target"
          checked={filters.pastPayBy === 'true'}
          onChange={(_, data) => apply({ pastPayBy: data.checked ? 'true' : '' })}
        />
      </div>
      {(hostName || partnerName) && (
        <div className={styles.narrowed}>
          {hostName && (
            <Button size="small" onClick={() => apply({ hostId: '' })}>
              Show every host, not only {hostName}
            </Button>
          )}
          {partnerName && (
            <Button size="small" onClick={() => apply({ partnerId: '' })}>
              Show every partner, not only {partnerName}
            </Button>
          )}
        </div>
      )}

      {state === 'loading' && <Loading label="Loading claims" />}
      {state === 'error' && <ErrorMessage error={error} onRetry={() => void reload()} />}
      {state !== 'loading' && state !== 'error' && items.length === 0 && (
        <Empty>No claims match. Try another state or fewer filters.</Empty>
      )}
      {items.length > 0 && state !== 'loading' && state !== 'error' && (
        <>
          <ul className={rows.list} aria-label="Claims">
            {items.map((claim) => (
              <ClaimRow
                key={claim.id}
                claim={claim}
                onlyHost={filters.hostId ? undefined : () => apply({ hostId: claim.hostId })}
                onlyPartner={filters.partnerId ? undefined : () => apply({ partnerId: claim.partnerId })}
              />
            ))}
          </ul>
          <ListFooter
            count={items.length}
            noun={['claim', 'claims']}
            everything="that is every claim that matches"
            state={state}
            hasMore={continuation !== undefined}
            onMore={() => void more()}
          />
        </>
      )}
    </section>
  );
}

function ClaimRow({
  claim,
  onlyHost,
  onlyPartner,
}: {
  claim: ClaimSummary;
  onlyHost: (() => void) | undefined;
  onlyPartner: (() => void) | undefined;
}) {
  const styles = useStyles();
  const rows = useListRowStyles();
  return (
    <li className={mergeClasses(rows.row, claim.pastPayBy && styles.overdue)}>
      <h3 className={rows.heading}>
        <Link href={linkTo('claim', { id: claim.id })}>Claim for {claim.partnerName}</Link>
        <Badge
          appearance="tint"
          color={claim.status === 'rejected' ? 'danger' : claim.status === 'paid' ? 'success' : 'brand'}
        >
          {CLAIM_STATUS_LABEL[claim.status] ?? claim.status}
        </Badge>
        {claim.pastPayBy && (
          <Badge appearance="filled" color="danger">
            Past pay-by target ({formatDate(claim.payBy)})
          </Badge>
        )}
      </h3>
      <Text>
        {claim.work} · submitted by {claim.hostName} on {formatDate(claim.submittedAt)}
      </Text>
      <Text className={rows.meta}>
        Expenses {formatPounds(claim.totals.expensesPence)} · Involvement payment{' '}
        {formatPounds(claim.totals.paymentsPence)}
        {partlyApproved(claim) ? ` · ${formatPounds(sumOf(claim.payable))} approved` : ''} · {claim.items}{' '}
        {claim.items === 1 ? 'item' : 'items'}
        {claim.flagged > 0 ? `, ${claim.flagged} flagged by the policy` : ''}
        {claim.paidAt
          ? ` · Paid ${formatDate(claim.paidAt)}`
          : claim.payBy && !claim.pastPayBy && claim.status !== 'rejected'
            ? ` · Pay by ${formatDate(claim.payBy)}`
            : ''}
      </Text>
      {(onlyHost || onlyPartner) && (
        <div className={styles.actions}>
          {onlyHost && (
            <Button size="small" appearance="subtle" onClick={onlyHost}>
              Only {claim.hostName}&rsquo;s claims
            </Button>
          )}
          {onlyPartner && (
            <Button size="small" appearance="subtle" onClick={onlyPartner}>
              Only claims for {claim.partnerName}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

/** Partial approval: less is paid than was claimed, and the row says how much. */
function partlyApproved(claim: ClaimSummary): boolean {
  return sumOf(claim.payable) !== sumOf(claim.totals);
}

function sumOf(totals: ClaimSummary['totals']): number {
  return totals.expensesPence + totals.paymentsPence;
}
