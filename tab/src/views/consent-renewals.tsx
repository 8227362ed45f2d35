import { Button, Link } from '@fluentui/react-components';
import { useState } from 'react';
import { api, API, type ConsentRenewalItem } from '../api.js';
import { ErrorMessage } from '../components/states.js';
import { formatDate } from '../format.js';
import { linkTo } from '../router.js';
import { usePagedList } from '../use-paged-list.js';

/**
 * IEV only: partners whose consent was given longer ago than the renewal period. IEV asks each once per renewal
 * (a personal link by their preferred way, when they agreed to be contacted), or records on the partner's page an
 * answer given another way.
 */
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
        These partners gave consent longer ago than the Trust&rsquo;s renewal period. <strong>Ask them to renew</strong>{' '}
        sends them a personal link, the way they prefer to be contacted, where they say yes or no to each; their answer
        is recorded at once. If they tell you another way, record it on their page.
      </p>
      <ul
        aria-label="Partners with consent due for renewal"
        style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 8 }}
      >
        {items.map((item) => (
          <li key={item.id}>
            <RenewalRow item={item} />
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

function RenewalRow({ item }: { item: ConsentRenewalItem }) {
  const [asked, setAsked] = useState(item.asked?.at);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const ask = async () => {
    setSending(true);
    setError(undefined);
    try {
      setAsked((await api(API.askConsentRenewal, { params: { id: item.id } })).askedAt);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Link href={linkTo('partner', { id: item.id })}>{item.displayName}</Link>:{' '}
      {item.purposes.map((due) => `${due.text} (given ${formatDate(due.givenAt)})`).join(', ')}.{' '}
      {asked ? (
        <span role="status">
          Asked to renew on {formatDate(asked)}
          {item.asked?.status === 'not-sent' ? ' (not sent: see Messages to the partner on their page)' : ''}.
        </span>
      ) : (
        <Button
          size="small"
          disabled={sending}
          aria-label={`Ask them to renew (${item.displayName})`}
          onClick={() => void ask()}
        >
          Ask them to renew
        </Button>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
    </>
  );
}
