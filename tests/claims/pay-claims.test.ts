import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { HOST, IEV, OTHER } from '../helpers/users.js';
import { approvedClaim as approvedClaimFor, startClaimsApp, storedClaim, today } from './claim-steps.js';
import { CSV_COLUMNS } from '../../domain/claims/payment-service.js';

interface BatchView {
  id: string;
  status: string;
  claimIds: string[];
  totals: { expensesPence: number; paymentsPence: number };
  links: { expenses: string; payments: string; paid: string };
}

function parseCsv(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [columns[index]!, value])));
}

describe('claims: paying approved claims', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
  });
  after(async () => app?.stop());

  const approvedClaim = (partnerName: string, withTime: boolean) => approvedClaimFor(app, partnerName, withTime);

  const exportAs = (user: typeof IEV, operationId: string) =>
    app.api('/api/claims/exports', { method: 'POST', as: user, body: JSON.stringify({ operationId }) });

  it('exports approved claims once as a batch, with expenses and taxable payments in separate files, then marks it paid', async () => {
    const first = await approvedClaim('Harpreet Hughes', true);
    const second = await approvedClaim('Idris Iqbal', false);

    const noOperation = await app.api('/api/claims/exports', { method: 'POST', as: IEV, body: JSON.stringify({}) });
    assert.equal(noOperation.status, 400);
    const problem = (await noOperation.json()) as { detail: string; errors: Array<{ field: string; message: string }> };
    assert.equal(problem.errors[0]!.field, 'operationId');
    assert.equal((await storedClaim(app, first)).status, 'approved', 'a refused export changes nothing');

    const refused = await exportAs(HOST, 'export-by-a-host');
    assert.equal(refused.status, 403);
    assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);

    const response = await exportAs(IEV, 'export-run-0001');
    assert.equal(response.status, 201);
    const { batch } = (await response.json()) as { batch: BatchView };
    assert.deepEqual([...batch.claimIds].sort(), [first, second].sort());
    assert.deepEqual(batch.totals, { expensesPence: 900, paymentsPence: 4000 });
    assert.equal((await storedClaim(app, first)).status, 'exported');

    const retried = (await (await exportAs(IEV, 'export-run-0001')).json()) as { batch: BatchView };
    assert.equal(retried.batch.id, batch.id, 'a retried export returns the same batch');

    const expensesCsv = await app.api(batch.links.expenses, { as: IEV });
    assert.equal(expensesCsv.status, 200);
    assert.match(expensesCsv.headers.get('content-type') ?? '', /text\/csv/);
    const expenseRows = parseCsv(await expensesCsv.text());
    assert.deepEqual(Object.keys(expenseRows[0]!), [...CSV_COLUMNS]);
    assert.equal(expenseRows.length, 2);
    assert.ok(
      expenseRows.every(
        (row) =>
          row.category === 'expense' && row.taxable === 'no' && row.amount_pence === '450' && row.amount_gbp === '4.50',
      ),
    );

    const paymentRows = parseCsv(await (await app.api(batch.links.payments, { as: IEV })).text());
    assert.equal(paymentRows.length, 1);
    assert.equal(paymentRows[0]!.claim_id, first);
    assert.equal(paymentRows[0]!.taxable, 'yes');
    assert.equal(paymentRows[0]!.amount_pence, '4000');
    assert.equal(paymentRows[0]!.claim_total_pence, '4000');

    assert.equal((await app.api(batch.links.expenses, { as: OTHER })).status, 403, 'only IEV sees payment files');

    const paid = await app.api(batch.links.paid, { method: 'POST', as: IEV });
    assert.equal(paid.status, 200);
    assert.equal(((await paid.json()) as { batch: BatchView }).batch.status, 'paid');
    const paidClaim = await storedClaim(app, first);
    assert.equal(paidClaim.status, 'paid');
    assert.ok(
      paidClaim.paidAt && typeof paidClaim.secondsToPay === 'number' && paidClaim.secondsToPay >= 0,
      'time from submission to payment is recorded',
    );
    assert.deepEqual(
      paidClaim.history.map((entry) => entry.status),
      ['draft', 'submitted', 'approved', 'exported', 'paid'],
    );
    assert.equal(
      (await app.api(batch.links.paid, { method: 'POST', as: IEV })).status,
      200,
      'marking paid again changes nothing',
    );
    assert.equal((await storedClaim(app, first)).history.length, 5);

    const third = await approvedClaim('Jonah Jones', false);
    const again = (await (await exportAs(IEV, 'export-run-0002')).json()) as { batch: BatchView };
    assert.deepEqual(again.batch.claimIds, [third], 'the second export holds only the newly approved claim');
    const againRows = parseCsv(await (await app.api(again.batch.links.expenses, { as: IEV })).text());
    assert.ok(againRows.every((row) => row.claim_id === third));

    const nothing = await exportAs(IEV, 'export-run-0003');
    assert.equal(nothing.status, 200);
    assert.equal(((await nothing.json()) as { batch: null }).batch, null);
  });

  it('keeps text that a spreadsheet would run as a formula as text, full-width forms too', async () => {
    // Each name starts with a character spreadsheets treat as the start of a formula (Apple Numbers folds the full-width ones).
    const names = ['=Formula Ash', '\uFF1DWide Bea', '\uFF0BWide Cal', '\uFF0DWide Dee', '\uFF20Wide Eve'];
    for (const name of names) await approvedClaim(name, false);
    const { batch } = (await (await exportAs(IEV, 'export-formulas-0001')).json()) as { batch: BatchView };
    const rows = parseCsv(await (await app.api(batch.links.expenses, { as: IEV })).text());
    assert.deepEqual(rows.map((row) => row.partner_name).sort(), names.map((name) => `'${name}`).sort());
    assert.ok(
      rows.every((row) => /^\d+$/.test(row.amount_pence!)),
      'amounts stay numbers',
    );
  });

  it('marks single claims of a batch paid on the day given, then the rest, refusing a future date or a claim from elsewhere', async () => {
    const first = await approvedClaim('Kofi Kane', false);
    const second = await approvedClaim('Lena Lowe', false);
    const overview = async (as = IEV) => app.api('/api/payments', { as });
    const before = (await (await overview()).json()) as {
      waiting: { claims: number; totals: { expensesPence: number } };
    };
    assert.deepEqual(before.waiting, { claims: 2, totals: { expensesPence: 900, paymentsPence: 0 } });
    const { batch } = (await (await exportAs(IEV, 'export-partly-0001')).json()) as { batch: BatchView };
    const paid = (body: unknown, as = IEV) =>
      app.api(batch.links.paid, { method: 'POST', as, body: JSON.stringify(body) });
    const problemsOf = async (response: Response) =>
      ((await response.json()) as { errors: Array<{ field: string; message: string }> }).errors;

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await paid({ paidOn: tomorrow, claimIds: [first] });
    assert.equal(future.status, 400);
    assert.deepEqual(await problemsOf(future), [
      { field: 'paidOn', message: 'The payment date cannot be in the future' },
    ]);
    const stranger = await paid({ claimIds: ['claim-not-in-this-batch'] });
    assert.equal(stranger.status, 400);
    assert.deepEqual(await problemsOf(stranger), [
      { field: 'claimIds', message: 'Choose claims from this payment batch' },
    ]);
    assert.equal((await paid({ paidOn: 'yesterday' })).status, 400);
    assert.equal((await storedClaim(app, first)).status, 'exported', 'a refused payment changes nothing');
    assert.equal((await paid({ claimIds: [first] }, HOST)).status, 403, 'a host cannot mark claims paid');
    assert.equal((await overview(HOST)).status, 403, 'a host cannot see the payment run');
    assert.equal((await app.api(`/api/payment-batches/${batch.id}`, { as: HOST })).status, 403);

    const day = today();
    const one = await paid({ paidOn: day, claimIds: [first] });
    assert.equal(one.status, 200);
    assert.equal(((await one.json()) as { batch: BatchView }).batch.status, 'exported', 'the batch is not paid yet');
    const firstPaid = await storedClaim(app, first);
    assert.equal(firstPaid.status, 'paid');
    assert.equal(firstPaid.paidOn, day);
    assert.equal((await storedClaim(app, second)).status, 'exported');

    const detail = (await (await app.api(`/api/payment-batches/${batch.id}`, { as: IEV })).json()) as {
      claims: Array<{ id: string; status: string; paidOn?: string }>;
    };
    assert.deepEqual(
      detail.claims.map((claim) => [claim.id, claim.status]).sort(),
      [
        [first, 'paid'],
        [second, 'exported'],
      ].sort(),
    );

    const rest = await paid({ paidOn: day });
    assert.equal(((await rest.json()) as { batch: BatchView & { paidOn: string } }).batch.paidOn, day);
    assert.equal((await storedClaim(app, second)).status, 'paid');
    assert.equal(
      (await storedClaim(app, first)).history.filter((entry) => entry.status === 'paid').length,
      1,
      'a claim is paid once',
    );
  });
});
