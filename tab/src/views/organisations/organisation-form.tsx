import { Button, Checkbox, Field, Input, Textarea, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { api, API, ApiError, type CommunityOrganisation } from '../../api.js';
import { ErrorSummary, Group, useFormStyles } from '../../components/form-parts.js';
import type { Groups } from './organisation-styles.js';

/** Adds an organisation to the directory, or changes one (the version stops two people overwriting each other). */
export function OrganisationForm({
  groups,
  editing,
  onCancel,
  onSaved,
}: {
  groups: Groups;
  editing: CommunityOrganisation | undefined;
  onCancel: () => void;
  onSaved: (name: string) => void;
}) {
  const formStyles = useFormStyles();
  const [form, setForm] = useState<FormState>(() => formFrom(editing));
  const { failure, saving, save } = useSaveOrganisation(editing, onSaved);
  const errors: Record<string, string> = {};
  if (failure instanceof ApiError)
    for (const problem of failure.problems) errors[problem.field.split('.')[0]!] ??= problem.message;
  const fields: Fields = {
    form,
    field: (id) => ({
      validationMessage: errors[id],
      validationState: errors[id] ? ('error' as const) : ('none' as const),
    }),
    set: (key, value) => setForm({ ...form, [key]: value }),
  };

  const title = editing ? `Edit ${editing.name}` : 'Add an organisation';
  return (
    <form
      aria-label={title}
      className={formStyles.form}
      style={{ marginBottom: 24 }}
      onSubmit={(event) => void save(event, form)}
      noValidate
    >
      <h3 style={{ margin: 0 }}>{title}</h3>
      {failure !== undefined && <ErrorSummary failure={failure} errors={errors} />}
      <Group title="The organisation">
        <Field label="Name" required {...fields.field('name')}>
          <Input id="name" value={form.name} maxLength={120} onChange={(_, data) => fields.set('name', data.value)} />
        </Field>
        <Field
          label="Areas they reach"
          hint="Towns or neighbourhoods, separated by commas; or Trust-wide."
          {...fields.field('areas')}
        >
          <Input id="areas" value={form.areas} onChange={(_, data) => fields.set('areas', data.value)} />
        </Field>
      </Group>
      <GroupChoices
        groups={groups}
        chosen={form.groups}
        error={errors.groups}
        onChange={(chosen) => setForm({ ...form, groups: chosen })}
      />
      <ContactFields {...fields} />
      <NotesFields {...fields} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {editing ? 'Save changes' : 'Add to the directory'}
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

interface Fields {
  readonly form: FormState;
  readonly field: (id: string) => { validationMessage: string | undefined; validationState: 'error' | 'none' };
  readonly set: (key: Exclude<keyof FormState, 'groups'>, value: string) => void;
}

function useSaveOrganisation(editing: CommunityOrganisation | undefined, onSaved: (name: string) => void) {
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  // One id per form: Save pressed twice, or retried after a lost answer, adds the organisation once.
  const [operationId] = useState(() => crypto.randomUUID());
  const save = async (event: FormEvent, form: FormState) => {
    event.preventDefault();
    setFailure(undefined);
    setSaving(true);
    const fields = {
      ...form,
      areas: form.areas
        .split(/[,;]/)
        .map((area) => area.trim())
        .filter(Boolean),
    };
    try {
      const saved = editing
        ? await api(API.changeOrganisation, {
            params: { id: editing.id },
            body: { ...fields, version: editing.version },
          })
        : await api(API.addOrganisation, { body: { ...fields, operationId } });
      onSaved(saved.name);
    } catch (problem) {
      setFailure(problem);
    } finally {
      setSaving(false);
    }
  };
  return { failure, saving, save };
}

function GroupChoices({
  groups,
  chosen,
  error,
  onChange,
}: {
  groups: Groups;
  chosen: readonly string[];
  error: string | undefined;
  onChange: (chosen: string[]) => void;
}) {
  const formStyles = useFormStyles();
  return (
    <fieldset className={formStyles.fieldset} aria-describedby={error ? 'groups-error' : undefined}>
      <legend className={formStyles.legend}>Groups they reach (required)</legend>
      <p className={formStyles.hint}>The same groups a plan chooses at &ldquo;Who should be involved?&rdquo;.</p>
      {error && (
        <p id="groups-error" style={{ color: tokens.colorPaletteRedForeground1, margin: 0 }}>
          {error}
        </p>
      )}
      <div className={formStyles.choices}>
        {groups.map((choice, index) => (
          <Checkbox
            key={choice.value}
            // The first box takes the field's id, so the error summary's link moves focus to the list.
            {...(index === 0 ? { id: 'groups' } : {})}
            label={choice.title}
            checked={chosen.includes(choice.value)}
            onChange={(_, data) =>
              onChange(data.checked ? [...chosen, choice.value] : chosen.filter((group) => group !== choice.value))
            }
          />
        ))}
      </div>
    </fieldset>
  );
}

function ContactFields({ form, field, set }: Fields) {
  return (
    <Group title="How to contact them">
      <Field label="Phone" {...field('phone')}>
        <Input id="phone" type="tel" value={form.phone} onChange={(_, data) => set('phone', data.value)} />
      </Field>
      <Field label="Email" hint="The organisation's own address, such as hello@…" {...field('email')}>
        <Input id="email" type="email" value={form.email} onChange={(_, data) => set('email', data.value)} />
      </Field>
      <Field label="Website" {...field('website')}>
        <Input id="website" type="url" value={form.website} onChange={(_, data) => set('website', data.value)} />
      </Field>
      <Field
        label="Contact person"
        hint="A named person is personal data: only the IEV team sees it, never hosts or the bot."
        {...field('contactPerson')}
      >
        <Input
          id="contactPerson"
          value={form.contactPerson}
          maxLength={120}
          onChange={(_, data) => set('contactPerson', data.value)}
        />
      </Field>
    </Group>
  );
}

function NotesFields({ form, field, set }: Fields) {
  return (
    <Group title="Notes and checking">
      <Field
        label="Notes"
        hint="When and where they meet, what works. Hosts see these: no personal details."
        {...field('notes')}
      >
        <Textarea id="notes" value={form.notes} maxLength={1000} onChange={(_, data) => set('notes', data.value)} />
      </Field>
      <Field label="Last checked" hint="The day these details were last confirmed." {...field('lastCheckedOn')}>
        <Input
          id="lastCheckedOn"
          type="date"
          value={form.lastCheckedOn}
          onChange={(_, data) => set('lastCheckedOn', data.value)}
        />
      </Field>
    </Group>
  );
}

interface FormState {
  name: string;
  groups: string[];
  areas: string;
  email: string;
  phone: string;
  website: string;
  contactPerson: string;
  notes: string;
  lastCheckedOn: string;
}

function formFrom(organisation: CommunityOrganisation | undefined): FormState {
  return {
    name: organisation?.name ?? '',
    groups: [...(organisation?.groups ?? [])],
    areas: organisation?.areas.join(', ') ?? '',
    email: organisation?.email ?? '',
    phone: organisation?.phone ?? '',
    website: organisation?.website ?? '',
    contactPerson: organisation?.contactPerson ?? '',
    notes: organisation?.notes ?? '',
    lastCheckedOn: organisation ? (organisation.lastCheckedOn ?? '') : new Date().toISOString().slice(0, 10),
  };
}
