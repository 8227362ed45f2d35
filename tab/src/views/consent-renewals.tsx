import { Button, Link } from '@fluentui/react-components';
import { API } from '../api.js';
import { ErrorMessage } from '../components/states.js';
import { formatDate } from '../format.js';
import { href } from '../router.js';
import { usePagedList } from '../use-paged-list.js';

/** IEV only: partners whose consent was given longer ago than the renewal period; the partner page records their answer. */
export function ConsentRenewals() {
  const { items, continuation, state, error, reload, more } = usePagedList(API.consentRenewals, { query: {} });
  if (state === 'error') return <ErrorMessage error={error} onRetry={() => void reload()} />;
  if (items.length === 0) return null;
  return (
    <details style={{ marginBottom: 16 }}>
      <summary>
        Consent due for renewal ({items.length}
        {continuation ? '+' : ''})
      </summary>
      <p>
        These partners gave consent longer ago than the Trust&rsquo;s renewal period. Ask them whether they still agree,
        and record their answer on their page.
      </p>
      <ul
        aria-label="Partners with consent due for renewal"
        style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 8 }}
      >
        {items.map((item) => (
          <li key={item.id}>
            <Link href={href(`partners/${encodeURIComponent(item.id)}`)}>{item.displayName}</Link>:{' '}
            {item.purposes.map((due) => `${due.text} (given ${formatDate(due.givenAt)})`).join(', ')}
          </li>
        ))}
      </ul>
      {continuation && (
        <Button style={{ marginTop: 8 }} disabled={state === 'more'} onClick={() => void more()}>
          Show more partners
        </Button>
      )}
    </details>
  );
}
