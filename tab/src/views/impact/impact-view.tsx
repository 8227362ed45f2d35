import { Button, Field, Select } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { api, API, downloadFile, urlFor, type ImpactReport } from '../../api.js';
import { ErrorMessage, Loading } from '../../components/states.js';
import { Figures } from './figures.js';
import { linkedPeriod, periodChoices, type PeriodChoice } from './impact-format.js';
import { useImpactStyles } from './impact-styles.js';

/** "Is it working?" (journey 8): reach, new faces, hours, feedback loop, money and speed, with small numbers suppressed. */
export function ImpactView({
  from,
  to,
  area,
  areas,
}: {
  from?: string | undefined;
  to?: string | undefined;
  /** A channel tab pinned for one service area opens on that area's figures (#/impact?area=…). */
  area?: string | undefined;
  areas: readonly string[];
}) {
  const styles = useImpactStyles();
  const [serviceArea, setServiceArea] = useState(area ?? '');
  const [downloadError, setDownloadError] = useState<unknown>();
  const choices = useMemo(() => [...linkedPeriod(from, to), ...periodChoices(new Date())], [from, to]);
  const [choiceId, setChoiceId] = useState(choices[0]!.id);
  const { report, error, retry } = useImpactReport(choices, choiceId);

  return (
    <section aria-labelledby="impact-heading">
      <h2 id="impact-heading">Is it working?</h2>
      <p className={styles.intro}>
        Who took part in involvement work, how much time they gave, whether they heard back, and how quickly they were
        paid.
      </p>
      <div className={styles.pickers}>
        <Field label="Period" className={styles.picker}>
          <Select value={choiceId} onChange={(_, data) => setChoiceId(data.value)}>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Whose figures" className={styles.picker}>
          <Select value={serviceArea} onChange={(_, data) => setServiceArea(data.value)}>
            <option value="">The whole Trust</option>
            {[...new Set([...areas, ...(area ? [area] : [])])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {report && <BoardReports report={report} serviceArea={serviceArea} onError={setDownloadError} />}
      {downloadError !== undefined && <ErrorMessage error={downloadError} />}
      {error !== undefined && <ErrorMessage error={error} onRetry={retry} />}
      {error === undefined && !report && <Loading label="Working out the figures" />}
      {report && <Figures report={report} serviceArea={serviceArea || undefined} />}
    </section>
  );
}

/** The figures for the chosen period, asked again on `retry`. */
function useImpactReport(
  choices: readonly PeriodChoice[],
  choiceId: string,
): { report: ImpactReport | undefined; error: unknown; retry: () => void } {
  const [report, setReport] = useState<ImpactReport>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const choice = choices.find((candidate) => candidate.id === choiceId) ?? choices[0]!;
    let current = true;
    setReport(undefined);
    setError(undefined);
    api(API.impact, { query: { from: choice.from, to: choice.to } }).then(
      (found) => current && setReport(found),
      (failure: unknown) => current && setError(failure),
    );
    // A slower answer for an earlier choice must not replace the newer one.
    return () => {
      current = false;
    };
  }, [choiceId, choices, attempt]);
  return { report, error, retry: () => setAttempt((value) => value + 1) };
}

/** The board report of the figures shown, as a PDF or a CSV file. */
function BoardReports({
  report,
  serviceArea,
  onError,
}: {
  report: ImpactReport;
  serviceArea: string;
  /** Told of a failed download, and told `undefined` when another starts. */
  onError: (error: unknown) => void;
}) {
  const styles = useImpactStyles();
  return (
    <div className={styles.actions}>
      {(['pdf', 'csv'] as const).map((format) => (
        <Button
          key={format}
          onClick={() => {
            onError(undefined);
            downloadFile(
              urlFor(API.impactBoardReport, {
                query: { ...report.period, format, serviceArea: serviceArea || undefined },
              }),
            ).catch(onError);
          }}
        >
          {format === 'pdf' ? 'Board report (PDF)' : 'Board report (CSV)'}
        </Button>
      ))}
    </div>
  );
}
