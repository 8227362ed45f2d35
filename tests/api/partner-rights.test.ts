import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { HOST, IEV, OTHER, type TestUser } from '../helpers/users.js';
import {
  addMileage,
  addPartner,
  pressFor,
  startClaim,
  startClaimsApp,
  storedClaim,
  submit,
  today,
} from '../claims/claim-steps.js';
import { planAtSummary, pressOn } from '../planning/planning-steps.js';
import type { Partner } from '../../domain/register/partner.js';
import { SESSION_VERBS } from '../../bot/planning/planning-verbs.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

interface Problem {
  title: string;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}
interface ExportBody {
  registerEntry: Partner;
  involvement: Array<{ title: string; sessionsAttended: Array<{ date: string; format: string; minutes: number }> }>;
  claims: Array<{
    id: string;
    status: string;
    partnerName: string;
    totals: { expensesPence: number };
    receipts: unknown[];
    history: Array<{ status: string }>;
  }>;
  auditTrail: Array<{ action: string; by: string }>;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const yearsAgo = (years: number): string => new Date(Date.now() - years * YEAR_MS).toISOString();

/** Everything a partner told us, so the test can check it all leaves on export and on erasure. */
const ROWENA: Partial<Partner> = {
  // Registered partners' ids come from a form's operation id, never from their name.
  id: 'partner-6c1d2e3f-4a5b-4c6d-8e7f-001122334455',
  contact: { email: 'rowena.rightsperson@example.org', phone: '01632 960777', preferredMethod: 'email' },
  emergencyContact: { name: 'Reginald Rightsperson', relationship: 'Brother', phone: '01632 961777' },
  equality: { ageBand: '50-64', disability: 'Yes' },
  communicationNeeds: 'Large print papers',
  accessNeeds: 'Step-free access',
  availability: 'Thursday afternoons',
  interests: ['Mental health wards'],
  searchInterests: ['mental health wards'],
  livedExperience: ['Carer'],
};
const PERSONAL_DETAILS = [
  'Rowena',
  'rightsperson',
  '960777',
  '961777',
  'Reginald',
  'Large print',
  'Step-free',
  'Thursday afternoons',
  'Mental health wards',
  'Mansfield',
];

describe('A partner\u2019s rights over their data: export, erasure and retention review (IEV only)', () => {
  let app: TestApp;
  let rowena: Partner;
  let paidClaimId: string;
  let rejectedClaimId: string;

  const call = (path: string, as: TestUser, init: RequestInit = {}) => app.api(path, { ...init, as });
  const erase = (id: string, as: TestUser, body: unknown = { reason: 'The partner asked us to erase their data.' }) =>
    call(`/api/partners/${id}/erase`, as, { method: 'POST', body: JSON.stringify(body) });

  async function claimFor(search: string): Promise<string> {
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, search);
    await addMileage(host, claimId, '10');
    await submit(host, claimId);
    return claimId;
  }

  before(async () => {
    app = await startClaimsApp();
    await app.services.directoryStore.savePerson({ userId: OTHER.id, displayName: OTHER.name, roles: ['viewer'] });
    rowena = await addPartner(app, 'Rowena Rightsperson', ROWENA);
    await addPartner(app, 'Blake Unsettled');

    // Rowena took part in a session of a host's involvement work...
    const host = app.personalChat(HOST);
    await pressOn(host, await planAtSummary(host), SESSION_VERBS.start.verb).then(({ card }) =>
      pressOn(host, card, SESSION_VERBS.save.verb, {
        date: today(),
        durationMinutes: '90',
        format: 'visit',
        partnerIds: rowena.id,
        howItWent: 'Useful',
        checkIn: 'yes',
      }),
    );
    // ...and has one claim paid and one rejected; Blake has one still waiting for a decision.
    paidClaimId = await claimFor('Rowena');
    await pressFor(app.channel(IEV), CLAIM_VERBS.approve.verb, { claimId: paidClaimId });
    const exported = await call('/api/claims/exports', IEV, {
      method: 'POST',
      body: JSON.stringify({ operationId: 'rights-export-0001' }),
    });
    const { batch } = (await exported.json()) as { batch: { links: { paid: string } } };
    assert.equal((await call(batch.links.paid, IEV, { method: 'POST' })).status, 200);
    rejectedClaimId = await claimFor('Rowena');
    await pressFor(app.channel(IEV), CLAIM_VERBS.reject.verb, {
      claimId: rejectedClaimId,
      reason: 'Travel was already paid for.',
    });
    await claimFor('Blake');
  });
  after(() => app?.stop());

  describe('who may use them', () => {
    const routes: Array<[string, (as: TestUser) => Promise<Response>]> = [
      ['exporting a partner\u2019s data', (as) => call(`/api/partners/${rowena.id}/export`, as)],
      ['erasing a partner', (as) => erase(rowena.id, as)],
      ['the retention review', (as) => call('/api/retention-review', as)],
    ];
    for (const [what, request] of routes) {
      for (const [who, user] of [
        ['a host', HOST],
        ['a member of another team', OTHER],
      ] as const) {
        it(`refuses ${who} ${what} with a plain 403 and changes nothing`, async () => {
          const response = await request(user);
          assert.equal(response.status, 403);
          assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
          assert.match(((await response.json()) as Problem).detail, /Only the IEV team/);
          assert.equal((await app.services.partners.get(rowena.id)).displayName, 'Rowena Rightsperson');
        });
      }
    }

    it('answers an IEV member asking about someone not on the register with 404, for export and erasure', async () => {
      for (const response of [
        await call('/api/partners/no-such-partner/export', IEV),
        await erase('no-such-partner', IEV),
        await call('/api/partners/bad%20id!/export', IEV),
      ]) {
        assert.equal(response.status, 404);
        assert.match(((await response.json()) as Problem).detail, /could not find that Involvement Partner/);
      }
    });
  });

  describe('export on request (subject access)', () => {
    it('downloads everything held about the partner as a JSON file, and records the export', async () => {
      const response = await call(`/api/partners/${rowena.id}/export`, IEV);
      assert.equal(response.status, 200);
      const disposition = response.headers.get('content-disposition') ?? '';
      assert.match(
        disposition,
        new RegExp(`^attachment; filename="involvement-partner-${rowena.id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
      );
      assert.doesNotMatch(disposition, /Rowena/i, 'the file name holds no name');
      const body = (await response.json()) as ExportBody;

      assert.deepEqual(body.registerEntry.emergencyContact, ROWENA.emergencyContact);
      assert.deepEqual(body.registerEntry.equality, ROWENA.equality);
      assert.deepEqual(body.registerEntry.contact, ROWENA.contact);
      assert.equal(body.registerEntry.accessNeeds, 'Step-free access');

      assert.equal(body.involvement.length, 1);
      assert.deepEqual(body.involvement[0]!.sessionsAttended, [{ date: today(), format: 'visit', minutes: 90 }]);

      const byId = new Map(body.claims.map((claim) => [claim.id, claim]));
      assert.deepEqual([...byId.keys()].sort(), [paidClaimId, rejectedClaimId].sort());
      assert.equal(byId.get(paidClaimId)!.status, 'paid');
      assert.equal(byId.get(paidClaimId)!.totals.expensesPence, 450);
      assert.deepEqual(
        byId.get(paidClaimId)!.history.map((entry) => entry.status),
        ['draft', 'submitted', 'approved', 'exported', 'paid'],
      );
      assert.equal(byId.get(rejectedClaimId)!.status, 'rejected');
      assert.doesNotMatch(
        JSON.stringify(body.claims),
        /blobName|approvalCard/,
        'receipts by name only; no Teams internals',
      );

      assert.equal(body.auditTrail[0]!.action, 'exported');
      assert.equal(body.auditTrail[0]!.by, IEV.name);
      const trail = await app.services.audit.trailOf(rowena.id);
      assert.equal(trail.filter((event) => event.action === 'exported' && event.actorId === IEV.id).length, 1);
    });
  });

  describe('erasure on request', () => {
    it('needs a reason', async () => {
      const response = await erase(rowena.id, IEV, { reason: ' ' });
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as Problem).errors?.[0]?.field, 'reason');
      assert.equal((await app.services.partners.get(rowena.id)).displayName, 'Rowena Rightsperson');
    });

    it('is refused, in plain words, while the partner has a claim not yet paid or rejected', async () => {
      const blake = (await app.services.partners.searchByName('blake'))[0]!;
      const response = await erase(blake.id, IEV);
      assert.equal(response.status, 409);
      assert.match(
        ((await response.json()) as Problem).detail,
        /an expense claim that is not yet paid or rejected \(waiting for IEV approval\)/,
      );
      const stored = await app.services.partners.get(blake.id);
      assert.equal(stored.displayName, 'Blake Unsettled');
      assert.equal(stored.erasure, undefined);
      assert.ok(!(await app.services.audit.trailOf(blake.id)).some((event) => event.action === 'erased'));
    });

    it('removes personal data from the register and the claims, keeps the amounts, and records who, when and why', async () => {
      const claimsBefore = await Promise.all([storedClaim(app, paidClaimId), storedClaim(app, rejectedClaimId)]);
      const hoursBefore = (await app.services.partners.get(rowena.id)).hoursInvolved;
      const response = await erase(rowena.id, IEV);
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { alreadyErased: boolean }).alreadyErased, false);

      const { _etag, ...stored } = await app.services.partners.get(rowena.id);
      assert.equal(stored.displayName, 'Erased partner');
      assert.equal(stored.status, 'left');
      assert.deepEqual(stored.contact, {});
      for (const gone of ['emergencyContact', 'equality', 'communicationNeeds', 'accessNeeds', 'availability'] as const)
        assert.equal(stored[gone], undefined, `${gone} is erased`);
      assert.deepEqual(
        [stored.interests, stored.searchInterests, stored.livedExperience, stored.searchName],
        [[], [], [], ''],
      );
      assert.equal(stored.erasure?.byId, IEV.id);
      assert.equal(stored.erasure?.reason, 'The partner asked us to erase their data.');
      assert.equal(stored.hoursInvolved, hoursBefore, 'hours counted stay for the Trust\u2019s figures');

      const claimsAfter = await Promise.all([storedClaim(app, paidClaimId), storedClaim(app, rejectedClaimId)]);
      claimsAfter.forEach((claim, index) => {
        assert.equal(claim.partnerName, 'Erased partner');
        assert.deepEqual(claim.totals, claimsBefore[index]!.totals, 'amounts are kept for the financial record');
        assert.equal(claim.status, claimsBefore[index]!.status);
        assert.equal(claim.submittedAt, claimsBefore[index]!.submittedAt);
      });
      const everything = JSON.stringify({ stored, claimsAfter });
      for (const detail of PERSONAL_DETAILS)
        assert.doesNotMatch(everything, new RegExp(detail, 'i'), `"${detail}" is gone`);

      // The approval cards already in the IEV channel are updated in place from the erased claims.
      for (const claim of claimsAfter) {
        const activityId = claim.approvalCard!.activityId;
        await app.connector.waitFor(
          (sent) =>
            sent.kind === 'update' &&
            sent.activityId === activityId &&
            JSON.stringify(sent.activity).includes('Erased partner'),
        );
        assert.doesNotMatch(JSON.stringify(app.connector.latest(activityId)), /Rowena/);
      }

      const search = (await (await call('/api/partners?q=rowena', IEV)).json()) as { items: unknown[] };
      assert.equal(search.items.length, 0, 'the register search no longer finds them');
      const erased = (await app.services.audit.trailOf(rowena.id)).filter((event) => event.action === 'erased');
      assert.equal(erased.length, 1);
      assert.equal(erased[0]!.actorId, IEV.id);
    });

    it('is harmless to repeat: nothing is written again', async () => {
      const before = await app.services.partners.get(rowena.id);
      const response = await erase(rowena.id, IEV, { reason: 'Pressed twice.' });
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { alreadyErased: boolean }).alreadyErased, true);
      const after = await app.services.partners.get(rowena.id);
      assert.equal(after._etag, before._etag);
      assert.equal(
        after.erasure?.reason,
        'The partner asked us to erase their data.',
        'the first erasure\u2019s record stands',
      );
      assert.equal(
        (await app.services.audit.trailOf(rowena.id)).filter((event) => event.action === 'erased').length,
        1,
      );
    });

    it('stands once when two IEV members erase the same partner at the same moment', async () => {
      const twice = await addPartner(app, 'Cora Concurrent', { id: 'partner-7d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5' });
      const responses = await Promise.all([
        erase(twice.id, IEV, { reason: 'First request' }),
        erase(twice.id, IEV, { reason: 'Second request' }),
      ]);
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as Array<{
        erasure: { reason: string };
        alreadyErased: boolean;
      }>;
      assert.deepEqual(
        responses.map((response) => response.status),
        [200, 200],
      );
      const stored = await app.services.partners.get(twice.id);
      assert.deepEqual(
        bodies.map((body) => body.erasure.reason),
        [stored.erasure!.reason, stored.erasure!.reason],
        'both answers name the erasure that stands',
      );
      assert.equal(bodies.filter((body) => !body.alreadyErased).length, 1);
      assert.equal((await app.services.audit.trailOf(twice.id)).filter((event) => event.action === 'erased').length, 1);
    });

    it('cannot be undone by changing the status back to active', async () => {
      const { _etag } = await app.services.partners.get(rowena.id);
      const response = await call(`/api/partners/${rowena.id}/status`, IEV, {
        method: 'PUT',
        body: JSON.stringify({ status: 'active', version: _etag }),
      });
      assert.equal(response.status, 409);
      assert.match(((await response.json()) as Problem).detail, /erased on request/);
      assert.equal((await app.services.partners.get(rowena.id)).status, 'left');
    });

    it('leaves an export that shows only what was kept', async () => {
      const body = (await (await call(`/api/partners/${rowena.id}/export`, IEV)).json()) as ExportBody;
      assert.equal(body.registerEntry.displayName, 'Erased partner');
      assert.equal(body.claims.length, 2);
      for (const detail of PERSONAL_DETAILS) assert.doesNotMatch(JSON.stringify(body), new RegExp(detail, 'i'));
    });
  });

  describe('retention review', () => {
    it('lists partners who left or have not been involved for three years, and leaves out recent and erased ones', async () => {
      const added = {
        old: await addPartner(app, 'Olwen Oldinvolvement', { lastInvolvedAt: yearsAgo(4), registeredAt: yearsAgo(6) }),
        never: await addPartner(app, 'Nadia Neverinvolved', { lastInvolvedAt: undefined, registeredAt: yearsAgo(5) }),
        left: await addPartner(app, 'Lionel Leftrecently', { status: 'left', lastInvolvedAt: yearsAgo(0.1) }),
        recent: await addPartner(app, 'Rhiannon Recent', { lastInvolvedAt: yearsAgo(1), registeredAt: yearsAgo(5) }),
      };
      const response = await call('/api/retention-review', IEV);
      assert.equal(response.status, 200);
      const body = (await response.json()) as {
        years: number;
        items: Array<{ id: string; reason: string; reasonText: string }>;
      };
      assert.equal(body.years, 3);
      const reasons = new Map(body.items.map((item) => [item.id, item.reasonText]));
      assert.equal(reasons.get(added.old.id), 'Not involved for a long time');
      assert.equal(reasons.get(added.never.id), 'Registered long ago and never involved');
      assert.equal(reasons.get(added.left.id), 'Has left the register');
      assert.equal(reasons.has(added.recent.id), false);
      assert.equal(reasons.has(rowena.id), false, 'an erased partner has nothing left to review');
    });

    it('pages a long list with a continuation token, each partner once', async () => {
      const many = Array.from({ length: 55 }, (_, index) => `partner-retention-${String(index).padStart(3, '0')}`);
      await Promise.all(
        many.map((id, index) => addPartner(app, `Quentin Quiet ${index}`, { id, lastInvolvedAt: yearsAgo(5) })),
      );
      const seen: string[] = [];
      let continuation: string | undefined;
      let pages = 0;
      do {
        const response = await call(
          `/api/retention-review${continuation ? `?continuation=${encodeURIComponent(continuation)}` : ''}`,
          IEV,
        );
        const body = (await response.json()) as { items: Array<{ id: string }>; continuation?: string };
        assert.ok(body.items.length <= 50, 'at most 50 a page');
        seen.push(...body.items.map((item) => item.id));
        continuation = body.continuation;
        pages += 1;
      } while (continuation && pages < 10);
      assert.ok(pages >= 2, 'more than one page');
      assert.equal(new Set(seen).size, seen.length, 'nobody is listed twice');
      for (const id of many) assert.ok(seen.includes(id), `${id} is listed`);
    });
  });
});

describe('retention review with a Trust setting of one year (RETENTION_REVIEW_YEARS=1)', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id, RETENTION_REVIEW_YEARS: '1' } });
  });
  after(() => app?.stop());

  it('lists a partner last involved two years ago, and says the setting', async () => {
    const partner = await addPartner(app, 'Tobias Twoyears', { lastInvolvedAt: yearsAgo(2) });
    const body = (await (await app.api('/api/retention-review', { as: IEV })).json()) as {
      years: number;
      items: Array<{ id: string }>;
    };
    assert.equal(body.years, 1);
    assert.deepEqual(
      body.items.map((item) => item.id),
      [partner.id],
    );
  });
});
