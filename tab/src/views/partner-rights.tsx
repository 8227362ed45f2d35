import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, API, ApiError, type PartnerView } from '../api.js';
import { ErrorMessage } from '../components/states.js';
import { formatDate } from '../format.js';

/**
 * IEV only (the server checks): a partner's rights over their data. "Download their data" saves
 * everything held about them as a file; "Erase on request" removes their personal data after a
 * confirmation with the reason.
 */
export function PartnerRights({ partner, onErased }: { partner: PartnerView; onErased: () => void }) {
  const [erasing, setErasing] = useState(false);
  const eraseButton = useRef<HTMLButtonElement>(null);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>();
  const download = async () => {
    setDownloading(true);
    setError(undefined);
    try {
      await downloadPartnerData(partner.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <section aria-labelledby="rights-heading" style={{ marginTop: 16 }}>
      <h3 id="rights-heading">Their data: requests from the partner</h3>
      {partner.erasure ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Personal data erased</MessageBarTitle>
            Erased on {formatDate(partner.erasure.at)} by {partner.erasure.byName}. Reason: {partner.erasure.reason}.
            Claims keep their amounts and dates for the Trust's financial records.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <p>
          If the partner asks for a copy of the data we hold about them, or asks us to erase it, do it here. Both are
          recorded.
        </p>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        <Button onClick={() => void download()} disabledFocusable={downloading}>
          {downloading ? 'Preparing the file\u2026' : 'Download their data'}
        </Button>
        {!partner.erasure && (
          <Button ref={eraseButton} onClick={() => setErasing(true)}>
            Erase on request
          </Button>
        )}
      </div>
      {error !== undefined && (
        <div style={{ marginTop: 8 }}>
          <ErrorMessage error={error} />
        </div>
      )}
      {/* Mounted only while in use: a closed Fluent Dialog still leaves focus-trap helpers in the page. */}
      {erasing && (
        <EraseDialog
          partner={partner}
          opener={eraseButton.current}
          onGone={(erased) => {
            setErasing(false);
            if (erased) onErased();
          }}
        />
      )}
    </section>
  );
}

/** Saves the export as a JSON file named by id and date (no name in the file name). */
async function downloadPartnerData(id: string): Promise<void> {
  const data = await api(API.partnerExport, { params: { id } });
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `involvement-partner-${id}-${data.exportedAt.slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the file is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Asks for the reason and confirms before erasing. The parent mounts it to open it and unmounts it
 * when `onGone` is called. Fluent's Dialog keeps focus inside and closes on Escape. The parent
 * unmounts it only after the closing animation has finished: unmounting an open Fluent Dialog
 * leaves the rest of the page hidden from screen readers. Focus then goes back to `opener` (a
 * controlled Dialog does not do that by itself), if it is still on the page.
 */
export function EraseDialog({
  partner,
  opener,
  onGone,
}: {
  partner: Pick<PartnerView, 'id' | 'displayName'>;
  opener: HTMLElement | null | undefined;
  /** The dialog has closed and gone; `erased` says whether the partner was erased. */
  onGone: (erased: boolean) => void;
}) {
  const [open, setOpen] = useState(true);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const erased = useRef(false);
  const gone = useCallback(() => {
    onGone(erased.current);
    setTimeout(() => opener?.isConnected && opener.focus(), 0);
  }, [onGone, opener]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(undefined);
    setError(undefined);
    try {
      await api(API.partnerErase, { params: { id: partner.id }, body: { reason } });
      erased.current = true;
      setOpen(false);
    } catch (failure) {
      const reasonProblem =
        failure instanceof ApiError ? failure.problems.find((entry) => entry.field === 'reason') : undefined;
      if (reasonProblem) setProblem(reasonProblem.message);
      else setError(failure);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, state) => setOpen(state.open)}>
      <DialogSurface aria-describedby="erase-warning">
        <AfterClosing closed={!open} then={gone} />
        {/* noValidate: the server checks the reason and its message is shown next to the field. */}
        <form noValidate onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>Erase {partner.displayName}'s data?</DialogTitle>
            <DialogContent style={{ display: 'grid', gap: 12 }}>
              <p id="erase-warning" style={{ margin: 0 }}>
                This removes their name, contact details, emergency contact, equality answers, needs and interests from
                the register and their name from their claims. It cannot be undone. Amounts and dates of their claims
                are kept for the Trust's financial records.
              </p>
              <Field
                label="Why are you erasing their data?"
                required
                validationMessage={problem}
                validationState={problem ? 'error' : 'none'}
              >
                <Textarea
                  value={reason}
                  onChange={(_, value) => setReason(value.value)}
                  maxLength={500}
                  placeholder="For example: the partner asked us to, by email on 3 March"
                />
              </Field>
              {error !== undefined && <ErrorMessage error={error} />}
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" appearance="primary" disabledFocusable={saving}>
                {saving ? 'Erasing\u2026' : 'Erase their data'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

const CLOSING_FALLBACK_MS = 1000;

/**
 * Calls `then` once, when the dialog surface it sits in has gone after closing (its exit animation
 * is over), or after a second if the surface stays. Ignores React's development-mode remounts,
 * which happen while the dialog is still open.
 */
function AfterClosing({ closed, then }: { closed: boolean; then: () => void }) {
  const latest = useRef({ closed, then, done: false });
  latest.current = { ...latest.current, closed, then };
  const finish = useCallback(() => {
    if (latest.current.done) return;
    latest.current.done = true;
    latest.current.then();
  }, []);
  useEffect(() => {
    if (!closed) return undefined;
    const timer = setTimeout(finish, CLOSING_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [closed, finish]);
  useEffect(
    () => () => {
      if (latest.current.closed) setTimeout(finish, 0);
    },
    [finish],
  );
  return null;
}
