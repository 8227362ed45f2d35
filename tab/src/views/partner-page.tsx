import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import {
  api,
  API,
  type AuditEntry,
  type ConsentChangeRequest,
  type ConsentPurpose,
  type PartnerAccess,
  type PartnerStatus,
  type PartnerView,
  type RegisterOptions,
} from '../api.js';
import { ErrorMessage, Loading } from '../components/states.js';
import { CLAIM_STATUS_LABEL, formatDate, formatPounds, PAYMENT_LABEL, STATUS_LABEL } from '../format.js';
import { linkTo, useRoute } from '../router.js';
import { useApiResource } from '../use-api-resource.js';
import { PartnerMessages } from '../components/partner-messages.js';
import { PartnerRights } from './partner-rights.js';

const useStyles = makeStyles({
  sections: { display: 'grid', gap: '16px', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))' },
  section: {
    padding: '12px 16px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  sensitive: { border: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  facts: { display: 'grid', gridTemplateColumns: 'minmax(110px, max-content) 1fr', gap: '4px 12px', margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  title: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  list: { margin: 0, paddingLeft: '20px' },
});

const CONTACT_METHOD_LABEL: Record<string, string> = {
  email: 'Email',
  phone: 'Phone call',
  text: 'Text message',
  post: 'Post',
};

/** How the audit trail names a corrected field (the trail holds field names, never values). */
const FIELD_WORDS: Record<string, string> = {
  displayName: 'name',
  'contact.email': 'email address',
  'contact.phone': 'phone number',
  'contact.preferredMethod': 'preferred contact method',
  'contact.postalAddress': 'postal address',
  communicationNeeds: 'communication needs',
  accessNeeds: 'access needs',
  emergencyContact: 'emergency contact',
  interests: 'interests',
  areas: 'service areas',
  availability: 'availability',
  livedExperience: 'lived experience',
};

