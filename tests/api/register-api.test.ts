import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST, IEV, OTHER, type TestUser } from '../helpers/users.js';
import { fictionalPartner, seedFictionalPartners } from '../../demo/demo-partners.js';

interface Row {
  id: string;
  displayName: string;
  status: string;
  areas: string[];
  interests: string[];
  consent: string;
}
interface ListBody {
  items: Row[];
  continuation?: string;
}

const registration = (overrides: Record<string, unknown> = {}) => ({
  operationId: randomUUID(),
  displayName: 'Winifred Testperson',
  email: 'winifred@example.org',
  phone: '01632 960999',
  preferredMethod: 'email',
  areas: ['Older people'],
  interests: ['Interview panels'],
  livedExperience: ['Carer'],
  availability: 'Tuesday mornings',
  communicationNeeds: 'Easy read papers',
  accessNeeds: 'Hearing loop',
  paymentPreference: 'expenses-only',
  consent: { register: true, contactAboutOpportunities: true, equalityMonitoring: true },
  emergencyContact: { name: 'Walter Testperson', relationship: 'Brother', phone: '01632 961999' },
  equality: { ageBand: '65+' },
  ...overrides,
});

describe('Involvement Register API', () => {
  let app: TestApp;
  const get = <T>(path: string, as: TestUser) => app.getJson<T>(path, as);

  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await app.services.directoryStore.savePerson({ userId: OTHER.id, displayName: OTHER.name, roles: ['viewer'] });
    await seedFictionalPartners(app.services.database.containers, 60);
    // Need to know: the host sees contact and needs of the partners in their work (these took part in a session).
    await app.services.database.containers.plans.items.create({
      id: 'plan-hosts-work',
      type: 'plan',
      schemaVersion: 1,
      hostId: HOST.id,
      hostName: HOST.name,
      title: 'Waiting room review',
      phase: 'running',
      partnerIds: [fictionalPartner(6).id, fictionalPartner(3).id],
      sessions: [
        {
          id: 's-work',
          date: '2026-02-01',
          durationMinutes: 60,
          format: 'in-person',
          partnerIds: [fictionalPartner(6).id, fictionalPartner(3).id],
        },
      ],
    });
  });
  after(() => app?.stop());

  describe('what each role sees on a partner page', () => {
    // fictionalPartner(6): paused, agreed to contact and to equality monitoring, has access needs and an emergency contact.
    const profile = [
      'areas',
      'availability',
      'displayName',
      'hoursInvolved',
      'id',
      'interests',
      'lastInvolvedAt',
      'livedExperience',
      'status',
    ];
    const staff = [...profile, 'accessNeeds', 'consent', 'contact', 'paymentPreference', 'registeredAt', 'welcome'];
    // fictionalPartner(13): active, no work with the host.
    const table: Array<[string, TestUser, number, string[]]> = [
      ['a member of another team', OTHER, 6, profile],
      ['a host the partner works with', HOST, 6, staff],
      ['a host with no work with the partner', HOST, 13, profile],
      ['an IEV member', IEV, 6, [...staff, 'emergencyContact', 'equality']],
    ];
    for (const [who, user, index, fields] of table) {
      it(`gives ${who} exactly the fields they may see`, async () => {
        const { status, body } = await get<{
          partner: Record<string, unknown>;
          involvement?: unknown;
          claims?: unknown;
        }>(`/api/partners/${fictionalPartner(index).id}`, user);
        assert.equal(status, 200);
        assert.deepEqual(Object.keys(body.partner).sort(), [...fields].sort());
        assert.equal(
          'involvement' in body,
          fields === staff || user === IEV,
          'involvement history is for IEV and the hosts the partner works with',
        );
      });
    }

    it('shows the emergency contact to an IEV member and writes each view to the audit log', async () => {
      const id = fictionalPartner(12).id;
      const before = await app.services.audit.trailOf(id);
      const { body } = await get<{ partner: { emergencyContact?: { name: string } } }>(`/api/partners/${id}`, IEV);
      assert.equal(body.partner.emergencyContact?.name, fictionalPartner(12).emergencyContact!.name);
      await get(`/api/partners/${id}`, IEV);
      const trail = await app.services.audit.trailOf(id);
      assert.equal(trail.length, before.length + 2);
      assert.deepEqual(trail[0]!.fields, ['emergencyContact', 'equality']);
      assert.equal(trail[0]!.actorId, IEV.id);
      assert.doesNotMatch(
        JSON.stringify(trail),
        new RegExp(fictionalPartner(12).emergencyContact!.phone),
        'the trail holds ids, not the data',
      );
      const shown = await get<{ items: Array<{ action: string; actorId: string }> }>(`/api/partners/${id}/audit`, IEV);
      assert.equal(shown.body.items.length, trail.length);
      assert.equal((await get(`/api/partners/${id}/audit`, HOST)).status, 403);
    });

    it('does not show a host the emergency contact, and writes nothing to the audit log', async () => {
      const id = fictionalPartner(13).id;
      const response = await app.api(`/api/partners/${id}`, { as: HOST });
      const text = await response.text();
      assert.doesNotMatch(text, /"emergencyContact"|"equality"/);
      assert.doesNotMatch(text, new RegExp(fictionalPartner(13).emergencyContact!.name));
      assert.deepEqual(await app.services.audit.trailOf(id), []);
    });

    it('hides contact details from a host when the partner has not agreed to be contacted', async () => {
      const notContactable = fictionalPartner(3);
      assert.equal(notContactable.consent.contactAboutOpportunities.given, false);
      const { body } = await get<{ partner: Record<string, unknown> }>(`/api/partners/${notContactable.id}`, HOST);
      assert.equal('contact' in body.partner, false);
    });

    it('answers 404 the same way for a partner who left the register and one who never existed', async () => {
      const left = fictionalPartner(9);
      assert.equal(left.status, 'left');
      const hidden = await get<{ detail: string }>(`/api/partners/${left.id}`, HOST);
      const missing = await get<{ detail: string }>('/api/partners/demo-partner-99999', HOST);
      const malformed = await get<{ detail: string }>('/api/partners/%3Cscript%3E', HOST);
      assert.equal(hidden.status, 404);
      assert.deepEqual(hidden.body, missing.body);
      assert.deepEqual(malformed.body, missing.body);
      assert.equal((await get(`/api/partners/${left.id}`, IEV)).status, 200);
    });
  });

  it('shows staff a partner\u2019s involvement history, hours and claims from the plans and claims stores', async () => {
    const partner = fictionalPartner(21);
    await app.services.database.containers.plans.items.create({
      id: 'plan-history',
      type: 'plan',
      schemaVersion: 1,
      hostId: HOST.id,
      hostName: HOST.name,
      title: 'Leaflet review',
      phase: 'running',
      partnerIds: [partner.id],
      sessions: [
        { id: 's1', date: '2026-03-01', durationMinutes: 90, partnerIds: [partner.id] },
        { id: 's2', date: '2026-03-08', durationMinutes: 60, partnerIds: ['someone-else'] },
        { id: 's3', date: '2026-03-15', durationMinutes: 45, partnerIds: [partner.id] },
      ],
    });
    const claim = {
      type: 'claim',
      schemaVersion: 1,
      hostId: HOST.id,
      partnerId: partner.id,
      totals: { expensesPence: 1250, paymentsPence: 2000 },
    };
    await app.services.database.containers.claims.items.create({
      ...claim,
      id: 'claim-paid',
      status: 'paid',
      submittedAt: '2026-03-02T10:00:00.000Z',
      paidAt: '2026-03-09T10:00:00.000Z',
    });
    await app.services.database.containers.claims.items.create({ ...claim, id: 'claim-draft', status: 'draft' });
    const { body } = await get<{ involvement: unknown[]; claims: unknown[] }>(`/api/partners/${partner.id}`, HOST);
    assert.deepEqual(body.involvement, [
      { planId: 'plan-history', title: 'Leaflet review', phase: 'running', sessions: 2, hours: 2.3 },
    ]);
    assert.deepEqual(body.claims, [
      {
        id: 'claim-paid',
        status: 'paid',
        submittedAt: '2026-03-02T10:00:00.000Z',
        amountPence: 3250,
        paidAt: '2026-03-09T10:00:00.000Z',
      },
    ]);
    const viewer = await get<Record<string, unknown>>(`/api/partners/${partner.id}`, OTHER);
    assert.equal('claims' in viewer.body, false);
  });

  describe('the register list', () => {
    const everyPage = async (
      query: string,
      as: TestUser,
      pageSize: number,
    ): Promise<{ rows: Row[]; pages: number }> => {
      const rows: Row[] = [];
      let continuation: string | undefined;
      let pages = 0;
      do {
        const params = new URLSearchParams(query);
        params.set('pageSize', String(pageSize));
        if (continuation) params.set('continuation', continuation);
        const { status, body } = await get<ListBody>(`/api/partners?${params}`, as);
        assert.equal(status, 200);
        rows.push(...body.items);
        continuation = body.continuation;
        pages += 1;
      } while (continuation);
      return { rows, pages };
    };

    it('pages with continuation tokens through every partner once, in name order', async () => {
      const { rows, pages } = await everyPage('', IEV, 25);
      assert.equal(rows.length, 60);
      assert.equal(pages, 3);
      assert.equal(new Set(rows.map((row) => row.id)).size, 60);
      const names = rows.map((row) => row.displayName.toLowerCase());
      assert.deepEqual(names, [...names].sort());
    });

    it('leaves out partners who left the register for everyone but IEV', async () => {
      const { rows } = await everyPage('', HOST, 50);
      assert.equal(rows.length, 54);
      assert.ok(rows.every((row) => row.status !== 'left'));
      const { body } = await get<ListBody>('/api/partners?status=left', HOST);
      assert.deepEqual(body.items, []);
    });

    it('searches names and interests, ignoring case', async () => {
      const byName = await get<ListBody>('/api/partners?q=GRACE', HOST);
      assert.ok(byName.body.items.length > 0);
      assert.ok(byName.body.items.every((row) => row.displayName.toLowerCase().includes('grace')));
      const byInterest = await get<ListBody>('/api/partners?q=recovery&pageSize=100', IEV);
      const expected = Array.from({ length: 60 }, (_, index) => fictionalPartner(index)).filter((partner) =>
        partner.searchInterests.some((interest) => interest.includes('recovery')),
      );
      assert.deepEqual(byInterest.body.items.map((row) => row.id).sort(), expected.map((partner) => partner.id).sort());
    });

    it('filters by status, service area and consent, and sorts', async () => {
      const paused = await get<ListBody>('/api/partners?status=paused&pageSize=100', IEV);
      assert.equal(paused.body.items.length, 6);
      assert.ok(paused.body.items.every((row) => row.status === 'paused'));
      const area = await get<ListBody>(`/api/partners?area=${encodeURIComponent('Older people')}&pageSize=100`, IEV);
      assert.ok(area.body.items.length > 0 && area.body.items.every((row) => row.areas.includes('Older people')));
      const contactable = await get<ListBody>('/api/partners?contactable=false&pageSize=100', IEV);
      assert.equal(contactable.body.items.length, 15);
      assert.ok(contactable.body.items.every((row) => row.consent === 'register-only'));
      const descending = await get<ListBody>('/api/partners?sort=name-desc&pageSize=5', IEV);
      const names = descending.body.items.map((row) => row.displayName.toLowerCase());
      assert.deepEqual(names, [...names].sort().reverse());
    });

    it('refuses a page size it does not offer, with a plain message', async () => {
      const response = await app.api('/api/partners?pageSize=5000', { as: HOST });
      assert.equal(response.status, 400);
      const problem = (await response.json()) as { errors: Array<{ field: string }> };
      assert.equal(problem.errors[0]!.field, 'pageSize');
    });
  });

  describe('registering a partner', () => {
    const register = (body: unknown, as: TestUser) =>
      app.api('/api/partners', { as, method: 'POST', body: JSON.stringify(body) });

    it('lets an IEV member register a partner, who then appears in the register with a welcome task', async () => {
      const response = await register(registration(), IEV);
      assert.equal(response.status, 201);
      const { partner } = (await response.json()) as {
        partner: { id: string; welcome: { status: string }; consent: { equalityMonitoring: { given: boolean } } };
      };
      assert.equal(partner.welcome.status, 'to-send');
      assert.equal(partner.consent.equalityMonitoring.given, true);
      const { body } = await get<ListBody>('/api/partners?q=winifred', HOST);
      assert.deepEqual(
        body.items.map((row) => row.displayName),
        ['Winifred Testperson'],
      );
      const tasks = await get<{ items: Array<{ id: string }> }>('/api/welcome-tasks', IEV);
      assert.ok(tasks.body.items.some((task) => task.id === partner.id));
      assert.equal(
        (await app.api(`/api/partners/${partner.id}/welcome-sent`, { as: IEV, method: 'POST' })).status,
        204,
      );
      const after = await get<{ items: Array<{ id: string }> }>('/api/welcome-tasks', IEV);
      assert.ok(!after.body.items.some((task) => task.id === partner.id));
    });

    it('saves a retried submission once', async () => {
      const body = registration({ displayName: 'Reginald Retry', email: 'reg@example.org', phone: undefined });
      const first = await register(body, IEV);
      const second = await register(body, IEV);
      assert.equal(first.status, 201);
      assert.equal(second.status, 200);
      const { body: list } = await get<ListBody>('/api/partners?q=reginald', IEV);
      assert.equal(list.items.length, 1);
    });

    it('spots the same person registered twice (same name and phone)', async () => {
      const first = await register(
        registration({ displayName: 'Dot Duplicate', email: 'dot@example.org', phone: '01632 960123' }),
        IEV,
      );
      assert.equal(first.status, 201);
      const again = await register(
        registration({ displayName: '  dot   DUPLICATE ', email: 'other@example.org', phone: '+44 1632 960123' }),
        IEV,
      );
      assert.equal(again.status, 409);
      const problem = (await again.json()) as { detail: string };
      assert.match(problem.detail, /Dot Duplicate is already on the register/);
    });

    it('explains every problem with the form next to its field', async () => {
      const response = await register(
        registration({
          displayName: '',
          email: undefined,
          phone: undefined,
          consent: { register: false, contactAboutOpportunities: false, equalityMonitoring: false },
          emergencyContact: { name: 'X', relationship: '', phone: 'call me' },
        }),
        IEV,
      );
      assert.equal(response.status, 400);
      const problem = (await response.json()) as { title: string; errors: Array<{ field: string; message: string }> };
      assert.equal(problem.title, 'Check your answers');
      const byField = Object.fromEntries(problem.errors.map((error) => [error.field, error.message]));
      assert.match(byField.displayName!, /Enter the partner/);
      assert.match(byField['consent.register']!, /only add someone to the register when they agree/);
      assert.match(byField['emergencyContact.relationship']!, /how the emergency contact knows/);
      assert.match(byField['emergencyContact.phone']!, /phone number/);
      assert.match(byField.email!, /email address or a phone number/);
    });

    it('refuses equality answers without the partner\u2019s explicit consent', async () => {
      const response = await register(
        registration({
          displayName: 'Nora Noconsent',
          email: 'nora@example.org',
          consent: { register: true, contactAboutOpportunities: false, equalityMonitoring: false },
        }),
        IEV,
      );
      assert.equal(response.status, 400);
      const problem = (await response.json()) as { errors: Array<{ field: string }> };
      assert.deepEqual(
        problem.errors.map((error) => error.field),
        ['equality'],
      );
    });

    it('refuses registration by a host with 403', async () => {
      const response = await register(registration({ displayName: 'Hilda Hostmade' }), HOST);
      assert.equal(response.status, 403);
      assert.match(((await response.json()) as { detail: string }).detail, /Only the IEV team can register/);
      assert.equal((await get('/api/welcome-tasks', HOST)).status, 403);
    });
  });
});

