import { Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { ResponseOf } from '../../../../contract/endpoint.js';
import type { API, PublishForm } from '../../api.js';
import { Choices, Group } from '../../components/form-parts.js';
import { FORMAT_WORDS } from './opportunity-words.js';

/** The form as it is typed: numbers and lists as text until it is sent. */
export type FormState = Omit<PublishForm, 'places' | 'access' | 'livedExperience' | 'interests'> & {
  places: string;
  access: string[];
  livedExperience: string[];
  interests: string;
};

type OpportunityOptions = ResponseOf<typeof API.opportunityOptions>;

/** What each group of fields needs: the form, a way to change it, and each field's error. */
interface Controls {
  readonly form: FormState;
  readonly options: OpportunityOptions;
  readonly set: <K extends keyof FormState>(key: K, value: FormState[K]) => void;
  readonly field: (id: string) => { validationMessage: string | undefined; validationState: 'error' | 'none' };
  readonly toggle: (key: 'access' | 'livedExperience', value: string, on: boolean) => void;
}

/** The opportunity's details, filled in from the plan, for the host to check before publishing. */
export function OpportunityFields({
  form,
  setForm,
  errors,
  options,
}: {
  form: FormState;
  setForm: (change: (now: FormState | undefined) => FormState | undefined) => void;
  errors: Record<string, string>;
  options: OpportunityOptions;
}) {
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((now) => now && { ...now, [key]: value });
  const controls: Controls = {
    form,
    options,
    set,
    field: (id) => ({
      validationMessage: errors[id],
      validationState: errors[id] ? ('error' as const) : ('none' as const),
    }),
    toggle: (key, value, on) => set(key, on ? [...form[key], value] : form[key].filter((item) => item !== value)),
  };
  return (
    <>
      <WhatItIs {...controls} />
      <WhenAndWhere {...controls} />
      <Access {...controls} />
      <ExpensesAndPlaces {...controls} />
      <WhoFits {...controls} />
    </>
  );
}

function WhatItIs({ form, set, field }: Controls) {
  return (
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
  );
}

function WhenAndWhere({ form, set, field }: Controls) {
  return (
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
  );
}

function Access({ form, options, set, field, toggle }: Controls) {
  return (
    <Group title="Access arrangements you will make">
      <Choices
        id="access"
        values={options.access.map((item) => item.value)}
        labels={Object.fromEntries(options.access.map((item) => [item.value, item.label]))}
        chosen={form.access}
        onToggle={(value, on) => toggle('access', value, on)}
      />
      <Field label="Anything else about access?" {...field('accessNotes')}>
        <Input id="accessNotes" value={form.accessNotes ?? ''} onChange={(_, data) => set('accessNotes', data.value)} />
      </Field>
    </Group>
  );
}

function ExpensesAndPlaces({ form, set, field }: Controls) {
  return (
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
        <Input id="closesOn" type="date" value={form.closesOn} onChange={(_, data) => set('closesOn', data.value)} />
      </Field>
    </Group>
  );
}

function WhoFits({ form, options, set, field, toggle }: Controls) {
  return (
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
  );
}
