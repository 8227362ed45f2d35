import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api, API, ApiError, type ClaimDetail, type DecisionRequest } from '../api.js';
import { ErrorMessage } from '../components/states.js';
import { formatDate, formatPounds } from '../format.js';
import { CLAIMS_CHANGED } from './claims-view.js';

const useStyles = makeStyles({
  panel: {
    padding: '12px 16px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    marginBottom: '12px',
    display: 'grid',
    gap: '16px',
  },
  choice: { display: 'grid', gap: '8px', maxWidth: '640px' },
  button: { justifySelf: 'start' },
  items: {
    display: 'grid',
    gap: '8px',
    margin: 0,
    padding: '8px 12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

type Outcome = 'approve' | 'reject' | 'query';

/** What happened after a decision or a reopening, said above the claim as it now stands. */
export interface ClaimNotice {
  readonly intent: 'success' | 'warning';
  readonly title: string;
  readonly text: string;
}

/**
 * Approve, reject with a reason, or ask the host a question: the same decision as the approval card, by
 * the same domain rules. The channel card is updated by the outbox, as after a press on the card.
 */
export function ClaimDecision({ claim, onDecided }: { claim: ClaimDetail; onDecided: (notice: ClaimNotice) => void }) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const [question, setQuestion] = useState('');
  // Partial approval: the items not to approve, each with the reason the host will read.
  const [notApproved, setNotApproved] = useState<Readonly<Record<string, string>>>({});
  const partly = Object.keys(notApproved).length > 0;
  const { busy, problems, error, decide } = useDecision(claim, onDecided);
  const written = { approve: { notApproved }, reject: { reason }, query: { question } };
  const choose = (outcome: Outcome) => () => void decide(outcome, written[outcome]);

  return (
    <section aria-labelledby="decide-heading" className={styles.panel}>
      <h3 id="decide-heading" style={{ margin: 0 }}>
        Decide
      </h3>
      {error !== undefined && <ErrorMessage error={error} />}
      <ItemsNotToApprove claim={claim} notApproved={notApproved} problems={problems} onChange={setNotApproved} />
      <div className={styles.choice}>
        <Button
          className={styles.button}
          appearance="primary"
          disabled={busy !== undefined}
          onClick={choose('approve')}
        >
          {busy === 'approve' ? 'Approving\u2026' : partly ? 'Approve the other items' : 'Approve'}
        </Button>
      </div>
      <WrittenDecision
        label="Reason for rejecting (the host is told)"
        value={reason}
        onChange={setReason}
        problem={problems.reason}
        busy={busy}
        onSend={choose('reject')}
      >
        {busy === 'reject' ? 'Rejecting\u2026' : 'Reject'}
      </WrittenDecision>
      <WrittenDecision
        label="Question for the host"
        value={question}
        onChange={setQuestion}
        problem={problems.question}
        busy={busy}
        onSend={choose('query')}
      >
        {busy === 'query' ? 'Sending\u2026' : 'Send question'}
      </WrittenDecision>
    </section>
  );
}

/** What the decider wrote for the outcome chosen: the items not approved, the reason, or the question. */
interface Written {
  readonly notApproved?: Readonly<Record<string, string>>;
  readonly reason?: string;
  readonly question?: string;
}

/** Sending a decision, and what came back: the field problems, an error, or a notice for the page. */
function useDecision(claim: ClaimDetail, onDecided: (notice: ClaimNotice) => void) {
  const [busy, setBusy] = useState<Outcome>();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  // One id per decision attempt: a retried request (lost answer) is recognised, never applied twice.
  const [operationId] = useState(() => `tab-${crypto.randomUUID()}`);

  const decide = async (outcome: Outcome, written: Written) => {
    setBusy(outcome);
    setProblems({});
    setError(undefined);
    try {
      const body = decisionBody(outcome, `${operationId}:${outcome}`, written);
      await api(API.decideClaim, { params: { claimId: claim.id }, body });
      window.dispatchEvent(new Event(CLAIMS_CHANGED));
      const said = {
        approve: 'rejectedItems' in body ? 'Partly approved' : 'Approved',
        reject: 'Rejected',
        query: 'Question sent',
      }[outcome];
      onDecided({
        intent: 'success',
        title: said,
        text: 'The host will be told in Teams, and the card in the IEV channel now shows it.',
      });
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 400 && failure.problems.length > 0) {
        setProblems(Object.fromEntries(failure.problems.map((problem) => [problem.field, problem.message])));
      } else if (failure instanceof ApiError && failure.status === 409) {
        window.dispatchEvent(new Event(CLAIMS_CHANGED));
        onDecided({ intent: 'warning', title: 'Someone else decided first', text: failure.detail });
      } else {
        setError(failure);
      }
    } finally {
      setBusy(undefined);
    }
  };

  return { busy, problems, error, decide };
}

function decisionBody(outcome: Outcome, operationId: string, written: Written): DecisionRequest {
  if (outcome === 'reject') return { outcome, operationId, reason: written.reason ?? '' };
  if (outcome === 'query') return { outcome, operationId, question: written.question ?? '' };
  const notApproved = Object.entries(written.notApproved ?? {});
  return {
    outcome,
    operationId,
    ...(notApproved.length > 0 ? { rejectedItems: notApproved.map(([itemId, why]) => ({ itemId, reason: why })) } : {}),
  };
}

/** The claim's items, each with a box to leave it out of the approval and, once ticked, the reason why. */
function ItemsNotToApprove({
  claim,
  notApproved,
  problems,
  onChange,
}: {
  claim: ClaimDetail;
  notApproved: Readonly<Record<string, string>>;
  problems: Readonly<Record<string, string>>;
  onChange: (next: Readonly<Record<string, string>>) => void;
}) {
  const styles = useStyles();
  return (
    <fieldset className={styles.items}>
      <legend>Items not to approve (the others are approved)</legend>
      {claim.items.map((item) => {
        const label = `${item.kindLabel}, ${formatDate(item.input.date)}: ${formatPounds(item.amountPence)}`;
        const marked = item.id in notApproved;
        return (
          <div key={item.id} className={styles.choice}>
            <Checkbox
              label={`Do not approve ${label}`}
              checked={marked}
              onChange={(_, data) => {
                const next = { ...notApproved };
                if (data.checked) next[item.id] = '';
                else delete next[item.id];
                onChange(next);
              }}
            />
            {marked && (
              <Field
                label={`Why ${label} is not approved (the host is told)`}
                validationMessage={problems[`reason-${item.id}`]}
                validationState={problems[`reason-${item.id}`] ? 'error' : 'none'}
              >
                <Textarea
                  value={notApproved[item.id]}
                  maxLength={500}
                  onChange={(_, data) => onChange({ ...notApproved, [item.id]: data.value })}
                />
              </Field>
            )}
          </div>
        );
      })}
      {problems.rejectedItems && (
        <Text role="alert" className={styles.problem}>
          {problems.rejectedItems}
        </Text>
      )}
    </fieldset>
  );
}

/** A decision that carries words for the host (a reason to reject, a question): the box, then its button. */
function WrittenDecision({
  label,
  value,
  onChange,
  problem,
  busy,
  onSend,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | undefined;
  busy: Outcome | undefined;
  onSend: () => void;
  children: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.choice}>
      <Field label={label} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
        <Textarea value={value} maxLength={500} onChange={(_, data) => onChange(data.value)} />
      </Field>
      <Button className={styles.button} disabled={busy !== undefined} onClick={onSend}>
        {children}
      </Button>
    </div>
  );
}