describe('Changing a partner\u2019s status', () => {
  let app: TestApp;
  const get = <T>(path: string, as: TestUser) => app.getJson<T>(path, as);
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedFictionalPartners(app.services.database.containers, 30);
  });
  after(() => app?.stop());

  it('lets an IEV member mark a partner as left, after which hosts no longer find them; a stale page cannot overwrite', async () => {
    const partner = fictionalPartner(25);
    const put = (body: unknown, as: TestUser) =>
      app.api(`/api/partners/${partner.id}/status`, { as, method: 'PUT', body: JSON.stringify(body) });
    const { body: page } = await get<{ version: string }>(`/api/partners/${partner.id}`, IEV);
    assert.equal((await put({ status: 'left', version: page.version }, HOST)).status, 403);
    const changed = await put({ status: 'left', version: page.version }, IEV);
    assert.equal(changed.status, 200);
    assert.equal(
      (await put({ status: 'paused', version: page.version }, IEV)).status,
      409,
      'the version the page was opened with is out of date',
    );
    assert.equal((await get(`/api/partners/${partner.id}`, HOST)).status, 404);
    const { body: list } = await get<ListBody>(
      `/api/partners?q=${encodeURIComponent(partner.displayName.toLowerCase())}`,
      HOST,
    );
    assert.ok(!list.items.some((row) => row.id === partner.id));
    const trail = await app.services.audit.trailOf(partner.id);
    assert.deepEqual(
      trail.filter((event) => event.action === 'status-changed').map((event) => event.fields),
      [['left']],
    );
    assert.equal((await put({ status: 'gone', version: 'x' }, IEV)).status, 400);
  });
});
