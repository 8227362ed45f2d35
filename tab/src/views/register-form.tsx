import { Button, Checkbox, Field, Radio, RadioGroup, Select, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import {
  api,
  API,
  ApiError,
  type ContactMethod,
  type PaymentChoice,
  type RegisterOptions,
  type RegistrationRequest,
} from '../api.js';
import { ErrorMessage } from '../components/states.js';
import {
  ContactInputs,
  EmergencyContactInputs,
  ErrorSummary,
  Group,
  InterestsInputs,
  NeedsInputs,
  sharedRequestFields,
  useFormStyles,
} from '../components/form-parts.js';
import { PAYMENT_LABEL } from '../format.js';
import { navigateTo } from '../router.js';

interface FormState {
  displayName: string;
  email: string;
  phone: string;
  preferredMethod: ContactMethod | '';
  postalAddress: string;
  areas: string[];
  interests: string;
  livedExperience: string[];
  availability: string;
  communicationNeeds: string;
  accessNeeds: string;
  paymentPreference: PaymentChoice;
  consentRegister: boolean;
  consentContact: boolean;
  consentEquality: boolean;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
  equality: Record<string, string>;
}

const EMPTY: FormState = {
  displayName: '',
  email: '',
  phone: '',
  preferredMethod: '',
  postalAddress: '',
  areas: [],
  interests: '',
  livedExperience: [],
  availability: '',
  communicationNeeds: '',
  accessNeeds: '',
  paymentPreference: 'not-chosen',
  consentRegister: false,
  consentContact: false,
  consentEquality: false,
  emergencyName: '',
  emergencyRelationship: '',
  emergencyPhone: '',
  equality: {},
};

/** Server field paths → the input that shows the message (ids double as the error summary's link targets). */
const INPUT_FOR_FIELD: Record<string, string> = {
  displayName: 'displayName',
  email: 'email',
  phone: 'phone',
  preferredMethod: 'preferredMethod',
  postalAddress: 'postalAddress',
  'consent.register': 'consentRegister',
  'emergencyContact.name': 'emergencyName',
  'emergencyContact.relationship': 'emergencyRelationship',
  'emergencyContact.phone': 'emergencyPhone',
  equality: 'consentEquality',
  availability: 'availability',
  communicationNeeds: 'communicationNeeds',
  accessNeeds: 'accessNeeds',
};

/** Registering a partner (IEV members): consent per purpose, one emergency contact, needs, payment preference, interests. */
export function RegisterForm({ options }: { options: RegisterOptions }) {
  const styles = useFormStyles();
  const operationId = useRef(crypto.randomUUID());
  const summary = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const toggle = (key: 'areas' | 'livedExperience', value: string, on: boolean) =>
    set(key, on ? [...form[key], value] : form[key].filter((item) => item !== value));

  if (options.audience !== 'iev') {
    return (
      <ErrorMessage
        error={
          new ApiError(
            403,
            'Only the IEV team registers partners',
            'Ask the IEV team to register someone, or share the public registration page with them.',
          )
        }
      />
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    try {
      const { partner } = await api(API.registerPartner, { body: toRequest(form, operationId.current) });
      navigateTo('partner', { id: partner.id });
    } catch (error) {
      const fieldErrors =
        error instanceof ApiError
          ? Object.fromEntries(
              error.problems.map((problem) => [INPUT_FOR_FIELD[problem.field] ?? 'form', problem.message]),
            )
          : {};
      setErrors(fieldErrors);
      setFailure(error);
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

  return (
    <section aria-labelledby="register-form-heading">
      <h2 id="register-form-heading">Register an Involvement Partner</h2>
      <p className={styles.hint}>
        Fields marked with * are required. The partner gets a "Welcome to Involvement" task for the IEV team once
        registered.
      </p>
      <div ref={summary} tabIndex={-1}>
        {failure !== undefined && <ErrorSummary failure={failure} errors={errors} />}
      </div>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <ContactInputs title="About the partner" {...shared} emailHint="Give an email address or a phone number." />

        <Group title="Consent">
          <Checkbox
            id="consentRegister"
            checked={form.consentRegister}
            onChange={(_, data) => set('consentRegister', data.checked === true)}
            label="They agree to be on the Involvement Register (required)"
            aria-invalid={Boolean(errors.consentRegister)}
            aria-describedby={errors.consentRegister ? 'consentRegister-error' : undefined}
          />
          {errors.consentRegister && (
            <p id="consentRegister-error" role="alert" style={{ color: tokens.colorPaletteRedForeground1, margin: 0 }}>
              {errors.consentRegister}
            </p>
          )}
          <Checkbox
            id="consentContact"
            checked={form.consentContact}
            onChange={(_, data) => set('consentContact', data.checked === true)}
            label="They are happy to be contacted about involvement opportunities"
          />
          <Checkbox
            id="consentEquality"
            checked={form.consentEquality}
            onChange={(_, data) => set('consentEquality', data.checked === true)}
            label="They agree to answer equality monitoring questions (optional, separate from joining)"
          />
          {errors.consentEquality && (
            <p role="alert" style={{ color: tokens.colorPaletteRedForeground1, margin: 0 }}>
              {errors.consentEquality}
            </p>
          )}
        </Group>

        {form.consentEquality && (
          <Group title="Equality monitoring (optional)">
            <p className={styles.hint}>
              Used only to see who we reach and who we miss. Every question can be left blank.
            </p>
            {options.equalityQuestions.map((question) => (
              <Field key={question.key} label={question.label}>
                <Select
                  value={form.equality[question.key] ?? ''}
                  onChange={(_, data) => set('equality', { ...form.equality, [question.key]: data.value })}
                >
                  <option value="">Not answered</option>
                  {question.answers.map((answer) => (
                    <option key={answer} value={answer}>
                      {answer}
                    </option>
                  ))}
                  <option value="Prefer not to say">Prefer not to say</option>
                </Select>
              </Field>
            ))}
          </Group>
        )}

        <EmergencyContactInputs {...shared} />

        <InterestsInputs
          {...shared}
          toggle={toggle}
          areaChoices={options.serviceAreas}
          experienceChoices={options.livedExperience}
        />

        <NeedsInputs {...shared} />

        <Group title="Payment">
          <Field label="What they would like for their involvement">
            <RadioGroup
              value={form.paymentPreference}
              onChange={(_, data) => set('paymentPreference', data.value as PaymentChoice)}
            >
              {Object.entries(PAYMENT_LABEL).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </RadioGroup>
          </Field>
        </Group>

        <div>
          <Button type="submit" appearance="primary" disabled={saving}>
            {saving ? 'Registering\u2026' : 'Register partner'}
          </Button>
        </div>
      </form>
    </section>
  );
}

function toRequest(form: FormState, operationId: string): RegistrationRequest {
  return {
    operationId,
    ...sharedRequestFields(form),
    paymentPreference: form.paymentPreference,
    // The register consent is sent as given; the server refuses anything but an explicit yes.
    consent: {
      register: form.consentRegister,
      contactAboutOpportunities: form.consentContact,
      equalityMonitoring: form.consentEquality,
    },
    equality: form.consentEquality ? form.equality : undefined,
  };
}
