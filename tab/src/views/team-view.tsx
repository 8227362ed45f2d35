import { Button, Field, Input, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { api, API, type TeamMember } from '../api.js';
import { ErrorMessage, Loading } from '../components/states.js';
import { formatDate } from '../format.js';
import { useApiResource } from '../use-api-resource.js';

/** IEV only: who is in the IEV team (the approvers), adding a colleague by name or Entra id, and removing one. */
export function TeamView({ myId }: { myId: string }) {
  const { data: team, error, reload } = useApiResource(API.team);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<unknown>();

  const change = async <T,>(what: () => Promise<T>, done: (answer: T) => string) => {
    setFailure(undefined);
    try {
      setStatus(done(await what()));
      await reload();
    } catch (problem) {
      setFailure(problem);
    }
  };

  if (error) return <ErrorMessage error={error} onRetry={() => void reload()} />;
  if (!team) return <Loading label="Loading the IEV team" />;
  return (
    <section aria-labelledby="team-title">
      <h2 id="team-title">IEV team</h2>
      <p>
        Members of the IEV team approve expense claims, pick up support requests and see every partner&apos;s details. A
        change takes effect at once, in this tab and in the bot.
      </p>
      <p role="status">{status}</p>
      {failure !== undefined && <ErrorMessage error={failure} />}
      <ul aria-label="Members of the IEV team" style={{ display: 'grid', gap: 8, paddingLeft: 20 }}>
        {team.members.map((member) => (
          <li key={member.id}>
            {member.displayName}
            {member.id === myId ? ' (you)' : ''}{' '}
            <Button
              size="small"
              aria-label={`Remove ${member.displayName} from the IEV team`}
              onClick={() =>
                void change(
                  () => api(API.removeTeamMember, { params: { userId: member.id } }),
                  () => `${member.displayName} is no longer in the IEV team.`,
                )
              }
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <AddColleague
        onAdd={(userId) =>
          void change(
            () => api(API.addTeamMember, { body: { userId } }),
            (added) => `${added.displayName} is now in the IEV team.`,
          )
        }
      />
      {team.history.length > 0 && (
        <>
          <h3>Changes to the team</h3>
          <ul aria-label="Changes to the IEV team">
            {team.history.map((entry, index) => (
              <li key={index}>
                {formatDate(entry.at)}: {entry.byName} {entry.action} {entry.aboutName}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AddColleague({ onAdd }: { onAdd: (userId: string) => void }) {
  const [name, setName] = useState('');
  const [found, setFound] = useState<ReadonlyArray<TeamMember & { inTeam: boolean }>>();
  const [entraId, setEntraId] = useState('');
  const [failure, setFailure] = useState<unknown>();

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    try {
      const answer = await api(API.teamPeople, { query: { name } });
      setFound(answer.items);
    } catch (problem) {
      setFailure(problem);
    }
  };

  return (
    <>
      <h3>Add a colleague</h3>
      <form onSubmit={(event) => void search(event)} style={{ display: 'flex', gap: 8, alignItems: 'end' }}>
        <Field label="Their name" hint="Colleagues who have used the Involvement Hub's tab or bot.">
          <Input value={name} maxLength={80} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Button type="submit">Find</Button>
      </form>
      {failure !== undefined && <ErrorMessage error={failure} />}
      {found && (
        <div role="status">
          {found.length === 0 ? (
            <Text>
              Nobody by that name has used the Involvement Hub yet. Add them by their Entra object id instead.
            </Text>
          ) : (
            <ul aria-label="Colleagues found" style={{ display: 'grid', gap: 8, paddingLeft: 20 }}>
              {found.map((person) => (
                <li key={person.id}>
                  {person.displayName}{' '}
                  {person.inTeam ? (
                    <Text>(already in the team)</Text>
                  ) : (
                    <Button
                      size="small"
                      aria-label={`Add ${person.displayName} to the IEV team`}
                      onClick={() => onAdd(person.id)}
                    >
                      Add
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onAdd(entraId.trim());
        }}
        style={{ display: 'flex', gap: 8, alignItems: 'end', marginTop: 12 }}
      >
        <Field label="Or their Microsoft Entra object id" hint="From the Teams admin centre or Entra ID.">
          <Input value={entraId} maxLength={36} onChange={(_, data) => setEntraId(data.value)} />
        </Field>
        <Button type="submit">Add by id</Button>
      </form>
    </>
  );
}