/** One partner: profile, needs, involvement history, claims; emergency contact and equality answers for IEV only (the server decides). */
export function PartnerPage({ id, options }: { id: string; options: RegisterOptions }) {
  const styles = useStyles();
  const { data, error, reload: load } = useApiResource(API.partner, { params: { id } });
  const justSaved = useRoute().query.get('saved') === '1';

  if (error) {
    return (
      <section aria-labelledby="partner-heading">
        <h2 id="partner-heading">Involvement Partner</h2>
        <ErrorMessage error={error} onRetry={() => void load()} />
        <p>
          <Link href={linkTo('partners')}>Back to the register</Link>
        </p>
      </section>
    );
  }
  if (!data) return <Loading label="Loading the partner's record" />;
  const { partner } = data;
  return (
    <article aria-labelledby="partner-heading">
      <p>
        <Link href={linkTo('partners')}>Back to the register</Link>
      </p>
      <div className={styles.title}>
        <h2 id="partner-heading">{partner.displayName}</h2>
        <Badge appearance="tint" color={partner.status === 'active' ? 'success' : 'warning'}>
          {STATUS_LABEL[partner.status]}
        </Badge>
      </div>
      {justSaved && (
        <MessageBar intent="success" role="status" style={{ marginBottom: 12 }}>
          <MessageBarBody>Changes saved. The audit log records who changed which details.</MessageBarBody>
        </MessageBar>
      )}
      {data.version && !partner.erasure && (
        <p>
          <Link href={linkTo('editPartner', { id: partner.id })}>Correct {partner.displayName}’s details</Link>
        </p>
      )}
      <NeedToKnow access={data.access} name={partner.displayName} />
      <div className={styles.sections}>
        <Section title="Profile">
          <Facts
            rows={[
              ['Interests', partner.interests?.join(', ')],
              ['Service areas', partner.areas?.join(', ')],
              ['Lived experience', partner.livedExperience?.join(', ')],
              ['Availability', partner.availability],
              ['Last involved', formatDate(partner.lastInvolvedAt)],
              ['Hours involved', partner.hoursInvolved?.toString()],
              ['Registered', partner.registeredAt && formatDate(partner.registeredAt)],
              [
                'Interview panel training',
                partner.panelTraining &&
                  `Completed ${formatDate(partner.panelTraining.completedOn)} (recorded by ${partner.panelTraining.byName})`,
              ],
            ]}
          />
          {options.audience === 'iev' && partner.status !== 'left' && (
            <PanelTraining id={partner.id} onSaved={() => void load()} />
          )}
        </Section>
        {partner.consent && <ConsentSection partner={partner} />}
        {(partner.contact || partner.communicationNeeds || partner.accessNeeds || partner.consent) && (
          <Section title="Contact and needs">
            <Facts
              rows={[
                ['Email', partner.contact?.email],
                ['Phone', partner.contact?.phone],
                [
                  'Prefers',
                  partner.contact?.preferredMethod &&
                    (CONTACT_METHOD_LABEL[partner.contact.preferredMethod] ?? partner.contact.preferredMethod),
                ],
                ['Postal address', partner.contact?.postalAddress],
                ['Communication needs', partner.communicationNeeds ?? 'None recorded'],
                ['Access needs', partner.accessNeeds ?? 'None recorded'],
              ]}
            />
            {!partner.contact && (
              <p>
                This partner has not agreed to be contacted about opportunities. Ask the IEV team if you need to reach
                them.
              </p>
            )}
          </Section>
        )}
        {partner.emergencyContact && (
          <Section title="Emergency contact" sensitive>
            <p>Only the IEV team sees this. Your viewing has been recorded.</p>
            <Facts
              rows={[
                ['Name', partner.emergencyContact.name],
                ['Relationship', partner.emergencyContact.relationship],
                ['Phone', partner.emergencyContact.phone],
              ]}
            />
          </Section>
        )}
        {partner.equality && (
          <Section title="Equality monitoring" sensitive>
            <p>
              Given with the partner's explicit consent, for monitoring who is reached. Only the IEV team sees this.
            </p>
            <Facts
              rows={Object.entries(partner.equality).map(([question, answer]) => [
                options.equalityQuestions.find((asked) => asked.key === question)?.short ?? question,
                answer,
              ])}
            />
          </Section>
        )}
        {data.involvement && (
          <Section title="Involvement history">
            {data.involvement.length === 0 ? (
              <p>No involvement work recorded yet.</p>
            ) : (
              <ul className={styles.list}>
                {data.involvement.map((entry) => (
                  <li key={entry.planId}>
                    <Link href={linkTo('work', { plan: entry.planId })}>{entry.title}</Link> — {entry.sessions}{' '}
                    {entry.sessions === 1 ? 'session' : 'sessions'}, {entry.hours}{' '}
                    {entry.hours === 1 ? 'hour' : 'hours'}
                    {entry.chosenAt && <> — chosen from an opportunity on {formatDate(entry.chosenAt)}</>}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        )}
        {data.claims && (
          <Section title="Claims and payments">
            {data.claims.length === 0 ? (
              <p>No expense claims yet.</p>
            ) : (
              <ul className={styles.list}>
                {data.claims.map((claim) => (
                  <li key={claim.id}>
                    <Link href={linkTo('claim', { id: claim.id })}>{formatPounds(claim.amountPence)}</Link> —{' '}
                    {CLAIM_STATUS_LABEL[claim.status] ?? claim.status}, submitted {formatDate(claim.submittedAt)}
                    {claim.paidAt ? `, paid ${formatDate(claim.paidAt)}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        )}
      </div>
      {data.version && partner.consent && !partner.erasure && (
        <ConsentChange partner={partner} version={data.version} onChanged={() => void load()} />
      )}
      {data.version && !partner.erasure && (
        <StatusChange partner={partner} version={data.version} onChanged={() => void load()} />
      )}
      {data.version && <PartnerMessages partnerId={partner.id} />}
      {partner.welcome?.status === 'to-send' && <WelcomeTask partner={partner} onDone={() => void load()} />}
      {data.version && <PartnerRights partner={partner} onErased={() => void load()} />}
      {(partner.emergencyContact || partner.erasure) && <AuditTrail id={partner.id} />}
    </article>
  );
}

/** Says plainly why the page shows what it shows: the public profile, or the details a host's work needs. */
function NeedToKnow({ access, name }: { access: PartnerAccess; name: string }) {
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

const PURPOSE_LABEL: Record<ConsentPurpose, string> = {
  register: 'On the register',
  contactAboutOpportunities: 'Contact about opportunities',
  equalityMonitoring: 'Equality monitoring',
};
const HOW_LABEL: Record<string, string> = {
  'registration-form': 'on the registration form',
  'in-person': 'in person',
  phone: 'by phone',
  email: 'by email',
  letter: 'by letter',
  'online-form': 'on an online form',
};

function ConsentSection({ partner }: { partner: PartnerView }) {
  const styles = useStyles();
  const consent = partner.consent!;
  const said = (entry: { given: boolean; at: string; how?: string }) =>
    `${entry.given ? 'Yes' : 'No'} (${formatDate(entry.at)}${entry.how ? `, ${HOW_LABEL[entry.how] ?? entry.how}` : ''})`;
  return (
    <Section title="Consent">
      <Facts
        rows={[
          [PURPOSE_LABEL.register, said(consent.register)],
          [PURPOSE_LABEL.contactAboutOpportunities, said(consent.contactAboutOpportunities)],
          [PURPOSE_LABEL.equalityMonitoring, said(consent.equalityMonitoring)],
          ['Payment preference', PAYMENT_LABEL[partner.paymentPreference?.choice ?? 'not-chosen']],
        ]}
      />
      {partner.consentHistory && partner.consentHistory.length > 0 && (
        <>
          <h4 style={{ margin: '12px 0 4px' }}>Consent history</h4>
          <ul className={styles.list}>
            {[...partner.consentHistory].reverse().map((entry, index) => (
              <li key={index}>
                {formatDate(entry.at)}: {entry.given ? 'agreed to' : 'withdrew'}{' '}
                {PURPOSE_LABEL[entry.purpose].toLowerCase()}, {HOW_LABEL[entry.how] ?? entry.how} (recorded by{' '}
                {entry.byName})
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/** IEV records a partner's new choice for one purpose, with the date and how they said it. Withdrawal takes effect at once. */
function ConsentChange({
  partner,
  version,
  onChanged,
}: {
  partner: PartnerView;
  version: string;
  onChanged: () => void;
}) {
  const [purpose, setPurpose] = useState<ConsentPurpose>('contactAboutOpportunities');
  const [given, setGiven] = useState<'yes' | 'no'>(partner.consent?.contactAboutOpportunities.given ? 'no' : 'yes');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [how, setHow] = useState<ConsentChangeRequest['how']>('phone');
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const erasure = purpose === 'register' && given === 'no';
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
  return (
    <details style={{ marginTop: 16 }}>
      <summary>Record a change of consent</summary>
      <div style={{ display: 'grid', gap: 12, maxWidth: 480, marginTop: 8 }}>
        <Field label="Which consent">
          <Select
            value={purpose}
            onChange={(_, choice) => {
              const next = choice.value as ConsentPurpose;
              setPurpose(next);
              setGiven(partner.consent?.[next].given ? 'no' : 'yes');
            }}
          >
            {(Object.keys(PURPOSE_LABEL) as ConsentPurpose[]).map((key) => (
              <option key={key} value={key}>
                {PURPOSE_LABEL[key]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Their choice">
          <RadioGroup value={given} onChange={(_, choice) => setGiven(choice.value as 'yes' | 'no')}>
            <Radio value="yes" label="They agree" />
            <Radio value="no" label="They withdraw their consent" />
          </RadioGroup>
        </Field>
        <Field label="When they told you">
          <Input
            type="date"
            value={date}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(_, value) => setDate(value.value)}
          />
        </Field>
        <Field label="How they told you">
          <Select value={how} onChange={(_, choice) => setHow(choice.value as ConsentChangeRequest['how'])}>
            <option value="in-person">In person</option>
            <option value="phone">By phone</option>
            <option value="email">By email</option>
            <option value="letter">By letter</option>
            <option value="online-form">On an online form</option>
          </Select>
        </Field>
        {purpose === 'equalityMonitoring' && given === 'no' && (
          <p style={{ margin: 0 }}>
            Their equality answers will be deleted at once, and they will no longer count in the equality figures.
          </p>
        )}
        {purpose === 'contactAboutOpportunities' && given === 'no' && (
          <p style={{ margin: 0 }}>
            Hosts will no longer see their contact details, and they will not be offered opportunities.
          </p>
        )}
        {erasure && (
          <p style={{ margin: 0 }}>
            Withdrawing consent to be on the register erases their entry at once: their personal data is removed from
            the register and their claims, and the withdrawal is kept as the reason. Claims not yet paid or rejected
            must be finished first.
          </p>
        )}
        <div>
          <Button onClick={() => void save()} disabled={saving} appearance={erasure ? 'primary' : 'secondary'}>
            {saving ? 'Saving\u2026' : erasure ? 'Record the withdrawal and erase their data' : 'Record their choice'}
          </Button>
        </div>
        {error !== undefined && <ErrorMessage error={error} />}
      </div>
    </details>
  );
}

function WelcomeTask({ partner, onDone }: { partner: PartnerView; onDone: () => void }) {
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
function StatusChange({
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

const AUDIT_WORDS: Record<string, string> = {
  registered: 'registered the partner',
  'viewed-sensitive': 'viewed the emergency contact or equality answers',
  'status-changed': 'changed their status',
  corrected: 'corrected',
  'consent-changed': 'recorded a change of consent',
  exported: 'downloaded a copy of their data',
  erased: 'erased their personal data on request',
};

/** IEV only: who registered the partner and who has seen their emergency contact or equality answers. */
function AuditTrail({ id }: { id: string }) {
  const styles = useStyles();
  const [items, setItems] = useState<readonly AuditEntry[]>();
  useEffect(() => {
    api(API.partnerAudit, { params: { id } }).then(
      (found) => setItems(found.items),
      () => setItems([]),
    );
  }, [id]);
  if (!items || items.length === 0) return null;
  return (
    <details style={{ marginTop: 16 }}>
      <summary>Who has seen or changed this partner’s details ({items.length})</summary>
      <ul className={styles.list}>
        {items.map((entry, index) => (
          <li key={index}>
            {formatDate(entry.at)}: {entry.actorName} {AUDIT_WORDS[entry.action] ?? entry.action}
            {entry.action === 'corrected' && ` ${entry.fields.map((field) => FIELD_WORDS[field] ?? field).join(', ')}`}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Section({ title, sensitive, children }: { title: string; sensitive?: boolean; children: ReactNode }) {
  const styles = useStyles();
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className={`${styles.section} ${sensitive ? styles.sensitive : ''}`}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: ReadonlyArray<readonly [string, string | undefined]> }) {
  const styles = useStyles();
  const shown = rows.filter(([, value]) => value !== undefined && value !== '');
  return (
    <dl className={styles.facts}>
      {shown.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** IEV records that the partner completed interview panel training (seed 004); matching favours them for panels. */
function PanelTraining({ id, onSaved }: { id: string; onSaved: () => void }) {
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
