import { Link, Switch } from '@fluentui/react-components';
import { useState } from 'react';
import { api, API } from '../../api.js';
import { Empty, ErrorMessage, Loading } from '../../components/states.js';
import { formatDate } from '../../format.js';
import { linkTo } from '../../router.js';
import { useApiResource } from '../../use-api-resource.js';
import { STATE_WORDS, useOpportunityStyles } from './opportunity-words.js';

/** The host's opportunities (IEV: everyone's), newest first, with a way to publish one from a plan. */
export function OpportunitiesView({ iev }: { iev: boolean }) {
  const styles = useOpportunityStyles();
  const { data, error, reload } = useApiResource(API.opportunities);
  return (
    <section aria-labelledby="opportunities-title">
      <h2 id="opportunities-title">Involvement opportunities</h2>
      <p>
        Publish an opportunity from one of your plans: the register suggests who fits and why, and invites them by
        email, text message or letter, as they prefer. You see how many fit and why; you see who once they say they are
        interested.
      </p>
      <p>
        <Link href={linkTo('newOpportunity')}>Publish an opportunity from a plan</Link>
      </p>
      {iev && <ApprovalSetting />}
      {error !== undefined && <ErrorMessage error={error} onRetry={() => void reload()} />}
      {!data && error === undefined && <Loading label="Loading opportunities" />}
      {data && data.items.length === 0 && <Empty>No opportunities yet.</Empty>}
      {data && data.items.length > 0 && (
        <ul className={styles.list} aria-label="Opportunities">
          {data.items.map((item) => (
            <li key={item.id} className={styles.card}>
              <h3 style={{ margin: '4px 0' }}>
                <Link href={linkTo('opportunity', { id: item.id })}>{item.title}</Link>
              </h3>
              <p style={{ margin: '4px 0' }}>
                {STATE_WORDS[item.state]} · {formatDate(item.date)} · closes {formatDate(item.closesOn)}
                {iev ? ` · ${item.hostName}` : ''}
                {item.invited ? ` · ${item.invited.count} invited` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** IEV's setting: whether invitations wait for their approval. */
function ApprovalSetting() {
  const { data, error, reload } = useApiResource(API.opportunitySettings);
  const [failure, setFailure] = useState<unknown>();
  if (error !== undefined) return <ErrorMessage error={error} onRetry={() => void reload()} />;
  if (!data) return null;
  return (
    <>
      <Switch
        checked={data.approvalRequired}
        label="The IEV team approves each opportunity before invitations go"
        onChange={(_, change) =>
          void api(API.changeOpportunitySettings, { body: { approvalRequired: change.checked } }).then(
            () => reload(),
            setFailure,
          )
        }
      />
      {failure !== undefined && <ErrorMessage error={failure} />}
    </>
  );
}
