import { Button, makeStyles } from '@fluentui/react-components';
import type { PagedListState } from '../use-paged-list.js';

const useStyles = makeStyles({
  more: { marginTop: '16px', display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
});

/** "Showing 25 partners" and "Show more", announced politely as the list grows. */
export function ListFooter({
  count,
  noun,
  everything,
  state,
  hasMore,
  onMore,
}: {
  count: number;
  noun: readonly [string, string];
  everything: string;
  state: PagedListState;
  hasMore: boolean;
  onMore: () => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.more}>
      <p role="status" aria-live="polite">
        Showing {count} {count === 1 ? noun[0] : noun[1]}
        {hasMore ? '' : ` \u2014 ${everything}`}.
      </p>
      {hasMore && (
        <Button onClick={onMore} disabled={state === 'more'}>
          {state === 'more' ? 'Loading more\u2026' : `Show more ${noun[1]}`}
        </Button>
      )}
    </div>
  );
}
