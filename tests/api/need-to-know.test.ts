import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST, IEV, SECOND_HOST } from '../helpers/users.js';
import { fictionalPartner, seedFictionalPartners } from '../../demo/demo-partners.js';

interface PartnerPageBody {
  partner: Record<string, unknown>;
  access: { audience: string; work: { tookPartInSession: boolean; claimFromHost: boolean } };
  involvement?: Array<{ planId: string }>;
  claims?: Array<{ id: string }>;
}

/** fictionalPartner(13): active, agreed to be contacted, with communication needs. */
const PARTNER = fictionalPartner(13);

describe('Need to know: a host sees a partner\u2019s contact details and needs only while the partner is part of their work', () => {
  let app: TestApp;
  const page = (id: string, as = HOST) => app.getJson<PartnerPageBody>(`/api/partners/${id}`, as);
  const claim = (id: string, hostId: string, partnerId: string, status: string) =>
    app.services.database.containers.claims.items.create({
      id,
      type: 'claim',
      schemaVersion: 1,
      status,
      hostId,
      hostName: 'A host',
      partnerId,
      partnerName: 'A partner',
      work: { title: 'Work' },
      items: [],
      receipts: [],
      totals: { expensesPence: 500, paymentsPence: 0 },
      policyVersion: 'test',
      createdAt: '2026-03-01T10:00:00.000Z',
      ...(status === 'draft' ? {} : { submittedAt: '2026-03-01T10:00:00.000Z' }),
      history: [],
    });
  const plan = (id: string, hostId: string, partnerIds: string[]) =>
    app.services.database.containers.plans.items.create({
      id,
      type: 'plan',
      schemaVersion: 1,
      hostId,
      hostName: 'A host',
      title: `Work ${id}`,
      phase: 'running',
      partnerIds,
      sessions: [
        {
          id: `${id}-s1`,
          date: '2026-03-01',
          durationMinutes: 60,
          format: 'in-person',
          partnerIds,
          howItWent: '',
          checkIn: 'yes',
          checkInNotes: '',
          loggedAt: '2026-03-01T12:00:00.000Z',
        },
      ],
      position: 'summary',
      revision: 1,
      answers: {},
      skipped: [],
      createdAt: '2026-02-01T09:00:00.000Z',
      updatedAt: '2026-03-01T12:00:00.000Z',
    });

  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedFictionalPartners(app.services.database.containers, 20);
  });
  after(() => app?.stop());

  it('gives a host with no work with the partner the public profile, and nothing of the private fields leaves the server', async () => {
    const response = await app.api(`/api/partners/${PARTNER.id}`, { as: HOST });
    assert.equal(response.status, 200);
    const text = await response.text();
    const body = JSON.parse(text) as PartnerPageBody;
    assert.deepEqual(Object.keys(body.partner).sort(), [
      'areas',
      'availability',
      'displayName',
      'hoursInvolved',
      'id',
      'interests',
      'lastInvolvedAt',
      'livedExperience',
      'status',
    ]);
    assert.deepEqual(body.access, { audience: 'public', work: { tookPartInSession: false, claimFromHost: false } });
    for (const secret of [
      PARTNER.contact.email!,
      PARTNER.contact.phone!,
      PARTNER.communicationNeeds!,
      PARTNER.emergencyContact!.phone,
    ]) {
      assert.equal(text.includes(secret), false, 'the response holds none of the private values');
    }
    assert.equal('involvement' in body || 'claims' in body, false);
  });

  it('does not count another host\u2019s work, or a draft claim the host started, as the host\u2019s work', async () => {
    const partner = fictionalPartner(7);
    await plan('plan-of-second-host', SECOND_HOST.id, [partner.id]);
    await claim('claim-second-host', SECOND_HOST.id, partner.id, 'submitted');
    await claim('claim-draft-by-host', HOST.id, partner.id, 'draft');
    const { body } = await page(partner.id);
    assert.equal(body.access.audience, 'public');
    assert.equal('contact' in body.partner || 'communicationNeeds' in body.partner, false);
  });

  it('shows the needs once the partner took part in a session of the host\u2019s plan, with the host\u2019s own work only', async () => {
    const partner = fictionalPartner(16);
    await plan('plan-of-another', SECOND_HOST.id, [partner.id]);
    assert.equal((await page(partner.id)).body.access.audience, 'public');
    await plan('plan-of-host', HOST.id, [partner.id]);
    const { body } = await page(partner.id);
    assert.deepEqual(body.access, { audience: 'in-work', work: { tookPartInSession: true, claimFromHost: false } });
    assert.equal(body.partner.communicationNeeds, partner.communicationNeeds);
    assert.deepEqual(body.partner.contact, partner.contact);
    assert.equal('emergencyContact' in body.partner, false, 'the emergency contact stays with IEV');
    assert.deepEqual(
      body.involvement!.map((entry) => entry.planId),
      ['plan-of-host'],
      'another host\u2019s work stays theirs',
    );
    const iev = await page(partner.id, IEV);
    assert.deepEqual(iev.body.involvement!.map((entry) => entry.planId).sort(), ['plan-of-another', 'plan-of-host']);
  });

  it('shows the needs to a host who sent a claim for the partner, with the host\u2019s own claims only', async () => {
    const partner = fictionalPartner(17);
    await claim('claim-by-host', HOST.id, partner.id, 'paid');
    await claim('claim-by-another', SECOND_HOST.id, partner.id, 'approved');
    const { body } = await page(partner.id);
    assert.deepEqual(body.access, { audience: 'in-work', work: { tookPartInSession: false, claimFromHost: true } });
    assert.ok('accessNeeds' in body.partner || 'communicationNeeds' in body.partner || 'consent' in body.partner);
    assert.deepEqual(
      body.claims!.map((entry) => entry.id),
      ['claim-by-host'],
    );
    assert.equal(
      (await app.services.audit.trailOf(partner.id)).length,
      0,
      'a host\u2019s view of needs is not an audited sensitive view',
    );
  });
});
