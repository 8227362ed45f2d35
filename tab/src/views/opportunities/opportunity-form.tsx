import { Button, Field, Select } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, API, ApiError, type PublishForm } from '../../api.js';
import { ErrorSummary, useFormStyles } from '../../components/form-parts.js';
import { Empty, ErrorMessage, Loading } from '../../components/states.js';
import { navigateTo } from '../../router.js';
import { useApiResource } from '../../use-api-resource.js';
import { OpportunityFields, type FormState } from './opportunity-fields.js';

/** Publish an opportunity: choose the plan, check the form filled in from it, publish. */
export function OpportunityForm({ planId }: { planId: string | undefined }) {
  const formStyles = useFormStyles();
  const { data: options, error } = useApiResource(API.opportunityOptions);
  const [plan, setPlan] = useState(planId ?? '');
  const publishing = usePublishing(plan);
  const { form, setForm, failure, errors, saving, summary } = publishing;

  if (error !== undefined) return <ErrorMessage error={error} />;
  if (!options) return <Loading label="Loading your plans" />;
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
        <form className={formStyles.form} onSubmit={(event) => void publishing.submit(event)} noValidate>
          <OpportunityFields form={form} setForm={setForm} errors={errors} options={options} />
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

/** The form filled in from the chosen plan, and publishing it; a failure is summarised and focused. */
function usePublishing(plan: string) {
  const [form, setForm] = useState<FormState>();
  const [failure, setFailure] = useState<unknown>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const operationId = useRef(crypto.randomUUID());
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!plan) return;
    setForm(undefined);
    api(API.opportunityForm, { query: { planId: plan } }).then((filled) => setForm(toFormState(filled)), setFailure);
  }, [plan]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setSaving(true);
    setFailure(undefined);
    try {
      const published = await api(API.publishOpportunity, { body: toRequest(form, operationId.current) });
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
  return { form, setForm, failure, errors, saving, summary, submit };
}

function toFormState(filled: PublishForm): FormState {
  return {
    ...filled,
    places: String(filled.places),
    access: [...filled.access],
    livedExperience: [...filled.livedExperience],
    interests: filled.interests.join(', '),
  };
}

function toRequest(form: FormState, operationId: string) {
  return {
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
    operationId,
  };
}
