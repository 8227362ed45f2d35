import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';

describe('review: registering a partner refuses a forged flood of equality answers', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  });
  after(async () => app?.stop());

  const registration = (equality: Record<string, string>) => ({
    operationId: randomUUID(),
    displayName: 'Xander Review',
    email: 'xander@example.org',
    consent: { register: true, contactAboutOpportunities: false, equalityMonitoring: true },
    emergencyContact: { name: 'Yara Review', relationship: 'Sister', phone: '01632 960123' },
    equality,
  });

  it('answers 400 next to "equality" and stores nobody', async () => {
    const flood = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`question${index}`, 'answer']));
    const response = await app.api('/api/partners', {
      as: IEV,
      method: 'POST',
      body: JSON.stringify(registration(flood)),
    });
    assert.equal(response.status, 400);
    const problem = (await response.json()) as { errors?: Array<{ field: string; message: string }> };
    assert.ok(
      problem.errors?.some((error) => error.field === 'equality'),
      JSON.stringify(problem).slice(0, 300),
    );
    assert.deepEqual(await app.services.partners.withSearchName('xander review'), []);
  });

  it('still registers a partner with the usual equality answers', async () => {
    const response = await app.api('/api/partners', {
      as: IEV,
      method: 'POST',
      body: JSON.stringify(registration({ ageBand: '65+', disability: 'No', ethnicGroup: 'White', gender: 'Man' })),
    });
    assert.equal(response.status, 201);
  });
});
