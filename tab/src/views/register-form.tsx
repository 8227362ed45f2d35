import { Button, Checkbox, Field, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, type PartnerView, type RegisterOptions } from '../api.js';
import { ErrorMessage } from '../components/states.js';
import { PAYMENT_LABEL } from '../format.js';
import { navigate } from '../router.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: '20px', maxWidth: '720px' },
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: '12px 16px', display: 'grid', gap: '12px', margin: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, padding: '0 4px' },
  choices: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const EQUALITY_QUESTIONS: ReadonlyArray<{ key: string; label: string; answers: readonly string[] }> = [
  { key: 'ageBand', label: 'Age group', answers: ['18-24', '25-34', '35-49', '50-64', '65+'] },
  { key: 'disability', label: 'Do you consider yourself to have a disability?', answers: ['Yes', 'No'] },
  { key: 'ethnicGroup', label: 'Ethnic group', answers: ['Asian or Asian British', 'Black, Black British, Caribbean or African', 'Mixed or multiple ethnic groups', 'White', 'Another ethnic group'] },
  { key: 'gender', label: 'Gender', answers: ['Woman', 'Man', 'Non-binary', 'In another way'] },
];

interface FormState {
  displayName: string; email: string; phone: string; preferredMethod: string;
  areas: string[]; interests: string; livedExperience: string[]; availability: string;
  communicationNeeds: string; accessNeeds: string; paymentPreference: string;
  consentRegister: boolean; consentContact: boolean; consentEquality: boolean;
  emergencyName: string; emergencyRelationship: string; emergencyPhone: string;
  equality: Record<string, string>;
}

const EMPTY: FormState = {
  displayName: '', email: '', phone: '', preferredMethod: '', areas: [], interests: '', livedExperience: [], availability: '',
  communicationNeeds: '', accessNeeds: '', paymentPreference: 'not-chosen', consentRegister: false, consentContact: false, consentEquality: false,
  emergencyName: '', emergencyRelationship: '', emergencyPhone: '', equality: {},
};

/** Server field paths → the input that shows the message (ids double as the error summary's link targets). */
const INPUT_FOR_FIELD: Record<string, string> = {
  displayName: 'displayName', email: 'email', phone: 'phone', 'consent.register': 'consentRegister',
  'emergencyContact.name': 'emergencyName', 'emergencyContact.relationship': 'emergencyRelationship', 'emergencyContact.phone': 'emergencyPhone',
  equality: 'consentEquality', availability: 'availability', communicationNeeds: 'communicationNeeds', accessNeeds: 'accessNeeds',
};

