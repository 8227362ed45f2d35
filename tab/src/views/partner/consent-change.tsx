import { Button, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { api, API, type ConsentChangeRequest, type ConsentPurpose, type PartnerView } from '../../api.js';
import { ErrorMessage } from '../../components/states.js';
import { PURPOSE_LABEL } from './consent-labels.js';

type Given = 'yes' | 'no';

/** IEV records a partner's new choice for one purpose, with the date and how they said it. Withdrawal takes effect at once. */
export function ConsentChange({
  partner,
  version,
  onChanged,
}: {
  partner: PartnerView;
  version: string;
  onChanged: () => void;
}) {
  const change = useConsentChange(partner, version, onChanged);
  const { purpose, given, saving, error } = change;
  const erasure = purpose === 'register' && given === 'no';
  return (
    <details style={{ marginTop: 16 }}>
      <summary>Record a change of consent</summary>
      <div style={{ display: 'grid', gap: 12, maxWidth: 480, marginTop: 8 }}>
        <ConsentChoiceFields change={change} />
        <WhatWithdrawingDoes purpose={purpose} given={given} />
        <div>
          <Button onClick={() => void change.save()} disabled={saving} appearance={erasure ? 'primary' : 'secondary'}>
            {saving ? 'Saving\u2026' : erasure ? 'Record the withdrawal and erase their data' : 'Record their choice'}
          </Button>
        </div>
        {error !== undefined && <ErrorMessage error={error} />}
      </div>
    </details>
  );
}

type ConsentChangeState = ReturnType<typeof useConsentChange>;

/** The choice being recorded, and its saving; a new purpose starts from the opposite of the partner's current answer. */
function useConsentChange(partner: PartnerView, version: string, onChanged: () => void) {
  const [purpose, setPurpose] = useState<ConsentPurpose>('contactAboutOpportunities');
  const [given, setGiven] = useState<Given>(partner.consent?.contactAboutOpportunities.given ? 'no' : 'yes');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [how, setHow] = useState<ConsentChangeRequest['how']>('phone');
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const choosePurpose = (next: ConsentPurpose) => {
    setPurpose(next);
    setGiven(partner.consent?.[next].given ? 'no' : 'yes');
  };
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api(API.partnerConsent, {
        params: { id: partner.id },
        body: { version, purpose, given: given === 'yes', date, how },
      });
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };
  return { purpose, choosePurpose, given, setGiven, date, setDate, how, setHow, error, saving, save };
}

function ConsentChoiceFields({ change }: { change: ConsentChangeState }) {
  return (
    <>
      <Field label="Which consent">
        <Select value={change.purpose} onChange={(_, choice) => change.choosePurpose(choice.value as ConsentPurpose)}>
          {(Object.keys(PURPOSE_LABEL) as ConsentPurpose[]).map((key) => (
            <option key={key} value={key}>
              {PURPOSE_LABEL[key]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Their choice">
        <RadioGroup value={change.given} onChange={(_, choice) => change.setGiven(choice.value as Given)}>
          <Radio value="yes" label="They agree" />
          <Radio value="no" label="They withdraw their consent" />
        </RadioGroup>
      </Field>
      <Field label="When they told you">
        <Input
          type="date"
          value={change.date}
          max={new Date().toISOString().slice(0, 10)}
          onChange={(_, value) => change.setDate(value.value)}
        />
      </Field>
      <Field label="How they told you">
        <Select value={change.how} onChange={(_, choice) => change.setHow(choice.value as ConsentChangeRequest['how'])}>
          <option value="in-person">In person</option>
          <option value="phone">By phone</option>
          <option value="email">By email</option>
          <option value="letter">By letter</option>
          <option value="online-form">On an online form</option>
        </Select>
      </Field>
    </>
  );
}

/** What a withdrawal changes at once, said before it is recorded. */
function WhatWithdrawingDoes({ purpose, given }: { purpose: ConsentPurpose; given: Given }) {
  if (given !== 'no') return null;
  if (purpose === 'equalityMonitoring')
    return (
      <p style={{ margin: 0 }}>
        Their equality answers will be deleted at once, and they will no longer count in the equality figures.
      </p>
    );
  if (purpose === 'contactAboutOpportunities')
    return (
      <p style={{ margin: 0 }}>
        Hosts will no longer see their contact details, and they will not be offered opportunities.
      </p>
    );
  return (
    <p style={{ margin: 0 }}>
      Withdrawing consent to be on the register erases their entry at once: their personal data is removed from the
      register and their claims, and the withdrawal is kept as the reason. Claims not yet paid or rejected must be
      finished first.
    </p>
  );
}
