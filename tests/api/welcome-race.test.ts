import assert from 'node:assert/strict';
import { recordAttendance } from '../../domain/register/involvement.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';
import { registerPartner } from '../planning/planning-steps.js';

describe('review: "welcome sent" is recorded even while a session is being counted for the partner', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
  });
  after(async () => app?.stop());

  it('answers 204 and keeps both changes', async function () {
    this.timeout(120_000);
    for (let round = 0; round < 5; round += 1) {
      const id = `partner-welcome-race-${round}`;
      await registerPartner(app.services, id, `Wendy Welcome ${round}`);
      const partner = (await app.services.partners.find(id))!;
      await app.services.partners.replace(
        { ...partner, welcome: { status: 'to-send', recordedAt: partner.welcome.recordedAt } },
        partner._etag,
      );
      // Hosts log sessions with this partner while IEV ticks off the welcome.
      const sessions = Array.from({ length: 4 }, (_, index) =>
        recordAttendance(app.services.partners, [id], {
          sessionId: `session-${round}-${index}`,
          date: '2026-03-01',
          durationMinutes: 60,
        }),
      );
      const [response] = await Promise.all([
        app.api(`/api/partners/${id}/welcome-sent`, { as: IEV, method: 'POST' }),
        ...sessions,
      ]);
      assert.equal(response.status, 204, `round ${round}: ${await response.text()}`);
      const stored = (await app.services.partners.find(id))!;
      assert.equal(stored.welcome.status, 'sent');
      assert.equal(stored.hoursInvolved, 4);
    }
  });
});
