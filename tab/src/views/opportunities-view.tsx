import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  Select,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  api,
  API,
  ApiError,
  type MatchingView,
  type Opportunity,
  type OpportunityDetail,
  type PublishForm,
} from '../api.js';
import { Choices, ErrorSummary, Group, useFormStyles } from '../components/form-parts.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { formatDate } from '../format.js';
import { linkTo, navigateTo } from '../router.js';
import { useApiResource } from '../use-api-resource.js';

const STATE_WORDS: Record<Opportunity['state'], string> = {
  draft: 'Draft',
  'awaiting-approval': 'Waiting for the IEV team to approve',
  open: 'Open: invitations sent',
  closed: 'Closed',
};
const FORMAT_WORDS: Record<Opportunity['format'], string> = {
  'in-person': 'In person',
  online: 'Online',
  hybrid: 'In person or online',
};

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, display: 'grid', gap: '12px' },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px 16px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: '4px 0' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', margin: '12px 0' },
});

/** The host's opportunities (IEV: everyone's), newest first, with a way to publish one from a plan. */
export function OpportunitiesView({ iev }: { iev: boolean }) {
  const styles = useStyles();
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

type FormState = Omit<PublishForm, 'places' | 'access' | 'livedExperience' | 'interests'> & {
  places: string;
  access: string[];
  livedExperience: string[];
  interests: string;
};

/** Publish an opportunity: choose the plan, check the form filled in from it, publish. */
export function OpportunityForm({ planId }: { planId: string | undefined }) {
  const formStyles = useFormStyles();
  const { data: options, error } = useApiResource(API.opportunityOptions);
  const [plan, setPlan] = useState(planId ?? '');
  const [form, setForm] = useState<FormState>();
  const [failure, setFailure] = useState<unknown>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const operationId = useRef(crypto.randomUUID());
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!plan) return;
    setForm(undefined);
    api(API.opportunityForm, { query: { planId: plan } }).then(
      (filled) =>
        setForm({
          ...filled,
          places: String(filled.places),
          access: [...filled.access],
          livedExperience: [...filled.livedExperience],
          interests: filled.interests.join(', '),
        }),
      setFailure,
    );
  }, [plan]);

  if (error !== undefined) return <ErrorMessage error={error} />;
  if (!options) return <Loading label="Loading your plans" />;
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((now) => now && { ...now, [key]: value });
  const field = (id: string) => ({
    validationMessage: errors[id],
    validationState: errors[id] ? ('error' as const) : ('none' as const),
  });
  const toggle = (key: 'access' | 'livedExperience', value: string, on: boolean) =>
    set(key, on ? [...(form?.[key] ?? []), value] : (form?.[key] ?? []).filter((item) => item !== value));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setSaving(true);
    setFailure(undefined);
    try {
      const published = await api(API.publishOpportunity, {
        body: {
          ...form,
          time: form.time || undefined,
          place: form.place || undefined,
          role: form.role || undefined,
          payment: form.payment || undefined,
          accessNotes: form.accessNotes || undefined,
          places: Number(form.places),
          interests: form.interests
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
          operationId: operationId.current,
        },
      });
      navigateTo('opportunity', { id: published.opportunity.id });
    } catch (problem) {
      setErrors(
        problem instanceof ApiError
          ? Object.fromEntries(problem.problems.map((item) => [item.field, item.message]))
          : {},
      );
      setFailure(problem);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">Publish an involvement opportunity</h2>
      <p className={formStyles.hint}>
        {options.approvalRequired
          ? 'The IEV team approves it before invitations go.'
          : 'Invitations go as soon as you publish.'}{' '}
        Only partners who agreed to be contacted are invited, once each.
      </p>
      <Field label="Which plan is it for?" required>
        <Select id="planId" value={plan} onChange={(_, data) => setPlan(data.value)}>
          <option value="">Choose a plan</option>
          {options.plans.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </Select>
      </Field>
      {options.plans.length === 0 && <Empty>You have no plans yet. Start one with the Involvement Hub bot.</Empty>}
      <div ref={summary} tabIndex={-1}>
        {failure !== undefined && <ErrorSummary failure={failure} errors={errors} />}
      </div>
      {plan && !form && failure === undefined && <Loading label="Filling in the form from your plan" />}
      {form && (
        <form className={formStyles.form} onSubmit={(event) => void submit(event)} noValidate>
          <Group title="What it is">
            <Field label="Kind of opportunity" {...field('kind')}>
              <Select id="kind" value={form.kind} onChange={(_, data) => set('kind', data.value as FormState['kind'])}>
                <option value="involvement">Involvement work (a group, workshop or project)</option>
                <option value="interview-panel">An interview panel</option>
              </Select>
            </Field>
            {form.kind === 'interview-panel' && (
              <Field label="Which role is the panel for?" required {...field('role')}>
                <Input id="role" value={form.role ?? ''} onChange={(_, data) => set('role', data.value)} />
              </Field>
            )}
            <Field label="Title" required {...field('title')}>
              <Input id="title" value={form.title} onChange={(_, data) => set('title', data.value)} />
            </Field>
            <Field label="What is it, and what will people do?" required {...field('what')}>
              <Textarea id="what" value={form.what} onChange={(_, data) => set('what', data.value)} />
            </Field>
          </Group>
          <Group title="When and where">
            <Field label="Date" required {...field('date')}>
              <Input id="date" type="date" value={form.date} onChange={(_, data) => set('date', data.value)} />
            </Field>
            <Field label="Time, if you know it" {...field('time')}>
              <Input id="time" type="time" value={form.time ?? ''} onChange={(_, data) => set('time', data.value)} />
            </Field>
            <Field label="In person or online?" {...field('format')}>
              <Select
                id="format"
                value={form.format}
                onChange={(_, data) => set('format', data.value as FormState['format'])}
              >
                {Object.entries(FORMAT_WORDS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
            {form.format !== 'online' && (
              <Field label="Where?" required {...field('place')}>
                <Input id="place" value={form.place ?? ''} onChange={(_, data) => set('place', data.value)} />
              </Field>
            )}
          </Group>
          <Group title="Access arrangements you will make">
            <Choices
              id="access"
              values={options.access.map((item) => item.value)}
              labels={Object.fromEntries(options.access.map((item) => [item.value, item.label]))}
              chosen={form.access}
              onToggle={(value, on) => toggle('access', value, on)}
            />
            <Field label="Anything else about access?" {...field('accessNotes')}>
              <Input
                id="accessNotes"
                value={form.accessNotes ?? ''}
                onChange={(_, data) => set('accessNotes', data.value)}
              />
            </Field>
          </Group>
          <Group title="Expenses, payment and places">
            <Checkbox
              label="We pay people's expenses (travel, parking, carer costs)"
              checked={form.expensesPaid}
              onChange={(_, data) => set('expensesPaid', data.checked === true)}
            />
            <Field
              label="Any involvement payment for people's time?"
              hint="For example: £25 for the morning"
              {...field('payment')}
            >
              <Input id="payment" value={form.payment ?? ''} onChange={(_, data) => set('payment', data.value)} />
            </Field>
            <Field label="How many people do you need?" required {...field('places')}>
              <Input id="places" type="number" value={form.places} onChange={(_, data) => set('places', data.value)} />
            </Field>
            <Field label="Last day people can say they are interested" required {...field('closesOn')}>
              <Input
                id="closesOn"
                type="date"
                value={form.closesOn}
                onChange={(_, data) => set('closesOn', data.value)}
              />
            </Field>
          </Group>
          <Group title="Who you are looking for">
            <Choices
              id="livedExperience"
              values={options.livedExperience}
              chosen={form.livedExperience}
              onToggle={(value, on) => toggle('livedExperience', value, on)}
            />
            <Field
              label="Interests it fits"
              hint="Separated by commas, for example: Service redesign, Peer support"
              {...field('interests')}
            >
              <Input id="interests" value={form.interests} onChange={(_, data) => set('interests', data.value)} />
            </Field>
          </Group>
          <div>
            <Button appearance="primary" type="submit" disabled={saving}>
              {options.approvalRequired ? 'Send to the IEV team to approve' : 'Publish and invite'}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** One opportunity: where it stands, how many fit and why, the answers, and the people interested to choose from. */
export function OpportunityView({ id }: { id: string }) {
  const styles = useStyles();
  const { data, error, reload } = useApiResource(API.opportunity, { params: { id } });
  const { data: matching, reload: reloadMatching } = useApiResource(API.opportunityMatching, { params: { id } });
  const [chosen, setChosen] = useState<string[]>([]);
  const [said, setSaid] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (error !== undefined) return <ErrorMessage error={error} onRetry={() => void reload()} />;
  if (!data) return <Loading label="Loading the opportunity" />;
  const { opportunity, answers } = data;
  const act = async (what: () => Promise<OpportunityDetail>, message: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await what();
      setSaid(message);
      setChosen([]);
      await Promise.all([reload(), reloadMatching()]);
    } catch (problem) {
      setFailure(problem);
    } finally {
      setBusy(false);
    }
  };
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
    <section aria-labelledby="opportunity-title">
      <p>
        <Link href={linkTo('opportunities')}>All opportunities</Link>
      </p>
      <h2 id="opportunity-title">{opportunity.title}</h2>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
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
      {data.interested.length === 0 ? (
        <p>Nobody has said they are interested yet.</p>
      ) : (
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
                    onChange={(_, change) =>
                      setChosen((now) =>
                        change.checked ? [...now, person.partnerId] : now.filter((item) => item !== person.partnerId),
                      )
                    }
                  />
                )}
                <dl className={styles.facts}>
                  <dt className={styles.term}>Why they fit</dt>
                  <dd style={{ margin: 0 }}>{person.reasons.join('; ') || 'Not recorded'}</dd>
                  <dt className={styles.term}>Contact</dt>
                  <dd style={{ margin: 0 }}>
                    {[person.contact?.email, person.contact?.phone].filter(Boolean).join(', ') ||
                      'Through the IEV team'}
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
      )}
    </section>
  );
}

function MatchingSection({ matching }: { matching: MatchingView | undefined }) {
  if (!matching) return <Loading label="Finding who fits" />;
  return (
    <>
      <h3>Who fits</h3>
      {matching.total === 0 ? (
        <p>
          No one on the register fits yet. Ask the IEV team for help finding people, or widen who you are looking for.
        </p>
      ) : (
        <>
          <p>
            {matching.total === 1 ? '1 person on the register fits' : `${matching.total} people on the register fit`} (
            {matching.strong} strongly). {matching.people ? '' : 'You see how many and why; the IEV team sees who.'}
          </p>
          <ul aria-label="Why they fit">
            {matching.reasons.map((reason) => (
              <li key={reason.reason}>
                {reason.count} {reason.words}
              </li>
            ))}
          </ul>
          {matching.people && (
            <>
              <h4>Who (IEV only), best fit first</h4>
              <ol>
                {matching.people.map((person) => (
                  <li key={person.partnerId}>
                    <Link href={linkTo('partner', { id: person.partnerId })}>{person.displayName}</Link>:{' '}
                    {person.reasons.join('; ')}
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </>
  );
}
