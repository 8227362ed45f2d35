import {
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ApiError, type ContactMethod } from '../api.js';
import { ErrorMessage } from './states.js';

/** The pieces the register's forms share: a titled group of inputs, and the error summary at the top. */
export const useFormStyles = makeStyles({
  form: { display: 'grid', gap: '20px', maxWidth: '720px' },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '12px 16px',
    display: 'grid',
    gap: '12px',
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, padding: '0 4px' },
  choices: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function Group({ title, children }: { title: string; children: ReactNode }) {
  const styles = useFormStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{title}</legend>
      {children}
    </fieldset>
  );
}

/** A 400's messages as links to their inputs (the input ids are the keys); any other failure as a plain message. */
export function ErrorSummary({ failure, errors }: { failure: unknown; errors: Record<string, string> }) {
  const entries = Object.entries(errors).filter(([id]) => id !== 'form');
  if (!(failure instanceof ApiError) || failure.status !== 400) return <ErrorMessage error={failure} />;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{failure.detail}</MessageBarTitle>
        <ul>
          {entries.map(([id, message]) => (
            <li key={id}>
              <Link
                href={`#${id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(id)?.focus();
                }}
              >
                {message}
              </Link>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Name and contact, as both the registration and the correction forms ask for them, under the same input ids. */
export interface ContactAnswers {
  displayName: string;
  email: string;
  phone: string;
  preferredMethod: string;
  /** Asked for only where the form keeps it (the correction form): shown when the method is post, or one is held. */
  postalAddress?: string;
}

type ContactKey = keyof ContactAnswers;

export function ContactInputs({
  title,
  form,
  setText,
  field,
  emailHint,
}: {
  readonly title: string;
  readonly form: ContactAnswers;
  readonly setText: (key: ContactKey, value: string) => void;
  readonly field: SharedProps['field'];
  readonly emailHint?: string;
}) {
  const askPostalAddress =
    form.postalAddress !== undefined && (form.preferredMethod === 'post' || form.postalAddress !== '');
  return (
    <Group title={title}>
      <Field label="Full name" required {...field('displayName')}>
        <Input
          id="displayName"
          value={form.displayName}
          onChange={(_, data) => setText('displayName', data.value)}
          autoComplete="off"
        />
      </Field>
      <Field label="Email address" {...(emailHint ? { hint: emailHint } : {})} {...field('email')}>
        <Input
          id="email"
          type="email"
          value={form.email}
          onChange={(_, data) => setText('email', data.value)}
          autoComplete="off"
        />
      </Field>
      <Field label="Phone number" {...field('phone')}>
        <Input
          id="phone"
          type="tel"
          value={form.phone}
          onChange={(_, data) => setText('phone', data.value)}
          autoComplete="off"
        />
      </Field>
      <Field label="Best way to contact them" {...field('preferredMethod')}>
        <Select
          id="preferredMethod"
          value={form.preferredMethod}
          onChange={(_, data) => setText('preferredMethod', data.value)}
        >
          <option value="">No preference</option>
          <option value="email">Email</option>
          <option value="phone">Phone call</option>
          <option value="text">Text message</option>
          <option value="post">Post</option>
        </Select>
      </Field>
      {askPostalAddress && (
        <Field
          label="Postal address"
          required={form.preferredMethod === 'post'}
          hint="Needed when they prefer letters."
          {...field('postalAddress')}
        >
          <Textarea
            id="postalAddress"
            value={form.postalAddress}
            onChange={(_, data) => setText('postalAddress', data.value)}
          />
        </Field>
      )}
    </Group>
  );
}

/** The answers both the registration and the correction forms ask for, under the same input ids. */
export interface SharedAnswers {
  communicationNeeds: string;
  accessNeeds: string;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
  areas: string[];
  livedExperience: string[];
  interests: string;
  availability: string;
}

type TextKey = Exclude<keyof SharedAnswers, 'areas' | 'livedExperience'>;

/**
 * The request fields both forms send, from the answers they share: text trimmed, an empty answer left out, the
 * interests split at commas. The server refuses a contact method it does not know, with a message for that field.
 */
export function sharedRequestFields(form: ContactAnswers & SharedAnswers) {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    displayName: form.displayName,
    email: optional(form.email),
    phone: optional(form.phone),
    preferredMethod: optional(form.preferredMethod) as ContactMethod | undefined,
    postalAddress: optional(form.postalAddress ?? ''),
    areas: form.areas,
    interests: form.interests
      .split(',')
      .map((interest) => interest.trim())
      .filter(Boolean),
    livedExperience: form.livedExperience,
    availability: optional(form.availability),
    communicationNeeds: optional(form.communicationNeeds),
    accessNeeds: optional(form.accessNeeds),
    emergencyContact: {
      name: form.emergencyName,
      relationship: form.emergencyRelationship,
      phone: form.emergencyPhone,
    },
  };
}

interface SharedProps {
  readonly form: SharedAnswers;
  readonly setText: (key: TextKey, value: string) => void;
  readonly field: (id: string) => { validationMessage: string | undefined; validationState: 'error' | 'none' };
}

export function NeedsInputs({ form, setText, field }: SharedProps) {
  return (
    <Group title="Communication and access needs">
      <Field
        label="Communication needs"
        hint="For example: large print, easy read, an interpreter"
        {...field('communicationNeeds')}
      >
        <Textarea
          id="communicationNeeds"
          value={form.communicationNeeds}
          onChange={(_, data) => setText('communicationNeeds', data.value)}
        />
      </Field>
      <Field label="Access needs" hint="For example: step-free access, breaks, a quiet room" {...field('accessNeeds')}>
        <Textarea
          id="accessNeeds"
          value={form.accessNeeds}
          onChange={(_, data) => setText('accessNeeds', data.value)}
        />
      </Field>
    </Group>
  );
}

export function EmergencyContactInputs({ form, setText, field }: SharedProps) {
  return (
    <Group title="Emergency contact">
      <Field label="Name" required {...field('emergencyName')}>
        <Input
          id="emergencyName"
          value={form.emergencyName}
          onChange={(_, data) => setText('emergencyName', data.value)}
          autoComplete="off"
        />
      </Field>
      <Field
        label="Relationship to the partner"
        required
        hint='For example "sister" or "friend".'
        {...field('emergencyRelationship')}
      >
        <Input
          id="emergencyRelationship"
          value={form.emergencyRelationship}
          onChange={(_, data) => setText('emergencyRelationship', data.value)}
          autoComplete="off"
        />
      </Field>
      <Field label="Phone number" required {...field('emergencyPhone')}>
        <Input
          id="emergencyPhone"
          type="tel"
          value={form.emergencyPhone}
          onChange={(_, data) => setText('emergencyPhone', data.value)}
          autoComplete="off"
        />
      </Field>
    </Group>
  );
}

/** A set of ticks, several of which may be chosen; each value is its own label unless `labels` says otherwise. */
export function Choices({
  id,
  values,
  labels,
  chosen,
  onToggle,
}: {
  readonly id?: string;
  readonly values: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly chosen: readonly string[];
  readonly onToggle: (value: string, on: boolean) => void;
}) {
  const styles = useFormStyles();
  return (
    <div className={styles.choices} {...(id ? { id } : {})}>
      {values.map((value) => (
        <Checkbox
          key={value}
          label={labels?.[value] ?? value}
          checked={chosen.includes(value)}
          onChange={(_, data) => onToggle(value, data.checked === true)}
        />
      ))}
    </div>
  );
}

export function InterestsInputs({
  form,
  setText,
  field,
  toggle,
  areaChoices,
  experienceChoices,
}: SharedProps & {
  readonly toggle: (key: 'areas' | 'livedExperience', value: string, on: boolean) => void;
  readonly areaChoices: readonly string[];
  readonly experienceChoices: readonly string[];
}) {
  const styles = useFormStyles();
  return (
    <Group title="Interests and experience">
      <fieldset className={styles.fieldset} id="areas" tabIndex={-1}>
        <legend className={styles.legend}>Service areas they are interested in</legend>
        <Choices values={areaChoices} chosen={form.areas} onToggle={(area, on) => toggle('areas', area, on)} />
      </fieldset>
      <fieldset className={styles.fieldset} id="livedExperience" tabIndex={-1}>
        <legend className={styles.legend}>Lived experience</legend>
        <Choices
          values={experienceChoices}
          chosen={form.livedExperience}
          onToggle={(kind, on) => toggle('livedExperience', kind, on)}
        />
      </fieldset>
      <Field
        label="Interests"
        hint="Separate with commas, for example: interview panels, leaflets"
        {...field('interests')}
      >
        <Input id="interests" value={form.interests} onChange={(_, data) => setText('interests', data.value)} />
      </Field>
      <Field label="Availability" hint="For example: weekday mornings, online only" {...field('availability')}>
        <Input
          id="availability"
          value={form.availability}
          onChange={(_, data) => setText('availability', data.value)}
        />
      </Field>
    </Group>
  );
}
