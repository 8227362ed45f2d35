import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { UnavailableError } from '../../domain/errors.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';

describe('review: a registration retried after the audit write failed still leaves a "registered" entry', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  });
  after(async () => app?.stop());

  it('writes the entry on the retry, once', async () => {
    const body = JSON.stringify({
      operationId: randomUUID(),
      displayName: 'Ursula Audit',
      phone: '01632 960777',
      consent: { register: true },
      emergencyContact: { name: 'Umar Audit', relationship: 'Son', phone: '01632 960778' },
    });
    const audit = app.services.audit;
    const record = audit.record.bind(audit);
    // The partner is saved, then the audit store is unreachable for a moment.
    audit.record = async () => {
      throw new UnavailableError('The audit store could not be reached.');
    };
    try {
      const failed = await app.api('/api/partners', { as: IEV, method: 'POST', body });
      assert.equal(failed.status, 503);
    } finally {
      audit.record = record;
    }
    const retried = await app.api('/api/partners', { as: IEV, method: 'POST', body });
    assert.equal(retried.status, 200, 'the retry finds the partner the first attempt saved');
    const { partner } = (await retried.json()) as { partner: { id: string } };
    await app.api('/api/partners', { as: IEV, method: 'POST', body });

    const trail = (await (await app.api(`/api/partners/${partner.id}/audit`, { as: IEV })).json()) as {
      items: Array<{ action: string }>;
    };
    assert.deepEqual(trail.items.filter((item) => item.action === 'registered').length, 1);
  });
});
