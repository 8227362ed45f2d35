import { Button, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ResponseOf } from '../../../../contract/endpoint.js';
import { api, API, type CommunityOrganisation } from '../../api.js';
import { Empty, ErrorMessage, Loading } from '../../components/states.js';
import { useApiResource } from '../../use-api-resource.js';
import { ImportCsv } from './import-csv.js';
import { OrganisationForm } from './organisation-form.js';
import { OrganisationItem } from './organisation-item.js';
import { useOrganisationStyles, type Groups } from './organisation-styles.js';

type Editing = CommunityOrganisation | 'new' | undefined;

/**
 * The community organisations directory. Hosts read it (who reaches the groups their plan sets out to reach);
 * the IEV team keeps it: add, edit, mark checked, remove, import a CSV. Details not checked for a year are flagged.
 */
export function OrganisationsView() {
  const { data, error, reload } = useApiResource(API.organisations);
  const [said, setSaid] = useState('');
  const [editing, setEditing] = useState<Editing>();
  const [group, setGroup] = useState('');
  const { failure, change } = useDirectoryChange(setSaid, reload);

  if (error) return <ErrorMessage error={error} onRetry={() => void reload()} />;
  if (!data) return <Loading label="Loading the community organisations" />;
  const due = data.items.filter((item) => item.checkDue).length;
  const saved = (message: string) => {
    setSaid(message);
    void reload();
  };
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
      <Tools
        groups={data.groups}
        group={group}
        setGroup={setGroup}
        canAdd={data.canEdit && editing === undefined}
        onAdd={() => setEditing('new')}
      />
      {editing !== undefined && (
        <OrganisationForm
          key={editing === 'new' ? 'new' : editing.id}
          groups={data.groups}
          editing={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(name) => {
            setEditing(undefined);
            saved(`${name} is saved in the directory.`);
          }}
        />
      )}
      <Entries data={data} group={group} onEdit={setEditing} change={change} />
      {data.canEdit && (
        <ImportCsv
          headings={data.csvHeadings}
          onImported={(added) => saved(`${added === 1 ? 'One organisation' : `${added} organisations`} imported.`)}
        />
      )}
    </section>
  );
}

/** A change to one entry: what it did is said in the status line, then the directory reloads. */
function useDirectoryChange(setSaid: (message: string) => void, reload: () => Promise<void>) {
  const [failure, setFailure] = useState<unknown>();
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
  return { failure, change };
}

type Directory = ResponseOf<typeof API.organisations>;

function Tools({
  groups,
  group,
  setGroup,
  canAdd,
  onAdd,
}: {
  groups: Groups;
  group: string;
  setGroup: (group: string) => void;
  canAdd: boolean;
  onAdd: () => void;
}) {
  const styles = useOrganisationStyles();
  return (
    <div className={styles.tools}>
      <Field label="Show organisations that reach" className={styles.filter}>
        <Select value={group} onChange={(_, choice) => setGroup(choice.value)}>
          <option value="">Any group</option>
          {groups.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.title}
            </option>
          ))}
        </Select>
      </Field>
      {canAdd && (
        <Button appearance="primary" onClick={onAdd}>
          Add an organisation
        </Button>
      )}
    </div>
  );
}

function Entries({
  data,
  group,
  onEdit,
  change,
}: {
  data: Directory;
  group: string;
  onEdit: (organisation: CommunityOrganisation) => void;
  change: (what: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const styles = useOrganisationStyles();
  const titles = useMemo(() => new Map(data.groups.map((choice) => [choice.value, choice.title])), [data]);
  const shown = group ? data.items.filter((item) => item.groups.includes(group)) : data.items;
  if (shown.length === 0)
    return (
      <Empty>
        {data.items.length === 0
          ? 'No organisations in the directory yet.'
          : 'No organisation in the directory reaches that group yet.'}
      </Empty>
    );
  return (
    <ul aria-label="Community organisations" className={styles.list}>
      {shown.map((organisation) => (
        <li key={organisation.id} className={styles.item}>
          <OrganisationItem
            organisation={organisation}
            titles={titles}
            canEdit={data.canEdit}
            onEdit={() => onEdit(organisation)}
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
  );
}
