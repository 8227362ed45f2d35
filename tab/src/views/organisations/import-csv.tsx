import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { api, API, ApiError } from '../../api.js';
import { ErrorMessage } from '../../components/states.js';

/** Import from a CSV file: the server checks every row and imports all of them or none, naming each problem's row. */
export function ImportCsv({
  headings,
  onImported,
}: {
  headings: readonly string[];
  onImported: (added: number) => void;
}) {
  const file = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<unknown>();
  const [importing, setImporting] = useState(false);
  // Kept for one file: sending it again after a lost answer finishes the import instead of doubling it.
  const [importId, setImportId] = useState(() => crypto.randomUUID());
  const template = csvTemplate(headings);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setFailure(new ApiError(400, 'Choose a file', 'Choose a CSV file to import.'));
      return;
    }
    setImporting(true);
    try {
      const answer = await api(API.importOrganisations, { body: { csv: await chosen.text(), importId } });
      setImportId(crypto.randomUUID());
      if (file.current) file.current.value = '';
      onImported(answer.added);
    } catch (problem) {
      setFailure(problem);
    } finally {
      setImporting(false);
    }
  };

  return (
    <section aria-labelledby="import-title" style={{ marginTop: 24 }}>
      <h3 id="import-title">Import from a CSV file</h3>
      <p>
        One organisation per row, with the headings {headings.join(', ')}. Name and Groups are needed; separate several
        groups or areas with semicolons. Every row is checked first: if any row has a problem, nothing is imported. At
        most 500 rows or 100 KB.{' '}
        <Link href={template} download="community-organisations.csv">
          Download a template
        </Link>
        .
      </p>
      <form
        onSubmit={(event) => void upload(event)}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}
      >
        <label htmlFor="organisations-csv">CSV file</label>
        <input
          id="organisations-csv"
          ref={file}
          type="file"
          accept=".csv,text/csv"
          onChange={() => setImportId(crypto.randomUUID())}
        />
        <Button type="submit" disabled={importing}>
          Import
        </Button>
      </form>
      {failure !== undefined && <ImportProblems failure={failure} />}
    </section>
  );
}

/** The problems of a file that was refused: row by row when the server named them, otherwise in plain words. */
function ImportProblems({ failure }: { failure: unknown }) {
  const rowProblems = failure instanceof ApiError ? failure.problems.filter((problem) => problem.field !== 'csv') : [];
  if (rowProblems.length === 0 || !(failure instanceof ApiError)) return <ErrorMessage error={failure} />;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{failure.detail}</MessageBarTitle>
        <ul aria-label="Problems in the file">
          {rowProblems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** A file with the headings and one example row, to fill in. */
function csvTemplate(headings: readonly string[]): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(
    `${headings.join(',')}\r\nExample Carers Group,Carers; Age,Millbrook; Eastfield,hello@example.org,01632 960 000,https://example.org,,Meets on Tuesdays,31/03/2026\r\n`,
  )}`;
}
