import { Badge, Button, Field, Input, Link, Select, Text, makeStyles } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { API, type PartnerRow, type RegisterOptions } from '../api.js';
import { ListFooter } from '../components/list-footer.js';
import { usePagedList } from '../use-paged-list.js';
import { useListRowStyles } from '../components/list-rows.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { formatDate, STATUS_LABEL } from '../format.js';
import { linkTo, navigateTo } from '../router.js';
import { WelcomeTasks } from '../components/welcome-tasks.js';
import { RetentionReview } from './partner-rights-review.js';
import { ConsentRenewals } from './consent-renewals.js';

const useStyles = makeStyles({
  search: { display: 'flex', flexWrap: 'wrap', gap: '8px 12px', alignItems: 'end', marginBottom: '12px' },
  searchField: { flexGrow: 1, flexBasis: '220px', minWidth: 0 },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 170px), 1fr))',
    gap: '12px',
    alignItems: 'end',
    marginBottom: '16px',
  },
  // Long option text ("Learning disability and autism") must not push a select over its neighbour.
  filter: { minWidth: 0, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  tags: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
});

export interface RegisterFilters {
  readonly q: string;
  readonly status: string;
  readonly area: string;
  readonly contactable: string;
  readonly sort: string;
  readonly pageSize: string;
}

export function filtersFrom(params: URLSearchParams): RegisterFilters {
  return {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    area: params.get('area') ?? '',
    contactable: params.get('contactable') ?? '',
    sort: params.get('sort') ?? 'name',
    pageSize: params.get('pageSize') ?? '25',
  };
}

/** The register: server-side search, filters and sort, paged with continuation tokens ("Show more"). */
export function RegisterView({ filters, options }: { filters: RegisterFilters; options: RegisterOptions | undefined }) {
  const styles = useStyles();
  const rows = useListRowStyles();
  const [draft, setDraft] = useState(filters.q);
  const { items, continuation, state, error, reload, more } = usePagedList(API.partners, { query: filters });

  useEffect(() => {
    setDraft(filters.q);
  }, [filters.q]);

  const apply = (change: Partial<RegisterFilters>) =>
    navigateTo('partners', {
      ...filters,
      ...change,
      sort: (change.sort ?? filters.sort) === 'name' ? undefined : (change.sort ?? filters.sort),
    });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: draft.trim() });
  };

  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">Involvement Partners</h2>
      {options?.audience === 'iev' && <WelcomeTasks />}
      {options?.audience === 'iev' && <RetentionReview />}
      {options?.audience === 'iev' && <ConsentRenewals />}
      <form role="search" className={styles.search} onSubmit={onSearch}>
        <Field label="Search by name or interest" className={styles.searchField}>
          <Input
            type="search"
            value={draft}
            onChange={(_, data) => setDraft(data.value)}
            placeholder="For example: Patel or interview"
          />
        </Field>
        <Button type="submit" appearance="primary">
          Search
        </Button>
      </form>
      <div className={styles.filters} role="group" aria-label="Filters">
        <Field label="Status" className={styles.filter}>
          <Select value={filters.status} onChange={(_, data) => apply({ status: data.value })}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="paused">Paused</option>
            {options?.audience === 'iev' && <option value="left">Left the register</option>}
          </Select>
        </Field>
        <Field label="Service area" className={styles.filter}>
          <Select value={filters.area} onChange={(_, data) => apply({ area: data.value })}>
            <option value="">All service areas</option>
            {options?.serviceAreas.map((area) => (
              <option key={area} value={area}>
                {area}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Contact consent" className={styles.filter}>
          <Select value={filters.contactable} onChange={(_, data) => apply({ contactable: data.value })}>
            <option value="">Anyone</option>
            <option value="true">Happy to be contacted</option>
            <option value="false">Register only</option>
          </Select>
        </Field>
        <Field label="Sort by" className={styles.filter}>
          <Select value={filters.sort} onChange={(_, data) => apply({ sort: data.value })}>
            <option value="name">Name, A to Z</option>
            <option value="name-desc">Name, Z to A</option>
            <option value="newest">Newest registered</option>
          </Select>
        </Field>
        <Field label="Partners per page" className={styles.filter}>
          <Select value={filters.pageSize} onChange={(_, data) => apply({ pageSize: data.value })}>
            <option value="25">25</option>
            <option value="50">50</option>
            <option value="100">100</option>
          </Select>
        </Field>
      </div>

      {state === 'loading' && <Loading label="Loading the register" />}
      {state === 'error' && <ErrorMessage error={error} onRetry={() => void reload()} />}
      {state !== 'loading' && state !== 'error' && items.length === 0 && (
        <Empty>No partners match. Try a shorter search or fewer filters.</Empty>
      )}
      {items.length > 0 && state !== 'loading' && (
        <>
          <ul className={rows.list} aria-label="Partners">
            {items.map((partner) => (
              <PartnerListItem key={partner.id} partner={partner} />
            ))}
          </ul>
          <ListFooter
            count={items.length}
            noun={['partner', 'partners']}
            everything="that is everyone who matches"
            state={state}
            hasMore={continuation !== undefined}
            onMore={() => void more()}
          />
        </>
      )}
    </section>
  );
}

function PartnerListItem({ partner }: { partner: PartnerRow }) {
  const rows = useListRowStyles();
  return (
    <li className={rows.row}>
      <h3 className={rows.heading}>
        <Link href={linkTo('partner', { id: partner.id })}>{partner.displayName}</Link>
        <Badge
          appearance="tint"
          color={partner.status === 'active' ? 'success' : partner.status === 'paused' ? 'warning' : 'subtle'}
        >
          {STATUS_LABEL[partner.status]}
        </Badge>
        <Badge appearance="outline" color={partner.consent === 'contactable' ? 'brand' : 'informative'}>
          {partner.consent === 'contactable' ? 'Happy to be contacted' : 'Register only'}
        </Badge>
      </h3>
      <Text className={rows.meta}>Interests: {partner.interests.join(', ') || 'none recorded'}</Text>
      <Text className={rows.meta}>Areas: {partner.areas.join(', ') || 'none recorded'}</Text>
      {partner.livedExperience.length > 0 && (
        <Text className={rows.meta}>Lived experience: {partner.livedExperience.join(', ')}</Text>
      )}
      <Text className={rows.meta}>
        Available: {partner.availability ?? 'not recorded'} · Last involved:{' '}
        {formatDate(partner.lastInvolvedAt, 'not yet')}
      </Text>
    </li>
  );
}
