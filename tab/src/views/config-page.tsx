import { Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, makeStyles } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { api, API, type RegisterOptions, type WorkSummary } from '../api.js';
import { ErrorMessage } from '../components/states.js';
import { linkTo } from '../router.js';
import { offerChannelView, type ChannelView } from '../teams.js';

const useStyles = makeStyles({ form: { display: 'grid', gap: '16px', maxWidth: '560px' } });

type Choice = 'partners' | 'area' | 'plan';

/**
 * Where a pinned tab opens: the choice becomes the tab's content URL, the same for everyone in the channel.
 * Its query is written with encodeURIComponent (a space as %20), as the tabs already pinned have it.
 */
export function channelViewFor(choice: Choice, area: string, plan: WorkSummary | undefined): ChannelView | undefined {
  if (choice === 'partners')
    return {
      contentPath: `index.html${linkTo('partners')}`,
      entityId: 'register-all',
      suggestedDisplayName: 'Involvement Register',
    };
  if (choice === 'area') {
    if (!area) return undefined;
    return {
      contentPath: `index.html${linkTo('work')}?area=${encodeURIComponent(area)}`,
      entityId: `work-area-${slug(area)}`,
      suggestedDisplayName: `Involvement: ${area}`.slice(0, 40),
    };
  }
  if (!plan) return undefined;
  return {
    contentPath: `index.html${linkTo('work')}?plan=${encodeURIComponent(plan.id)}`,
    entityId: `work-plan-${plan.id}`.slice(0, 64),
    suggestedDisplayName: plan.title.slice(0, 40),
  };
}

export function ConfigPage({ options, inTeams }: { options: RegisterOptions | undefined; inTeams: boolean }) {
  const styles = useStyles();
  const [choice, setChoice] = useState<Choice>('partners');
  const [area, setArea] = useState('');
  const [planId, setPlanId] = useState('');
  const [plans, setPlans] = useState<readonly WorkSummary[]>([]);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    api(API.work, { query: { pageSize: '50' } }).then((page) => setPlans(page.items), setError);
  }, []);

  const view = useMemo(
    () =>
      channelViewFor(
        choice,
        area,
        plans.find((plan) => plan.id === planId),
      ),
    [choice, area, planId, plans],
  );
  useEffect(() => {
    if (inTeams) offerChannelView(view);
  }, [inTeams, view]);

  return (
    <section aria-labelledby="config-heading">
      <h2 id="config-heading">Choose what this tab shows</h2>
      <p>Everyone in the channel will see the same view. You can change it later from the tab's settings.</p>
      {error !== undefined && <ErrorMessage error={error} />}
      <div className={styles.form}>
        <Field label="Show">
          <RadioGroup value={choice} onChange={(_, data) => setChoice(data.value as Choice)}>
            <Radio value="partners" label="All Involvement Partners" />
            <Radio value="area" label="The involvement work of one service area" />
            <Radio value="plan" label="One piece of involvement work" />
          </RadioGroup>
        </Field>
        {choice === 'area' && (
          <Field label="Service area" required>
            <Select value={area} onChange={(_, data) => setArea(data.value)}>
              <option value="">Choose a service area</option>
              {options?.serviceAreas.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {choice === 'plan' && (
          <Field
            label="Involvement work"
            required
            hint={plans.length === 0 ? 'No involvement work has been planned yet.' : undefined}
          >
            <Select value={planId} onChange={(_, data) => setPlanId(data.value)}>
              <option value="">Choose a piece of work</option>
              {plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <MessageBar intent={view ? 'success' : 'info'} role="status">
          <MessageBarBody>
            {view ? (
              <>
                The tab will be called <strong>{view.suggestedDisplayName}</strong>
                {inTeams ? '. Select Save to pin it.' : '. Open this page from Teams to save it.'}
              </>
            ) : (
              'Finish choosing to be able to save.'
            )}
          </MessageBarBody>
        </MessageBar>
      </div>
    </section>
  );
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
