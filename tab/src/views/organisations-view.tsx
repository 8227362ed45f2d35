import {
  Badge,
  Button,
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
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, API, ApiError, type CommunityOrganisation } from '../api.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { ErrorSummary, Group, useFormStyles } from '../components/form-parts.js';
import { formatDate } from '../format.js';
import { useApiResource } from '../use-api-resource.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '12px' },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '12px 16px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { margin: '0 0 4px', fontSize: tokens.fontSizeBase400 },
  // Long addresses wrap rather than push a 320 px side panel sideways.
  details: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '4px 12px' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px', marginTop: '8px' },
  tools: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'end', margin: '12px 0' },
  filter: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
});

type Groups = ReadonlyArray<{ readonly value: string; readonly title: string }>;

/**
 * The community organisations directory. Hosts read it (who reaches the groups their plan sets out to reach);
 * the IEV team keeps it: add, edit, mark checked, remove, import a CSV. Details not checked for a year are flagged.
 */
export function OrganisationsView() {
  const styles = useStyles();
  const { data, error, reload } = useApiResource(API.organisations);
  const [said, setSaid] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const [editing, setEditing] = useState<CommunityOrganisation | 'new'>();
  const [group, setGroup] = useState('');
  const titles = useMemo(() => new Map(data?.groups.map((choice) => [choice.value, choice.title])), [data]);

  const change = async (what: () => Promise<unknown>, done: string) => {
    setFailure(undefined);
    try {
      await what();
      setSaid(done);
      await reload();
    } catch (problem) {
      setFailure(problem);
    }
  };

  if (error) return <ErrorMessage error={error} onRetry={() => void reload()} />;
  if (!data) return <Loading label="Loading the community organisations" />;
  const shown = group ? data.items.filter((item) => item.groups.includes(group)) : data.items;
  const due = data.items.filter((item) => item.checkDue).length;
  return (
    <section aria-labelledby="organisations-title">
      <h2 id="organisations-title">Community organisations</h2>
      <p>
        Voluntary and community organisations that know the communities our plans set out to reach. The bot suggests
        them to hosts at &ldquo;Who knows these communities best?&rdquo; and beside each group a plan has not reached
        yet.
        {data.canEdit
          ? ' A named contact is personal data: only the IEV team sees it.'
          : ' The IEV team keeps this list; ask them about a named contact.'}
      </p>
      <p role="status">{said}</p>
      {failure !== undefined && <ErrorMessage error={failure} />}
      {data.canEdit && due > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {due === 1 ? 'One organisation has' : `${due} organisations have`} details not checked for over a year.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.tools}>
        <Field label="Show organisations that reach" className={styles.filter}>
          <Select value={group} onChange={(_, choice) => setGroup(choice.value)}>
            <option value="">Any group</option>
            {data.groups.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.title}
              </option>
            ))}
          </Select>
        </Field>
        {data.canEdit && editing === undefined && (
          <Button appearance="primary" onClick={() => setEditing('new')}>
            Add an organisation
          </Button>
        )}
      </div>
      {editing !== undefined && (
        <OrganisationForm
          key={editing === 'new' ? 'new' : editing.id}
          groups={data.groups}
          editing={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(name) => {
            setEditing(undefined);
            setSaid(`${name} is saved in the directory.`);
            void reload();
          }}
        />
      )}
      {shown.length === 0 ? (
        <Empty>
          {data.items.length === 0
            ? 'No organisations in the directory yet.'
            : 'No organisation in the directory reaches that group yet.'}
        </Empty>
      ) : (
        <ul aria-label="Community organisations" className={styles.list}>
          {shown.map((organisation) => (
            <li key={organisation.id} className={styles.item}>
              <OrganisationItem
                organisation={organisation}
                titles={titles}
                canEdit={data.canEdit}
                onEdit={() => setEditing(organisation)}
                onChecked={() =>
                  void change(
                    () => api(API.organisationChecked, { params: { id: organisation.id } }),
                    `${organisation.name} is marked as checked today.`,
                  )
                }
                onRemove={() =>
                  void change(
                    () => api(API.removeOrganisation, { params: { id: organisation.id } }),
                    `${organisation.name} is no longer in the directory.`,
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      {data.canEdit && (
        <ImportCsv
          headings={data.csvHeadings}
          onImported={(added) => {
            setSaid(`${added === 1 ? 'One organisation' : `${added} organisations`} imported.`);
            void reload();
          }}
        />
      )}
    </section>
  );
}

function OrganisationItem({
  organisation,
  titles,
  canEdit,
  onEdit,
  onChecked,
  onRemove,
}: {
  organisation: CommunityOrganisation;
  titles: ReadonlyMap<string, string>;
  canEdit: boolean;
  onEdit: () => void;
  onChecked: () => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  const headingId = `organisation-${organisation.id}`;
  const rows: Array<[string, ReactNode]> = [
    ['Reaches', organisation.groups.map((group) => titles.get(group) ?? group).join(', ')],
    ...(organisation.areas.length > 0 ? [['Areas', organisation.areas.join(', ')] as [string, string]] : []),
    ...(organisation.phone
      ? [['Phone', <Link href={`tel:${organisation.phone.replace(/\s+/g, '')}`}>{organisation.phone}</Link>]]
      : []),
    ...(organisation.email ? [['Email', <Link href={`mailto:${organisation.email}`}>{organisation.email}</Link>]] : []),
    ...(organisation.website
      ? [
          [
            'Website',
            <Link href={organisation.website} target="_blank" rel="noreferrer">
              {organisation.website}
            </Link>,
          ],
        ]
      : []),
    ...(organisation.contactPerson ? [['Contact person', organisation.contactPerson] as [string, string]] : []),
    ...(organisation.notes ? [['Notes', organisation.notes] as [string, string]] : []),
    ['Last checked', formatDate(organisation.lastCheckedOn, 'Never')],
  ] as Array<[string, ReactNode]>;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.name}>
        {organisation.name}{' '}
        {organisation.checkDue && (
          <Badge appearance="tint" color="warning">
            Check due: not checked for over a year
          </Badge>
        )}
      </h3>
      <dl className={styles.details}>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {canEdit && (
        <div className={styles.buttons}>
          <Button size="small" onClick={onEdit} aria-label={`Edit ${organisation.name}`}>
            Edit
          </Button>
          <Button size="small" onClick={onChecked} aria-label={`Mark checked today: ${organisation.name}`}>
            Mark checked today
          </Button>
          {confirming ? (
            <>
              <Button
                size="small"
                appearance="primary"
                onClick={onRemove}
                aria-label={`Yes, remove it: ${organisation.name}`}
              >
                Yes, remove it
              </Button>
              <Button size="small" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </>
          ) : (
            <Button size="small" onClick={() => setConfirming(true)} aria-label={`Remove ${organisation.name}`}>
              Remove
            </Button>
          )}
        </div>
      )}
    </article>
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

function OrganisationForm({
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
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  // One id per form: Save pressed twice, or retried after a lost answer, adds the organisation once.
  const [operationId] = useState(() => crypto.randomUUID());
  const errors: Record<string, string> = {};
  if (failure instanceof ApiError)
    for (const problem of failure.problems) errors[problem.field.split('.')[0]!] ??= problem.message;
  const field = (id: string) => ({
    validationMessage: errors[id],
    validationState: errors[id] ? ('error' as const) : ('none' as const),
  });
  const set = (key: Exclude<keyof FormState, 'groups'>, value: string) => setForm({ ...form, [key]: value });

  const save = async (event: FormEvent) => {
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

  const title = editing ? `Edit ${editing.name}` : 'Add an organisation';
  return (
    <form
      aria-label={title}
      className={formStyles.form}
      style={{ marginBottom: 24 }}
      onSubmit={(event) => void save(event)}
      noValidate
    >
      <h3 style={{ margin: 0 }}>{title}</h3>
      {failure !== undefined && <ErrorSummary failure={failure} errors={errors} />}
      <Group title="The organisation">
        <Field label="Name" required {...field('name')}>
          <Input id="name" value={form.name} maxLength={120} onChange={(_, data) => set('name', data.value)} />
        </Field>
        <Field
          label="Areas they reach"
          hint="Towns or neighbourhoods, separated by commas; or Trust-wide."
          {...field('areas')}
        >
          <Input id="areas" value={form.areas} onChange={(_, data) => set('areas', data.value)} />
        </Field>
      </Group>
      <fieldset className={formStyles.fieldset} aria-describedby={errors.groups ? 'groups-error' : undefined}>
        <legend className={formStyles.legend}>Groups they reach (required)</legend>
        <p className={formStyles.hint}>The same groups a plan chooses at &ldquo;Who should be involved?&rdquo;.</p>
        {errors.groups && (
          <p id="groups-error" style={{ color: tokens.colorPaletteRedForeground1, margin: 0 }}>
            {errors.groups}
          </p>
        )}
        <div className={formStyles.choices}>
          {groups.map((choice, index) => (
            <Checkbox
              key={choice.value}
              // The first box takes the field's id, so the error summary's link moves focus to the list.
              {...(index === 0 ? { id: 'groups' } : {})}
              label={choice.title}
              checked={form.groups.includes(choice.value)}
              onChange={(_, data) =>
                setForm({
                  ...form,
                  groups: data.checked
                    ? [...form.groups, choice.value]
                    : form.groups.filter((group) => group !== choice.value),
                })
              }
            />
          ))}
        </div>
      </fieldset>
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

/** Import from a CSV file: the server checks every row and imports all of them or none, naming each problem's row. */
function ImportCsv({ headings, onImported }: { headings: readonly string[]; onImported: (added: number) => void }) {
  const file = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<unknown>();
  const [importing, setImporting] = useState(false);
  // Kept for one file: sending it again after a lost answer finishes the import instead of doubling it.
  const [importId, setImportId] = useState(() => crypto.randomUUID());
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(
    `${headings.join(',')}\r\nExample Carers Group,Carers; Age,Millbrook; Eastfield,hello@example.org,01632 960 000,https://example.org,,Meets on Tuesdays,31/03/2026\r\n`,
  )}`;

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setFailure(new ApiError(400, 'Choose a file', 'Choose a CSV file to import.'));
      return;
    }
    setImporting(true);
    try {
      const answer = await api(API.importOrganisations, { body: { csv: await chosen.text(), importId } });
      setImportId(crypto.randomUUID());
      if (file.current) file.current.value = '';
      onImported(answer.added);
    } catch (problem) {
      setFailure(problem);
    } finally {
      setImporting(false);
    }
  };

  const rowProblems = failure instanceof ApiError ? failure.problems.filter((problem) => problem.field !== 'csv') : [];
  return (
    <section aria-labelledby="import-title" style={{ marginTop: 24 }}>
      <h3 id="import-title">Import from a CSV file</h3>
      <p>
        One organisation per row, with the headings {headings.join(', ')}. Name and Groups are needed; separate several
        groups or areas with semicolons. Every row is checked first: if any row has a problem, nothing is imported. At
        most 500 rows or 100 KB.{' '}
        <Link href={template} download="community-organisations.csv">
          Download a template
        </Link>
        .
      </p>
      <form
        onSubmit={(event) => void upload(event)}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}
      >
        <label htmlFor="organisations-csv">CSV file</label>
        <input
          id="organisations-csv"
          ref={file}
          type="file"
          accept=".csv,text/csv"
          onChange={() => setImportId(crypto.randomUUID())}
        />
        <Button type="submit" disabled={importing}>
          Import
        </Button>
      </form>
      {failure !== undefined &&
        (rowProblems.length > 0 && failure instanceof ApiError ? (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{failure.detail}</MessageBarTitle>
              <ul aria-label="Problems in the file">
                {rowProblems.map((problem, index) => (
                  <li key={index}>{problem.message}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorMessage error={failure} />
        ))}
    </section>
  );
}
