import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import { fictionalPartner, seedFictionalPartners } from '../../demo/demo-partners.js';

interface PageBody {
  partner: Record<string, unknown>;
  version: string;
}
interface Reach {
  reach: { agreed: { value: number } };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('Consent per purpose, changeable: withdrawal takes effect at once, with a history', () => {
  let app: TestApp;
  const page = async (id: string, as = IEV) => (await app.getJson<PageBody>(`/api/partners/${id}`, as)).body;
  const change = (id: string, body: Record<string, unknown>, as = IEV) =>
    app.api(`/api/partners/${id}/consent`, { as, method: 'POST', body: JSON.stringify(body) });
  // Every third fictional partner agreed to equality monitoring: six who did and six who did not take part in one session
  // (both groups of five or more, so neither figure is suppressed).
  const monitored = [0, 3, 6, 12, 15, 18].map((index) => fictionalPartner(index));
  const notMonitored = [1, 2, 4, 5, 7, 10].map((index) => fictionalPartner(index));

  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedFictionalPartners(app.services.database.containers, 20);
    const partnerIds = [...monitored, ...notMonitored].map((partner) => partner.id);
    await app.services.database.containers.plans.items.create({
      id: 'plan-reach',
      type: 'plan',
      schemaVersion: 1,
      hostId: HOST.id,
      hostName: HOST.name,
      title: 'Reach',
      phase: 'running',
      partnerIds,
      sessions: [{ id: 's1', date: today(), durationMinutes: 60, format: 'in-person', partnerIds }],
    });
  });
  after(() => app?.stop());

  it('withdrawing equality consent deletes the answers, records who, when and how, and drops the partner from the figures', async () => {
    const partner = fictionalPartner(3);
    assert.ok(partner.equality);
    const figures = async () =>
      (await app.getJson<Reach>(`/api/impact?from=${today()}&to=${today()}`, IEV)).body.reach.agreed.value;
    assert.equal(await figures(), 6);
    const { version } = await page(partner.id);
    const response = await change(partner.id, {
      version,
      purpose: 'equalityMonitoring',
      given: false,
      date: today(),
      how: 'phone',
    });
    assert.equal(response.status, 200);

    const stored = (await app.services.partners.find(partner.id))!;
    assert.equal(stored.equality, undefined, 'the answers are gone');
    assert.deepEqual(stored.consent.equalityMonitoring, { given: false, at: `${today()}T12:00:00.000Z`, how: 'phone' });
    assert.deepEqual(
      stored.consentHistory!.map(({ purpose, given, how, byName }) => ({ purpose, given, how, byName })),
      [{ purpose: 'equalityMonitoring', given: false, how: 'phone', byName: IEV.name }],
    );
    assert.equal(await figures(), 5, 'the partner is no longer in the equality figures');
    const trail = await app.services.audit.trailOf(partner.id);
    assert.deepEqual(trail.find((event) => event.action === 'consent-changed')!.fields, [
      'consent.equalityMonitoring',
      'equality',
    ]);
    assert.equal(
      JSON.stringify(trail).includes(String(Object.values(partner.equality)[0])),
      false,
      'no answers in the audit',
    );
  });

  it('withdrawing contact consent hides contact details from the host at once and takes them out of "contactable"', async () => {
    const partner = fictionalPartner(10);
    assert.ok(
      (await page(partner.id, HOST)).partner.contact,
      'the host works with them and sees their contact details',
    );
    const { version } = await page(partner.id);
    assert.equal(
      (
        await change(partner.id, {
          version,
          purpose: 'contactAboutOpportunities',
          given: false,
          date: today(),
          how: 'email',
        })
      ).status,
      200,
    );
    const hostView = await page(partner.id, HOST);
    assert.equal('contact' in hostView.partner, false);
    assert.ok(
      'communicationNeeds' in hostView.partner || 'accessNeeds' in hostView.partner,
      'needs are still there for the work',
    );
    const { body } = await app.getJson<{ items: Array<{ id: string }> }>(
      `/api/partners?contactable=true&pageSize=100`,
      HOST,
    );
    assert.equal(
      body.items.some((row) => row.id === partner.id),
      false,
    );
    const { version: next } = await page(partner.id);
    assert.equal(
      (
        await change(partner.id, {
          version: next,
          purpose: 'contactAboutOpportunities',
          given: true,
          date: today(),
          how: 'in-person',
        })
      ).status,
      200,
    );
    assert.ok((await page(partner.id, HOST)).partner.contact, 'giving it again shows them again');
    assert.equal((await app.services.partners.find(partner.id))!.consentHistory!.length, 2);
  });

