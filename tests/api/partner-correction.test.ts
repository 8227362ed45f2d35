import assert from 'node:assert/strict';
import { UnavailableError } from '../../domain/errors.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import { fictionalPartner, seedFictionalPartners } from '../../demo/demo-partners.js';

interface PageBody {
  partner: Record<string, unknown> & { contact?: Record<string, string> };
  version: string;
  involvement?: Array<{ planId: string }>;
}

/** The correction form as the tab sends it: every field it shows, from the partner as stored. */
const formOf = (
  partner: ReturnType<typeof fictionalPartner>,
  version: string,
  overrides: Record<string, unknown> = {},
) => ({
  version,
  displayName: partner.displayName,
  email: partner.contact.email,
  phone: partner.contact.phone,
  preferredMethod: partner.contact.preferredMethod,
  areas: partner.areas,
  interests: partner.interests,
  livedExperience: partner.livedExperience,
  availability: partner.availability,
  communicationNeeds: partner.communicationNeeds,
  accessNeeds: partner.accessNeeds,
  emergencyContact: partner.emergencyContact,
  ...overrides,
});

describe('Correcting a partner\u2019s details (IEV): rectification with history kept and an audit of fields, never values', () => {
  let app: TestApp;
  const page = async (id: string) => (await app.getJson<PageBody>(`/api/partners/${id}`, IEV)).body;
  const put = (id: string, body: unknown, as = IEV) =>
    app.api(`/api/partners/${id}`, { as, method: 'PUT', body: JSON.stringify(body) });
  const stored = (id: string) => app.services.partners.find(id);

  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedFictionalPartners(app.services.database.containers, 20);
    await app.services.database.containers.plans.items.create({
      id: 'plan-with-1',
      type: 'plan',
      schemaVersion: 1,
      hostId: HOST.id,
      hostName: HOST.name,
      title: 'Garden',
      phase: 'running',
      partnerIds: [fictionalPartner(1).id],
      sessions: [
        {
          id: 's1',
          date: '2026-03-01',
          durationMinutes: 60,
          format: 'in-person',
          partnerIds: [fictionalPartner(1).id],
        },
      ],
    });
  });
  after(() => app?.stop());

  it('saves a new phone number and needs, keeps the history, and audits which fields changed without their values', async () => {
    const partner = fictionalPartner(1);
    const { version } = await page(partner.id);
    const response = await put(
      partner.id,
      formOf(partner, version, { phone: '01632 960555', communicationNeeds: 'Easy read, and papers by post' }),
    );
    assert.equal(response.status, 200);
    const answer = (await response.json()) as { changed: string[]; version: string };
    assert.deepEqual(answer.changed, ['contact.phone', 'communicationNeeds']);

    const after = await page(partner.id);
    assert.equal(after.partner.contact!.phone, '01632 960555');
    assert.equal(after.partner.communicationNeeds, 'Easy read, and papers by post');
    assert.equal(after.partner.contact!.email, partner.contact.email, 'what was not changed stays');
    assert.deepEqual(
      after.involvement!.map((entry) => entry.planId),
      ['plan-with-1'],
      'the involvement history stays with the entry',
    );
    assert.equal(after.version, answer.version);

    const trail = await app.services.audit.trailOf(partner.id);
    const corrected = trail.filter((event) => event.action === 'corrected');
    assert.equal(corrected.length, 1);
    assert.deepEqual(corrected[0]!.fields, ['contact.phone', 'communicationNeeds']);
    assert.equal(corrected[0]!.actorId, IEV.id);
    const text = JSON.stringify(trail);
    for (const value of ['01632 960555', partner.contact.phone!, 'Easy read'])
      assert.equal(text.includes(value), false, 'the trail holds field names, never values');
    assert.equal(
      (await stored(partner.id))!.pendingAudit,
      undefined,
      'the audit event was copied to the trail and cleared from the entry',
    );
  });

  it('refuses a change made on an out-of-date version, and changes nothing', async () => {
    const partner = fictionalPartner(2);
    const { version } = await page(partner.id);
    assert.equal((await put(partner.id, formOf(partner, version, { availability: 'Mornings' }))).status, 200);
    const before = await stored(partner.id);
    const stale = await put(partner.id, formOf(partner, version, { phone: '01632 960444' }));
    assert.equal(stale.status, 409);
    assert.match(((await stale.json()) as { detail: string }).detail, /Someone else changed this partner/);
    assert.deepEqual(await stored(partner.id), before);
  });

  const refusals: Array<[string, (version: string) => unknown, number, RegExp | undefined]> = [
    [
      'an oversized name',
      (version) => formOf(fictionalPartner(4), version, { displayName: 'x'.repeat(5000) }),
      400,
      /Keep this under 120 characters/,
    ],
    [
      'an oversized need',
      (version) => formOf(fictionalPartner(4), version, { accessNeeds: 'x'.repeat(1001) }),
      400,
      /Keep this under 1000 characters/,
    ],
    [
      'a field the form does not have (status, equality)',
      (version) => formOf(fictionalPartner(4), version, { status: 'left', equality: { ageBand: '18-24' } }),
      400,
      undefined,
    ],
    [
      'letters preferred with no postal address',
      (version) => formOf(fictionalPartner(4), version, { preferredMethod: 'post' }),
      400,
      /postal address/,
    ],
    [
      'a made-up contact method',
      (version) => formOf(fictionalPartner(4), version, { preferredMethod: 'pigeon' }),
      400,
      /Choose email, phone, text message or post/,
    ],
    [
      'no way to reach them',
      (version) => formOf(fictionalPartner(4), version, { email: '', phone: '', preferredMethod: undefined }),
      400,
      /so we can reach the partner/,
    ],
    ['no version', () => ({ ...formOf(fictionalPartner(4), 'x'), version: undefined }), 400, undefined],
  ];
  for (const [what, body, status, message] of refusals) {
    it(`refuses ${what} with a plain ${status}, and changes nothing`, async () => {
      const partner = fictionalPartner(4);
      const { version } = await page(partner.id);
      const before = await stored(partner.id);
      const response = await put(partner.id, body(version));
      assert.equal(response.status, status);
      assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
      if (message) assert.match(await response.text(), message);
      assert.deepEqual(await stored(partner.id), before);
    });
  }

  it('refuses hosts (403) and forged ids (404), and changes nothing', async () => {
    const partner = fictionalPartner(5);
    const { version } = await page(partner.id);
    const before = await stored(partner.id);
    assert.equal((await put(partner.id, formOf(partner, version, { phone: '01632 960333' }), HOST)).status, 403);
    assert.equal((await put('demo-partner-99999', formOf(partner, version))).status, 404);
    assert.equal((await put('%3Cscript%3E', formOf(partner, version))).status, 400);
    assert.deepEqual(await stored(partner.id), before);
  });

  it('keeps the audit event with the change when the audit trail cannot be written, and copies it on the next change (status changes too)', async () => {
    const partner = fictionalPartner(8);
    let { version } = await page(partner.id);
    const audit = app.services.audit;
    const record = audit.record.bind(audit);
    audit.record = async () => {
      throw new UnavailableError('The audit store could not be reached.');
    };
    try {
      const corrected = await put(partner.id, formOf(partner, version, { phone: '01632 960222' }));
      assert.equal(corrected.status, 200, 'the change is saved: its audit event is saved with it');
      version = ((await corrected.json()) as { version: string }).version;
      const status = await app.api(`/api/partners/${partner.id}/status`, {
        as: IEV,
        method: 'PUT',
        body: JSON.stringify({ status: 'paused', version }),
      });
      assert.equal(status.status, 200);
      version = ((await status.json()) as { version: string }).version;
    } finally {
      audit.record = record;
    }
    assert.deepEqual(
      (await stored(partner.id))!.pendingAudit!.map((event) => event.action),
      ['corrected', 'status-changed'],
    );
    const shown = (await app.getJson<{ items: Array<{ action: string }> }>(`/api/partners/${partner.id}/audit`, IEV))
      .body.items;
    assert.deepEqual(
      shown
        .map((item) => item.action)
        .filter((action) => action !== 'viewed-sensitive')
        .sort(),
      ['corrected', 'status-changed'],
      'IEV sees them while they wait',
    );

    assert.equal(
      (await put(partner.id, formOf(partner, version, { phone: '01632 960222', availability: 'Evenings' }))).status,
      200,
    );
    const trail = await app.services.audit.trailOf(partner.id);
    assert.deepEqual(
      trail
        .map((event) => event.action)
        .filter((action) => action !== 'viewed-sensitive')
        .sort(),
      ['corrected', 'corrected', 'status-changed'],
    );
    assert.equal((await stored(partner.id))!.pendingAudit, undefined);
  });
});