/** Registering a partner (IEV members): consent per purpose, one emergency contact, needs, payment preference, interests. */
export function RegisterForm({ options }: { options: RegisterOptions }) {
  const styles = useStyles();
  const operationId = useRef(crypto.randomUUID());
  const summary = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const toggle = (key: 'areas' | 'livedExperience', value: string, on: boolean) =>
    set(key, on ? [...form[key], value] : form[key].filter((item) => item !== value));

  if (options.audience !== 'iev') {
    return <ErrorMessage error={new ApiError(403, 'Only the IEV team registers partners', 'Ask the IEV team to register someone, or share the public registration page with them.')} />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    try {
      const { partner } = await api<{ partner: PartnerView }>('/api/partners', { method: 'POST', body: toRequest(form, operationId.current) });
      navigate(`partners/${encodeURIComponent(partner.id)}`);
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? Object.fromEntries(error.problems.map((problem) => [INPUT_FOR_FIELD[problem.field] ?? 'form', problem.message])) : {};
      setErrors(fieldErrors);
      setFailure(error);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setSaving(false);
    }
  };

  const field = (id: string) => ({ validationMessage: errors[id], validationState: errors[id] ? ('error' as const) : ('none' as const) });

  return (
    <section aria-labelledby="register-form-heading">
      <h2 id="register-form-heading">Register an Involvement Partner</h2>
      <p className={styles.hint}>Fields marked with * are required. The partner gets a "Welcome to Involvement" task for the IEV team once registered.</p>
      <div ref={summary} tabIndex={-1}>
        {failure !== undefined && <ErrorSummary failure={failure} errors={errors} />}
      </div>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <Group title="About the partner">
          <Field label="Full name" required {...field('displayName')}>
            <Input id="displayName" value={form.displayName} onChange={(_, data) => set('displayName', data.value)} autoComplete="off" />
          </Field>
          <Field label="Email address" hint="Give an email address or a phone number." {...field('email')}>
            <Input id="email" type="email" value={form.email} onChange={(_, data) => set('email', data.value)} autoComplete="off" />
          </Field>
          <Field label="Phone number" {...field('phone')}>
            <Input id="phone" type="tel" value={form.phone} onChange={(_, data) => set('phone', data.value)} autoComplete="off" />
          </Field>
          <Field label="Best way to contact them">
            <Select id="preferredMethod" value={form.preferredMethod} onChange={(_, data) => set('preferredMethod', data.value)}>
              <option value="">No preference</option>
              <option value="email">Email</option>
              <option value="phone">Phone call</option>
              <option value="text">Text message</option>
              <option value="post">Post</option>
            </Select>
          </Field>
        </Group>

        <Group title="Consent">
          <Checkbox id="consentRegister" checked={form.consentRegister} onChange={(_, data) => set('consentRegister', data.checked === true)}
            label="They agree to be on the Involvement Register (required)" aria-invalid={Boolean(errors.consentRegister)} aria-describedby={errors.consentRegister ? 'consentRegister-error' : undefined} />
          {errors.consentRegister && <p id="consentRegister-error" role="alert" style={{ color: tokens.colorPaletteRedForeground1, margin: 0 }}>{errors.consentRegister}</p>}
          <Checkbox id="consentContact" checked={form.consentContact} onChange={(_, data) => set('consentContact', data.checked === true)} label="They are happy to be contacted about involvement opportunities" />
          <Checkbox id="consentEquality" checked={form.consentEquality} onChange={(_, data) => set('consentEquality', data.checked === true)}
            label="They agree to answer equality monitoring questions (optional, separate from joining)" />
          {errors.consentEquality && <p role="alert" style={{ color: tokens.colorPaletteRedForeground1, margin: 0 }}>{errors.consentEquality}</p>}
        </Group>

        {form.consentEquality && (
          <Group title="Equality monitoring (optional)">
            <p className={styles.hint}>Used only to see who we reach and who we miss. Every question can be left blank.</p>
            {EQUALITY_QUESTIONS.map((question) => (
              <Field key={question.key} label={question.label}>
                <Select value={form.equality[question.key] ?? ''} onChange={(_, data) => set('equality', { ...form.equality, [question.key]: data.value })}>
                  <option value="">Not answered</option>
                  {question.answers.map((answer) => <option key={answer} value={answer}>{answer}</option>)}
                  <option value="Prefer not to say">Prefer not to say</option>
                </Select>
              </Field>
            ))}
          </Group>
        )}

        <Group title="Emergency contact">
          <Field label="Name" required {...field('emergencyName')}>
            <Input id="emergencyName" value={form.emergencyName} onChange={(_, data) => set('emergencyName', data.value)} autoComplete="off" />
          </Field>
          <Field label="Relationship to the partner" required hint='For example "sister" or "friend".' {...field('emergencyRelationship')}>
            <Input id="emergencyRelationship" value={form.emergencyRelationship} onChange={(_, data) => set('emergencyRelationship', data.value)} autoComplete="off" />
          </Field>
          <Field label="Phone number" required {...field('emergencyPhone')}>
            <Input id="emergencyPhone" type="tel" value={form.emergencyPhone} onChange={(_, data) => set('emergencyPhone', data.value)} autoComplete="off" />
          </Field>
        </Group>

        <Group title="Interests and experience">
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>Service areas they are interested in</legend>
            <div className={styles.choices}>
              {options.serviceAreas.map((area) => (
                <Checkbox key={area} label={area} checked={form.areas.includes(area)} onChange={(_, data) => toggle('areas', area, data.checked === true)} />
              ))}
            </div>
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>Lived experience</legend>
            <div className={styles.choices}>
              {options.livedExperience.map((kind) => (
                <Checkbox key={kind} label={kind} checked={form.livedExperience.includes(kind)} onChange={(_, data) => toggle('livedExperience', kind, data.checked === true)} />
              ))}
            </div>
          </fieldset>
          <Field label="Interests" hint="Separate with commas, for example: interview panels, leaflets">
            <Input id="interests" value={form.interests} onChange={(_, data) => set('interests', data.value)} />
          </Field>
          <Field label="Availability" hint="For example: weekday mornings, online only" {...field('availability')}>
            <Input id="availability" value={form.availability} onChange={(_, data) => set('availability', data.value)} />
          </Field>
        </Group>

        <Group title="Communication and access needs">
          <Field label="Communication needs" hint="For example: large print, easy read, an interpreter" {...field('communicationNeeds')}>
            <Textarea id="communicationNeeds" value={form.communicationNeeds} onChange={(_, data) => set('communicationNeeds', data.value)} />
          </Field>
          <Field label="Access needs" hint="For example: step-free access, breaks, a quiet room" {...field('accessNeeds')}>
            <Textarea id="accessNeeds" value={form.accessNeeds} onChange={(_, data) => set('accessNeeds', data.value)} />
          </Field>
        </Group>

        <Group title="Payment">
          <Field label="What they would like for their involvement">
            <RadioGroup value={form.paymentPreference} onChange={(_, data) => set('paymentPreference', data.value)}>
              {Object.entries(PAYMENT_LABEL).map(([value, label]) => <Radio key={value} value={value} label={label} />)}
            </RadioGroup>
          </Field>
        </Group>

        <div>
          <Button type="submit" appearance="primary" disabled={saving}>{saving ? 'Registering\u2026' : 'Register partner'}</Button>
        </div>
      </form>
    </section>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{title}</legend>
      {children}
    </fieldset>
  );
}

function ErrorSummary({ failure, errors }: { failure: unknown; errors: Record<string, string> }) {
  const entries = Object.entries(errors).filter(([id]) => id !== 'form');
  if (!(failure instanceof ApiError) || failure.status !== 400) return <ErrorMessage error={failure} />;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{failure.detail}</MessageBarTitle>
        <ul>
          {entries.map(([id, message]) => (
            <li key={id}><Link href={`#${id}`} onClick={(event) => { event.preventDefault(); document.getElementById(id)?.focus(); }}>{message}</Link></li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function toRequest(form: FormState, operationId: string): unknown {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    operationId,
    displayName: form.displayName,
    email: optional(form.email),
    phone: optional(form.phone),
    preferredMethod: optional(form.preferredMethod),
    areas: form.areas,
    interests: form.interests.split(',').map((interest) => interest.trim()).filter(Boolean),
    livedExperience: form.livedExperience,
    availability: optional(form.availability),
    communicationNeeds: optional(form.communicationNeeds),
    accessNeeds: optional(form.accessNeeds),
    paymentPreference: form.paymentPreference,
    // The register consent is sent as given; the server refuses anything but an explicit yes.
    consent: { register: form.consentRegister, contactAboutOpportunities: form.consentContact, equalityMonitoring: form.consentEquality },
    emergencyContact: { name: form.emergencyName, relationship: form.emergencyRelationship, phone: form.emergencyPhone },
    equality: form.consentEquality ? form.equality : undefined,
  };
}
