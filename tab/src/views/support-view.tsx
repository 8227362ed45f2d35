import { Button, Field, Link, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { api, API, type SupportRequestRow, type TeamMember as Member } from '../api.js';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { formatDate } from '../format.js';
import { linkTo } from '../router.js';
import { useApiResource } from '../use-api-resource.js';

type SupportRow = SupportRequestRow;

const STATUS_TEXT: Record<SupportRow['status'], string> = {
  open: 'Waiting for someone to pick it up',
  taken: 'Picked up',
  done: 'Done',
};

/** IEV only: New Works requests to work: give one to a colleague, keep notes, mark it done (the host is told). */
export function SupportView({ show }: { show: 'open' | 'done' }) {
  const status = show === 'done' ? 'done' : 'open,taken';
  const { data, error, reload } = useApiResource(API.supportRequests, { query: { status } });
  const { data: team } = useApiResource(API.team);
  const [said, setSaid] = useState('');

  return (
    <section aria-labelledby="support-title">
      <h2 id="support-title">Support requests</h2>
      <p>
        New Works requests from hosts. Give each to a colleague, keep notes as you help, and mark it done: the host is
        told in Teams, and the card in the IEV channel shows the same.
      </p>
      <nav aria-label="Which requests" style={{ display: 'flex', gap: 16, marginBottom: 12 }}>
        <Link href={linkTo('support')} aria-current={show === 'open' ? 'page' : undefined}>
          Open and picked up
        </Link>
        <Link href={linkTo('support', { show: 'done' })} aria-current={show === 'done' ? 'page' : undefined}>
          Done
        </Link>
      </nav>
      <p role="status">{said}</p>
      {error !== undefined && <ErrorMessage error={error} onRetry={() => void reload()} />}
      {!data && error === undefined && <Loading label="Loading support requests" />}
      {data && data.items.length === 0 && <Empty>No support requests here.</Empty>}
      {data && (
        <ul aria-label="Support requests" style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 16 }}>
          {data.items.map((request) => (
            <li key={request.id}>
              <SupportRequestItem
                request={request}
                members={team?.members ?? []}
                onChanged={(message) => {
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

function SupportRequestItem({
  request,
  members,
  onChanged,
}: {
  request: SupportRow;
  members: readonly Member[];
  onChanged: (message: string) => void;
}) {
  const [assignee, setAssignee] = useState(request.assignedTo?.id ?? '');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const params = { hostId: request.hostId, requestId: request.id };
  const act = async (what: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await what();
      onChanged(message);
    } catch (problem) {
      setFailure(problem);
    } finally {
      setBusy(false);
    }
  };
  const headingId = `support-${request.id}`;
  const open = request.status !== 'done';
  return (
    <article
      aria-labelledby={headingId}
      style={{ border: '1px solid currentColor', borderRadius: 4, padding: '8px 16px' }}
    >
      <h3 id={headingId} style={{ marginBottom: 4 }}>
        {request.planTitle}
      </h3>
      <p style={{ margin: 0 }}>
        From {request.hostName}, {formatDate(request.createdAt)}. Help with: {request.kinds.join('; ')}.
      </p>
      <p>{request.description}</p>
      <p>
        <strong>Status:</strong> {STATUS_TEXT[request.status]}
        {request.assignedTo && open ? ` by ${request.assignedTo.name}` : ''}
        {request.done ? ` (marked by ${request.done.byName} on ${formatDate(request.done.at)})` : ''}
      </p>
      <p>
        <Link href={linkTo('supportPlan', { hostId: request.hostId, requestId: request.id })}>
          Open the plan behind {request.planTitle} (read-only)
        </Link>
      </p>
      {request.notes.length > 0 && (
        <>
          <h4 style={{ margin: '8px 0 4px' }}>Notes</h4>
          <ul>
            {request.notes.map((entry, index) => (
              <li key={index}>
                {formatDate(entry.at)}, {entry.byName}: {entry.note}
              </li>
            ))}
          </ul>
        </>
      )}
      {failure !== undefined && <ErrorMessage error={failure} />}
      {open && (
        <div style={{ display: 'grid', gap: 12, maxWidth: 560, marginBottom: 8 }}>
          <div style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
            <Field label="Give it to">
              <Select value={assignee} onChange={(_, choice) => setAssignee(choice.value)}>
                <option value="">Choose a colleague</option>
                {members.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.displayName}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              disabled={busy}
              onClick={() =>
                void act(
                  () => api(API.assignSupportRequest, { params, body: { assignee } }),
                  `${request.planTitle}: given to ${members.find((member) => member.id === assignee)?.displayName ?? 'a colleague'}.`,
                )
              }
            >
              Give it to them
            </Button>
          </div>
          <Field label="Add a note" hint="Seen by the IEV team only.">
            <Textarea value={note} maxLength={1000} onChange={(_, data) => setNote(data.value)} />
          </Field>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button
              disabled={busy}
              onClick={() => {
                void act(
                  () => api(API.noteSupportRequest, { params, body: { note } }),
                  `${request.planTitle}: note added.`,
                ).then(() => setNote(''));
              }}
            >
              Add the note
            </Button>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() =>
                void act(
                  () => api(API.supportRequestDone, { params }),
                  `${request.planTitle}: marked done. The host has been told.`,
                )
              }
            >
              Mark done
            </Button>
          </div>
        </div>
      )}
    </article>
  );
}

/** The plan behind a request, read-only: IEV reads what the host planned before helping. */
export function SupportPlanView({ hostId, requestId }: { hostId: string; requestId: string }) {
  const { data: plan, error, reload } = useApiResource(API.supportRequestPlan, { params: { hostId, requestId } });
  if (error !== undefined) return <ErrorMessage error={error} onRetry={() => void reload()} />;
  if (!plan) return <Loading label="Loading the plan" />;
  return (
    <article aria-labelledby="plan-title">
      <p>
        <Link href={linkTo('support')}>Back to support requests</Link>
      </p>
      <h2 id="plan-title">{plan.title}</h2>
      <p>
        {plan.hostName}&apos;s plan, read-only. {plan.phase}
        {plan.serviceArea ? `, for ${plan.serviceArea}` : ''}. Sessions logged: {plan.sessions}.
      </p>
      {plan.gaps.length > 0 && (
        <>
          <h3>What the plan is missing</h3>
          <ul>
            {plan.gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </>
      )}
      {plan.sections.map((section) => (
        <section key={section.title} aria-label={section.title}>
          <h3>{section.title}</h3>
          {section.rows.length === 0 ? (
            <p>Not answered yet.</p>
          ) : (
            <dl>
              {section.rows.map(([label, value]) => (
                <div key={label}>
                  <dt style={{ fontWeight: 600 }}>{label}</dt>
                  <dd style={{ marginLeft: 0, marginBottom: 8 }}>{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      ))}
    </article>
  );
}
