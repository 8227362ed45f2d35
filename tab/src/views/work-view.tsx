import { Badge, Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { api, API, type WorkSummary } from '../api.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { formatDate } from '../format.js';
import { linkTo } from '../router.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: '8px' },
  item: {
    padding: '12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: {
    margin: '0 0 4px',
    fontSize: tokens.fontSizeBase400,
    display: 'flex',
    gap: '8px',
    flexWrap: 'wrap',
    alignItems: 'center',
  },
  detail: { margin: '2px 0' },
});

const PHASE_LABEL: Record<string, string> = {
  planning: 'Being planned',
  planned: 'Planned',
  running: 'Running',
  closed: 'Closed',
};

/** Involvement work (plans from the planning bot): all of it, one service area's, or one plan — the channel tab's views. */
export function WorkView({ area, planId }: { area: string | undefined; planId: string | undefined }) {
  const styles = useStyles();
  const [items, setItems] = useState<readonly WorkSummary[]>();
  const [continuation, setContinuation] = useState<string>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(
    async (from?: string) => {
      setError(undefined);
      try {
        const page = await api(API.work, { query: { serviceArea: area, planId, continuation: from } });
        setItems((previous) => (from ? [...(previous ?? []), ...page.items] : page.items));
        setContinuation(page.continuation);
      } catch (failure) {
        setError(failure);
      }
    },
    [area, planId],
  );

  useEffect(() => {
    setItems(undefined);
    void load();
  }, [load]);

  const title = planId ? 'Involvement work' : area ? `Involvement work: ${area}` : 'All involvement work';
  return (
    <section aria-labelledby="work-heading">
      <h2 id="work-heading">{title}</h2>
      {area && !planId && (
        <p>
          <Link href={linkTo('impact', { area })}>Is it working? The figures for {area}</Link>
        </p>
      )}
      {error !== undefined && <ErrorMessage error={error} onRetry={() => void load()} />}
      {!error && !items && <Loading label="Loading involvement work" />}
      {items && items.length === 0 && (
        <Empty>
          {planId
            ? 'We could not find that piece of work. It may have been removed.'
            : 'No involvement work has been planned here yet. Hosts plan work by chatting with the Involvement Hub bot.'}
        </Empty>
      )}
      {items && items.length > 0 && (
        <ul className={styles.list} aria-label="Involvement work">
          {items.map((work) => (
            <li key={work.id} className={styles.item}>
              <h3 className={styles.heading}>
                {work.title}
                <Badge appearance="tint" color="brand">
                  {PHASE_LABEL[work.phase] ?? work.phase}
                </Badge>
              </h3>
              <p className={styles.detail}>
                Host: {work.hostName}
                {work.serviceArea ? ` · ${work.serviceArea}` : ''}
              </p>
              <p className={styles.detail}>
                Dates: {work.startDate ? formatDate(work.startDate) : 'not set'}
                {work.endDate ? ` to ${formatDate(work.endDate)}` : ''}
              </p>
              <p className={styles.detail}>
                Partners involved:{' '}
                {work.partners.length === 0
                  ? 'none yet'
                  : work.partners.map((partner, index) => (
                      <span key={partner.id}>
                        {index > 0 ? ', ' : ''}
                        <Link href={linkTo('partner', { id: partner.id })}>{partner.displayName}</Link>
                      </span>
                    ))}
              </p>
            </li>
          ))}
        </ul>
      )}
      {continuation && <Button onClick={() => void load(continuation)}>Show more work</Button>}
    </section>
  );
}