  const refusals: Array<[string, Record<string, unknown>, number, RegExp]> = [
    [
      'withdrawing consent to be on the register on an out-of-date version (erasure is not started)',
      { purpose: 'register', given: false, how: 'letter', version: '"stale"' },
      409,
      /Someone else changed this partner/,
    ],
    ['a date in the future', { date: '2999-01-01' }, 400, /cannot be in the future/],
    ['a made-up purpose', { purpose: 'marketing' }, 400, /Choose which consent changed/],
    ['a made-up way of telling us', { how: 'telepathy' }, 400, /Say how they told you/],
    ['an extra field', { equality: { ageBand: '18-24' } }, 400, /equality/],
    ['an out-of-date version', { version: '"stale"' }, 409, /Someone else changed this partner/],
  ];
  for (const [what, overrides, status, message] of refusals) {
    it(`refuses ${what} with a plain ${status}, and changes nothing`, async () => {
      const partner = fictionalPartner(12);
      const { version } = await page(partner.id);
      const before = await app.services.partners.find(partner.id);
      const response = await change(partner.id, {
        version,
        purpose: 'contactAboutOpportunities',
        given: false,
        date: today(),
        how: 'phone',
        ...overrides,
      });
      assert.equal(response.status, status);
      assert.match(await response.text(), message);
      assert.deepEqual(await app.services.partners.find(partner.id), before);
    });
  }

  it('withdrawing consent to be on the register erases the entry at once, keeping the withdrawal in the history', async () => {
    const partner = fictionalPartner(19);
    const { version } = await page(partner.id);
    const response = await change(partner.id, {
      version,
      purpose: 'register',
      given: false,
      date: today(),
      how: 'letter',
    });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { erased: boolean }).erased, true);
    const stored = (await app.services.partners.find(partner.id))!;
    assert.equal(stored.displayName, 'Erased partner');
    assert.deepEqual(stored.contact, {});
    assert.equal(stored.equality, undefined);
    assert.equal(stored.consent.register.given, false);
    assert.deepEqual(
      stored.consentHistory!.map(({ purpose, given, how, byName }) => ({ purpose, given, how, byName })),
      [{ purpose: 'register', given: false, how: 'letter', byName: 'Ivy IEV (demo)' }],
    );
    assert.match(stored.erasure!.reason, /withdrew their consent to be on the register \(by letter/);
    const trail = await app.services.audit.trailOf(partner.id);
    assert.deepEqual(
      trail.map((event) => event.action).filter((action) => action !== 'viewed-sensitive'),
      ['erased'],
    );
    const again = await change(partner.id, {
      version: stored._etag,
      purpose: 'register',
      given: false,
      date: today(),
      how: 'letter',
    });
    assert.equal(again.status, 409, 'an erased entry has no consent left to change');
  });

  it('refuses hosts (403) and forged ids (404)', async () => {
    const partner = fictionalPartner(12);
    const { version } = await page(partner.id);
    const body = { version, purpose: 'contactAboutOpportunities', given: false, date: today(), how: 'phone' };
    assert.equal((await change(partner.id, body, HOST)).status, 403);
    assert.equal((await change('demo-partner-99999', body)).status, 404);
  });
});
