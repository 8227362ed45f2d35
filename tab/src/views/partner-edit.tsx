import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { api, API, ApiError, type PartnerCorrectionRequest, type PartnerView, type RegisterOptions } from '../api.js';
import { ErrorMessage, Loading } from '../components/states.js';
import {
  ContactInputs,
  EmergencyContactInputs,
  ErrorSummary,
  InterestsInputs,
  NeedsInputs,
  sharedRequestFields,
  useFormStyles,
} from '../components/form-parts.js';
import { linkTo, navigateTo } from '../router.js';
import { useApiResource } from '../use-api-resource.js';

interface FormState {
  displayName: string;
  email: string;
  phone: string;
  preferredMethod: string;
  postalAddress: string;
  areas: string[];
  interests: string;
  livedExperience: string[];
  availability: string;
  communicationNeeds: string;
  accessNeeds: string;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
}

/** Server field paths → the input that shows the message (ids double as the error summary's link targets). */
const INPUT_FOR_FIELD: Record<string, string> = {
  displayName: 'displayName',
  email: 'email',
  phone: 'phone',
  preferredMethod: 'preferredMethod',
  postalAddress: 'postalAddress',
  'emergencyContact.name': 'emergencyName',
  'emergencyContact.relationship': 'emergencyRelationship',
  'emergencyContact.phone': 'emergencyPhone',
  availability: 'availability',
  communicationNeeds: 'communicationNeeds',
  accessNeeds: 'accessNeeds',
  interests: 'interests',
  areas: 'areas',
  livedExperience: 'livedExperience',
};

function formFrom(partner: PartnerView): FormState {
  return {
    displayName: partner.displayName,
    email: partner.contact?.email ?? '',
    phone: partner.contact?.phone ?? '',
    preferredMethod: partner.contact?.preferredMethod ?? '',
    postalAddress: partner.contact?.postalAddress ?? '',
    areas: [...(partner.areas ?? [])],
    interests: (partner.interests ?? []).join(', '),
    livedExperience: [...(partner.livedExperience ?? [])],
    availability: partner.availability ?? '',
    communicationNeeds: partner.communicationNeeds ?? '',
    accessNeeds: partner.accessNeeds ?? '',
    emergencyName: partner.emergencyContact?.name ?? '',
    emergencyRelationship: partner.emergencyContact?.relationship ?? '',
    emergencyPhone: partner.emergencyContact?.phone ?? '',
  };
}

/** IEV corrects a partner's details (rectification). The page sends the version it opened, so nobody's change is overwritten. */
export function PartnerEdit({ id, options }: { id: string; options: RegisterOptions }) {
  const { data, error, reload } = useApiResource(API.partner, { params: { id } });
  if (options.audience !== 'iev') {
    return (
      <ErrorMessage
        error={
          new ApiError(
            403,
            'Only the IEV team corrects partners\u2019 details',
            'Ask the IEV team to update the register.',
          )
        }
      />
    );
  }
  if (error) return <ErrorMessage error={error} onRetry={() => void reload()} />;
  if (!data) return <Loading label="Loading the partner's record" />;
  if (!data.version || data.partner.erasure)
    return (
      <ErrorMessage
        error={new ApiError(409, 'This entry cannot be changed', 'The partner\u2019s data was erased on request.')}
      />
    );
  return (
    <EditForm
      key={data.version}
      partner={data.partner}
      version={data.version}
      options={options}
      onReload={() => void reload()}
    />
  );
}

function EditForm({
  partner,
  version,
  options,
  onReload,
}: {
  partner: PartnerView;
  version: string;
  options: RegisterOptions;
  onReload: () => void;
}) {
  const styles = useFormStyles();
  const summary = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<FormState>(() => formFrom(partner));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const toggle = (key: 'areas' | 'livedExperience', value: string, on: boolean) =>
    set(key, on ? [...form[key], value] : form[key].filter((item) => item !== value));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    try {
      await api(API.correctPartner, { params: { id: partner.id }, body: toRequest(form, version) });
      navigateTo('partner', { id: partner.id }, { saved: '1' });
    } catch (failed) {
      setErrors(
        failed instanceof ApiError
          ? Object.fromEntries(
              failed.problems.map((problem) => [INPUT_FOR_FIELD[problem.field] ?? 'form', problem.message]),
            )
          : {},
      );
      setFailure(failed);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setSaving(false);
    }
  };
  const field = (id: string) => ({
    validationMessage: errors[id],
    validationState: errors[id] ? ('error' as const) : ('none' as const),
  });
  const shared = { form, setText: (key: keyof FormState, value: string) => set(key, value as never), field };
  // Keep the person's other choices: an area or kind of experience recorded before the list changed is still offered.
  const areaChoices = [...new Set([...options.serviceAreas, ...form.areas])];
  const experienceChoices = [...new Set([...options.livedExperience, ...form.livedExperience])];

  return (
    <section aria-labelledby="edit-heading">
      <p>
        <Link href={linkTo('partner', { id: partner.id })}>Back to {partner.displayName}</Link>
      </p>
      <h2 id="edit-heading">Correct {partner.displayName}’s details</h2>
      <p className={styles.hint}>
        Change what the partner has told you. Their involvement history and claims stay with their entry. The audit log
        records who changed which details and when, never the details themselves.
      </p>
      <div ref={summary} tabIndex={-1}>
        {failure !== undefined && <ProblemSummary failure={failure} errors={errors} onReload={onReload} />}
      </div>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <ContactInputs title="Name and contact" {...shared} />

        <NeedsInputs {...shared} />

        <EmergencyContactInputs {...shared} />

        <InterestsInputs {...shared} toggle={toggle} areaChoices={areaChoices} experienceChoices={experienceChoices} />

        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Button type="submit" appearance="primary" disabled={saving}>
            {saving ? 'Saving\u2026' : 'Save changes'}
          </Button>
          <Link href={linkTo('partner', { id: partner.id })}>Cancel</Link>
        </div>
      </form>
    </section>
  );
}

/** A stale version is explained (nothing was saved, so nobody's change is lost); anything else as the shared summary. */
function ProblemSummary({
  failure,
  errors,
  onReload,
}: {
  failure: unknown;
  errors: Record<string, string>;
  onReload: () => void;
}) {
  if (!(failure instanceof ApiError) || failure.status !== 409)
    return <ErrorSummary failure={failure} errors={errors} />;
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Someone else changed this partner while you were editing</MessageBarTitle>
        Nothing you typed was saved, so nobody’s change is lost. Load the latest details, then make your change again.{' '}
        <Button size="small" onClick={onReload}>
          Load the latest details
        </Button>
      </MessageBarBody>
    </MessageBar>
  );
}

function toRequest(form: FormState, version: string): PartnerCorrectionRequest {
  return { version, ...sharedRequestFields(form) };
}
