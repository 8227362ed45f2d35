import { Field, MessageBar, MessageBarBody, MessageBarTitle, Select } from '@fluentui/react-components';
import type { Session } from '../api.js';

/**
 * Local mode only (the server says so): a clearly marked switch between the fictional demo people,
 * so the whole product can be tried in a plain browser as a host, an IEV member or another team.
 */
export function DeveloperIdentity({
  session,
  personId,
  onChange,
}: {
  session: Session;
  personId: string;
  onChange: (id: string) => void;
}) {
  const people = session.people ?? [];
  const current = people.find((person) => person.id === personId);
  return (
    <MessageBar intent="warning" layout="multiline" aria-label="Developer identity" style={{ marginBottom: 12 }}>
      <MessageBarBody>
        <MessageBarTitle>Developer identity — local mode, not signed in</MessageBarTitle>
        <p style={{ margin: '4px 0' }}>
          {current ? `${current.description}.` : 'Choose who to act as.'} All people and partners here are fictional.
        </p>
        <Field label="Acting as">
          <Select value={personId} onChange={(_, data) => onChange(data.value)}>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </Select>
        </Field>
      </MessageBarBody>
    </MessageBar>
  );
}
