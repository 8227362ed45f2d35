import { Button, Checkbox, Link } from '@fluentui/react-components';
import { useState } from 'react';
import { api, API, type OpportunityDetail } from '../../api.js';
import { ErrorMessage, Loading } from '../../components/states.js';
import { formatDate } from '../../format.js';
import { linkTo } from '../../router.js';
import { useApiResource } from '../../use-api-resource.js';
import { MatchingSection } from './matching-section.js';
import { FORMAT_WORDS, STATE_WORDS, useOpportunityStyles } from './opportunity-words.js';

type Opportunity = OpportunityDetail['opportunity'];
type InterestedPerson = OpportunityDetail['interested'][number];

/** One opportunity: where it stands, how many fit and why, the answers, and the people interested to choose from. */
export function OpportunityView({ id }: { id: string }) {
  const styles = useOpportunityStyles();
  const { data, error, reload } = useApiResource(API.opportunity, { params: { id } });
  const { data: matching, reload: reloadMatching } = useApiResource(API.opportunityMatching, { params: { id } });
  const [chosen, setChosen] = useState<string[]>([]);
  const { act, busy, said, failure } = useOpportunityAction(async () => {
    setChosen([]);
    await Promise.all([reload(), reloadMatching()]);
  });

  if (error !== undefined) return <ErrorMessage error={error} onRetry={() => void reload()} />;
  if (!data) return <Loading label="Loading the opportunity" />;
  const { opportunity, answers } = data;
  return (
    <section aria-labelledby="opportunity-title">
      <p>
        <Link href={linkTo('opportunities')}>All opportunities</Link>
      </p>
      <h2 id="opportunity-title">{opportunity.title}</h2>
      <OpportunityFacts opportunity={opportunity} />
      <p role="status">{said}</p>
      {failure !== undefined && <ErrorMessage error={failure} />}
      <div className={styles.actions}>
        {data.can.approve && (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              void act(() => api(API.approveOpportunity, { params: { id } }), 'Approved: invitations are on their way.')
            }
          >
            Approve and send invitations
          </Button>
        )}
        {data.can.close && (
          <Button
            disabled={busy}
            onClick={() =>
              void act(() => api(API.closeOpportunity, { params: { id } }), 'Closed: no more answers are taken.')
            }
          >
            Close it now
          </Button>
        )}
      </div>
      <MatchingSection matching={matching} />
      <h3>Answers</h3>
      {answers.invited === 0 ? (
        <p>Nobody has been invited yet.</p>
      ) : (
        <p>
          {answers.invited} invited: {answers.interested} interested, {answers.notThisTime} not this time,{' '}
          {answers.stopped} asked us to stop inviting them, {answers.waiting} not answered yet.
        </p>
      )}
      <h3>People interested</h3>
      <PeopleInterested id={id} data={data} chosen={chosen} setChosen={setChosen} busy={busy} act={act} />
    </section>
  );
}

type Act = (what: () => Promise<OpportunityDetail>, message: string) => Promise<void>;

/** One action on the opportunity at a time; what it did is said in the status line, then the page reloads. */
function useOpportunityAction(afterwards: () => Promise<void>) {
  const [said, setSaid] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const act: Act = async (what, message) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await what();
      setSaid(message);
      await afterwards();
    } catch (problem) {
      setFailure(problem);
    } finally {
      setBusy(false);
    }
  };
  return { act, busy, said, failure };
}

function OpportunityFacts({ opportunity }: { opportunity: Opportunity }) {
  const styles = useOpportunityStyles();
  const facts: Array<[string, string]> = [
    ['Where it stands', STATE_WORDS[opportunity.state]],
    ...(opportunity.kind === 'interview-panel'
      ? [['Interview panel for', opportunity.role ?? ''] as [string, string]]
      : []),
    ['What', opportunity.what],
    ['When', `${formatDate(opportunity.date)}${opportunity.time ? ` at ${opportunity.time}` : ''}`],
    [
      'Where',
      opportunity.format === 'online' ? 'Online' : `${opportunity.place ?? ''} (${FORMAT_WORDS[opportunity.format]})`,
    ],
    ['People needed', String(opportunity.places)],
    ['Expenses', opportunity.expensesPaid ? 'Paid' : 'Not paid'],
    ...(opportunity.payment ? [['Payment', opportunity.payment] as [string, string]] : []),
    ['Closes', formatDate(opportunity.closesOn)],
  ];
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The people who said they are interested, for the host to choose from. */
function PeopleInterested({
  id,
  data,
  chosen,
  setChosen,
  busy,
  act,
}: {
  id: string;
  data: OpportunityDetail;
  chosen: string[];
  setChosen: (change: (now: string[]) => string[]) => void;
  busy: boolean;
  act: Act;
}) {
  const styles = useOpportunityStyles();
  if (data.interested.length === 0) return <p>Nobody has said they are interested yet.</p>;
  const choose = (partnerId: string, on: boolean) =>
    setChosen((now) => (on ? [...now, partnerId] : now.filter((item) => item !== partnerId)));
  return (
    <>
      <ul className={styles.list} aria-label="People interested">
        {data.interested.map((person) => (
          <li key={person.partnerId} className={styles.card}>
            {person.chosen ? (
              <p className={styles.big}>{person.displayName} (chosen)</p>
            ) : (
              <Checkbox
                label={person.displayName}
                checked={chosen.includes(person.partnerId)}
                disabled={!data.can.choose}
                onChange={(_, change) => choose(person.partnerId, Boolean(change.checked))}
              />
            )}
            <PersonFacts person={person} />
          </li>
        ))}
      </ul>
      {data.can.choose && (
        <Button
          appearance="primary"
          disabled={busy || chosen.length === 0}
          onClick={() =>
            void act(
              () => api(API.chooseOpportunityPartners, { params: { id }, body: { partnerIds: chosen } }),
              'Chosen: the plan and their register history record it. Contact them before the first meeting.',
            )
          }
        >
          Choose {chosen.length === 1 ? 'this person' : 'these people'}
        </Button>
      )}
    </>
  );
}

function PersonFacts({ person }: { person: InterestedPerson }) {
  const styles = useOpportunityStyles();
  return (
    <dl className={styles.facts}>
      <dt className={styles.term}>Why they fit</dt>
      <dd style={{ margin: 0 }}>{person.reasons.join('; ') || 'Not recorded'}</dd>
      <dt className={styles.term}>Contact</dt>
      <dd style={{ margin: 0 }}>
        {[person.contact?.email, person.contact?.phone].filter(Boolean).join(', ') || 'Through the IEV team'}
      </dd>
      <dt className={styles.term}>Access needs</dt>
      <dd style={{ margin: 0 }}>{person.accessNeeds ?? 'None recorded'}</dd>
      <dt className={styles.term}>Communication needs</dt>
      <dd style={{ margin: 0 }}>{person.communicationNeeds ?? 'None recorded'}</dd>
      {person.guideSignedAt && (
        <>
          <dt className={styles.term}>Interview guide</dt>
          <dd style={{ margin: 0 }}>Signed {formatDate(person.guideSignedAt)}</dd>
        </>
      )}
      <dt className={styles.term}>Usually free</dt>
      <dd style={{ margin: 0 }}>{person.availability ?? 'Not recorded'}</dd>
    </dl>
  );
}
