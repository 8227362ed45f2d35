import { Button, Field, Input, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { api, API, type PartnerAccess, type PartnerStatus, type PartnerView } from '../../api.js';
import { ErrorMessage } from '../../components/states.js';

/** Says plainly why the page shows what it shows: the public profile, or the details a host's work needs. */
export function NeedToKnow({ access, name }: { access: PartnerAccess; name: string }) {
  if (access.audience === 'iev') return null;
  if (access.audience === 'public') {
    return (
      <p>
        You see {name}’s public profile. Contact details and communication and access needs are shown to the hosts whose
        work they take part in (a session of their plan, an expense claim they sent, or an opportunity of theirs the
        partner said they are interested in) and to the IEV team.
      </p>
    );
  }
  const because = access.work.tookPartInSession
    ? 'they took part in a session of your work'
    : access.work.claimFromHost
      ? 'you sent an expense claim for them'
      : 'they said they are interested in your opportunity';
  return (
    <p>
      You see {name}’s contact details and needs because {because}. Use them only for that work.
    </p>
  );
}

export function WelcomeTask({ partner, onDone }: { partner: PartnerView; onDone: () => void }) {
  const [error, setError] = useState<unknown>();
  if (!partner.emergencyContact) return null; // only IEV members (who see the emergency contact) own this task
  return (
    <MessageBar intent="info" layout="multiline" style={{ marginTop: 16 }}>
      <MessageBarBody>
        <strong>Task for IEV:</strong> welcome {partner.displayName} to Involvement. The welcome goes by email, text or
        letter as they prefer once they agree to be contacted; until it has gone (see Messages to the partner), welcome
        them yourself.{' '}
        <Button
          size="small"
          onClick={() => void api(API.welcomeSent, { params: { id: partner.id } }).then(onDone, setError)}
        >
          Mark welcome as sent
        </Button>
        {error !== undefined && <ErrorMessage error={error} />}
      </MessageBarBody>
    </MessageBar>
  );
}

/** IEV only: mark a partner active, paused or left. The version stops two people overwriting each other. */
export function StatusChange({
  partner,
  version,
  onChanged,
}: {
  partner: PartnerView;
  version: string;
  onChanged: () => void;
}) {
  const [status, setStatus] = useState<PartnerStatus>(partner.status);
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api(API.partnerStatus, { params: { id: partner.id }, body: { status, version } });
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div style={{ marginTop: 16, display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end' }}>
      <Field label="Status on the register">
        <Select value={status} onChange={(_, choice) => setStatus(choice.value as PartnerStatus)}>
          <option value="active">Active</option>
          <option value="paused">Paused (taking a break)</option>
          <option value="left">Left the register</option>
        </Select>
      </Field>
      <Button onClick={() => void save()} disabled={saving || status === partner.status}>
        {saving ? 'Saving\u2026' : 'Save status'}
      </Button>
      {error !== undefined && (
        <div style={{ flexBasis: '100%' }}>
          <ErrorMessage error={error} />
        </div>
      )}
    </div>
  );
}

/** IEV records that the partner completed interview panel training (seed 004); matching favours them for panels. */
export function PanelTraining({ id, onSaved }: { id: string; onSaved: () => void }) {
  const [completedOn, setCompletedOn] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await api(API.partnerPanelTraining, { params: { id }, body: { completedOn } });
      onSaved();
    } catch (problem) {
      setFailure(problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap', marginTop: 8 }}>
      <Field label="Completed interview panel training on">
        <Input
          id="panelTrainingOn"
          type="date"
          value={completedOn}
          onChange={(_, data) => setCompletedOn(data.value)}
        />
      </Field>
      <Button disabled={busy || !completedOn} onClick={() => void save()}>
        Record the training
      </Button>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </div>
  );
}
