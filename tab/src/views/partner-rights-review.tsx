import { Button, Link } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { api, API, type RetentionReviewItem, type RetentionReviewPage } from '../api.js';
import { ErrorMessage } from '../components/states.js';
import { formatDate } from '../format.js';
import { linkTo } from '../router.js';
import { EraseDialog } from './partner-rights.js';

/** IEV only: register entries due for retention review, each with the same erase-on-request flow as the partner page. */
export function RetentionReview() {
  const [page, setPage] = useState<RetentionReviewPage>();
  const [error, setError] = useState<unknown>();
  const [erasing, setErasing] = useState<RetentionReviewItem>();
  const [opener, setOpener] = useState<HTMLElement>();
  const [erasedName, setErasedName] = useState<string>();

  /** The first page, or the next one added under those already shown. */
  const startErasing = (item: RetentionReviewItem, button: HTMLElement) => {
    setOpener(button);
    setErasing(item);
  };

  const load = useCallback(async (after?: RetentionReviewPage) => {
    setError(undefined);
    try {
      const next = await api(API.retentionReview, { query: { continuation: after?.continuation } });
      setPage(after ? { ...next, items: [...after.items, ...next.items] } : next);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (error !== undefined) return <ErrorMessage error={error} onRetry={() => void load()} />;
  if (!page || (page.items.length === 0 && !erasedName)) return null;
  return (
    <details style={{ marginBottom: 16 }}>
      <summary>
        Due for retention review ({page.items.length}
        {page.continuation ? '+' : ''})
      </summary>
      <p>
        These partners have left the register, or have not been involved for {page.years} years. Check in with them, or
        erase their data if it is no longer needed.
      </p>
      <p role="status">{erasedName ? `${erasedName}'s data was erased.` : ''}</p>
      <ul
        aria-label="Partners due for retention review"
        style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 8 }}
      >
        {page.items.map((item) => (
          <li key={item.id}>
            <Link href={linkTo('partner', { id: item.id })}>{item.displayName}</Link>: {item.reasonText}, last involved{' '}
            {formatDate(item.lastInvolvedAt, 'never')}.{' '}
            <Button
              size="small"
              aria-label={`Erase ${item.displayName}'s data`}
              onClick={(event) => startErasing(item, event.currentTarget)}
            >
              Erase
            </Button>
          </li>
        ))}
      </ul>
      {page.continuation && (
        <Button style={{ marginTop: 8 }} onClick={() => void load(page)}>
          Show more partners due for review
        </Button>
      )}
      {erasing && (
        <EraseDialog
          partner={erasing}
          opener={opener}
          onGone={(erased) => {
            setErasing(undefined);
            if (!erased) return;
            setErasedName(erasing.displayName);
            void load();
          }}
        />
      )}
    </details>
  );
}
