import { Button, Field, Link, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { api, API, type ApplicationRow } from '../api.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { formatDate } from '../format.js';
import { linkTo } from '../router.js';
import { useApiResource } from '../use-api-resource.js';

const METHOD_WORDS: Record<string, string> = {
  email: 'email',
  text: 'text message',
  phone: 'phone call',
  post: 'letter',
};

/**
 * IEV only: applications to join from the public /join page. Approve puts the person on the register (their
 * welcome goes as they prefer); decline needs a reason, and removes their details at once.
 */
export function ApplicationsView() {
  const { data, error, reload } = useApiResource(API.applications);
  const [said, setSaid] = useState('');
  const joinUrl = `${window.location.origin}/join`;
  return (
    <section aria-labelledby="applications-title">
      <h2 id="applications-title">Applications to join</h2>
      <p>
        Share the page where people apply to join the register: <Link href={joinUrl}>{joinUrl}</Link>. It needs no
        sign-in and works on a phone. Nothing from an application is shown to hosts until you approve it.
      </p>
      <figure style={{ margin: '0 0 16px' }}>
        <img src="/join/qr.svg" alt={`QR code for ${joinUrl}`} width={160} height={160} />
        <figcaption>
          Scan to apply to join. <Button onClick={() => window.print()}>Print the QR code</Button>
        </figcaption>
      </figure>
      <p role="status">{said}</p>
      {error !== undefined && <ErrorMessage error={error} onRetry={() => void reload()} />}
      {!data && error === undefined && <Loading label="Loading applications" />}
      {data && data.items.length === 0 && <Empty>No applications waiting.</Empty>}
      {data && data.items.length > 0 && (
        <ul aria-label="Applications waiting" style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 16 }}>
          {data.items.map((application) => (
            <li key={application.id}>
              <ApplicationItem
                application={application}
                onDecided={(message) => {
                  setSaid(message);
                  void reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ApplicationItem({
  application,
  onDecided,
}: {
  application: ApplicationRow;
  onDecided: (message: string, partnerId?: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [declining, setDeclining] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const titleId = `application-${application.id}`;
  const approve = () =>
    void api(API.approveApplication, { params: { id: application.id } }).then(
      ({ partnerId }) =>
        onDecided(`${application.displayName} is on the register; their welcome is on its way.`, partnerId),
      setFailure,
    );
  const decline = () =>
    void api(API.declineApplication, { params: { id: application.id }, body: { reason } }).then(
      () => onDecided(`${application.displayName}\u2019s application was declined.`),
      setFailure,
    );
  return (
    <article aria-labelledby={titleId} style={{ border: '1px solid', padding: 12, borderRadius: 4 }}>
      <h3 id={titleId} style={{ marginTop: 0 }}>
        {application.displayName}
      </h3>
      <p>
        Applied {formatDate(application.submittedAt)}.{' '}
        {[application.email, application.phone].filter(Boolean).join(', ') || 'No email or phone given'}.
        {application.preferredMethod
          ? ` Prefers ${METHOD_WORDS[application.preferredMethod] ?? application.preferredMethod}.`
          : ''}{' '}
        {application.contactConsent
          ? 'Agrees to be contacted.'
          : 'Has not agreed to be contacted: no messages will be sent.'}
      </p>
      {(application.areas.length > 0 || application.interests.length > 0) && (
        <p>Interested in: {[...application.areas, ...application.interests].join(', ')}</p>
      )}
      {failure !== undefined && <ErrorMessage error={failure} />}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" onClick={approve}>
          Approve and welcome
        </Button>
        {!declining && <Button onClick={() => setDeclining(true)}>Decline</Button>}
      </div>
      {declining && (
        <div style={{ marginTop: 8 }}>
          <Field label="Why is it declined?" hint="Kept with the date; their details are removed at once.">
            <Textarea value={reason} onChange={(_event, value) => setReason(value.value)} />
          </Field>
          <Button onClick={decline} style={{ marginTop: 8 }}>
            Decline the application
          </Button>
        </div>
      )}
      <p>
        <Link href={linkTo('partners')}>Check the register</Link> if you think they may be on it already.
      </p>
    </article>
  );
}