/**
 * The host takes back a rejected or partly approved claim, as "Correct and send back" on the bot's outcome
 * card does: the same claim, its history kept. The items are corrected in the bot, where they were added.
 */
export function ClaimReopen({ claim, onReopened }: { claim: ClaimDetail; onReopened: (notice: ClaimNotice) => void }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [operationId] = useState(() => `tab-reopen-${crypto.randomUUID()}`);
  const partly = claim.status === 'approved';

  const reopen = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api(API.reopenClaim, { params: { claimId: claim.id }, body: { operationId } });
      onReopened({
        intent: 'success',
        title: 'Reopened to correct',
        text: 'In your chat with the Involvement Hub bot, type \u201cmy claims\u201d and open this claim: change or remove the items, send any receipt, then send it back. The IEV team decides it again.',
      });
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409)
        onReopened({ intent: 'warning', title: 'This claim cannot be reopened now', text: failure.detail });
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="reopen-heading" className={styles.panel}>
      <h3 id="reopen-heading" style={{ margin: 0 }}>
        Correct and send back
      </h3>
      {error !== undefined && <ErrorMessage error={error} onRetry={() => void reopen()} />}
      <Text>
        {partly ? 'Some items were not approved. ' : 'This claim was rejected. '}
        You can take it back to correct it and send it back as the same claim: nothing already recorded is lost.
      </Text>
      <Button className={styles.button} appearance="primary" disabled={busy} onClick={() => void reopen()}>
        {busy ? 'Reopening\u2026' : 'Correct and send back'}
      </Button>
    </section>
  );
}

export function DecisionNotice({ notice }: { notice: ClaimNotice }) {
  return (
    <MessageBar intent={notice.intent} role="status" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.text}
      </MessageBarBody>
    </MessageBar>
  );
}
