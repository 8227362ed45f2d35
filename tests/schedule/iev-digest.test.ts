import assert from 'node:assert/strict';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';
import { formatDate } from '../../domain/claims/claim-words.js';
import type { Partner } from '../../domain/register/partner.js';
import type { TestApp } from '../helpers/app.js';
import { actionsOf, cardText, validateCard } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV } from '../helpers/users.js';
import { addPartner, eventually, IEV_CHANNEL, pressFor, storedClaim, submittedClaim } from '../claims/claim-steps.js';
import { runScheduledJobs, startScheduleApp, TestClock } from './schedule-steps.js';

const DIGEST = /This week for the IEV team/;
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** A partner with nothing waiting on IEV: recent registration, consent and involvement, welcomed. */
function settled(overrides: Partial<Partner> = {}): Partial<Partner> {
  const recent = daysAgo(30);
  return {
    status: 'active',
    registeredAt: recent,
    lastInvolvedAt: recent,
    consent: {
      register: { given: true, at: recent },
      contactAboutOpportunities: { given: true, at: recent },
      equalityMonitoring: { given: false, at: recent },
    },
    welcome: { status: 'sent', recordedAt: recent },
    ...overrides,
  };
}

describe('schedule: the IEV team\u2019s weekly digest', () => {
  let app: TestApp;
  const clock = new TestClock();
  before(async () => {
    app = await startScheduleApp(clock);
  });
  after(() => app?.stop());

  const digests = () =>
    cardsSent(app.connector.sentTo(IEV_CHANNEL).filter((call) => call.kind === 'send')).filter((card) =>
      DIGEST.test(cardText(card)),
    );

  it('counts what waits on the team, names none, and each button opens the view that lists them; once a week', async () => {
    const host = app.personalChat(HOST);
    for (const name of ['Lena Lowe', 'Omar Ali', 'Priya Shah']) await addPartner(app, name, settled());
    const late = await submittedClaim(app, host, 'Lena Lowe');
    await submittedClaim(app, host, 'Omar Ali');
    const approved = await submittedClaim(app, host, 'Priya Shah');
    await pressFor(app.channel(IEV), CLAIM_VERBS.approve.verb, { claimId: approved.claimId });
    // Two unpaid claims submitted three weeks ago: past the 14-day pay-by target.
    for (const { claimId } of [late, approved]) {
      const claim = await storedClaim(app, claimId);
      const { _etag, ...rest } = claim;
      await app.services.claims.store.replaceClaim(
        { ...rest, submittedAt: daysAgo(21), payBy: daysAgo(7).slice(0, 10) },
        _etag,
      );
    }
    await addPartner(app, 'Wendy New', settled({ welcome: { status: 'to-send', recordedAt: daysAgo(2) } }));
    await addPartner(app, 'Rita Old', settled({ registeredAt: daysAgo(4 * 365), lastInvolvedAt: undefined }));
    await addPartner(app, 'Leo Left', settled({ status: 'left' }));
    await addPartner(
      app,
      'Colin Consent',
      settled({
        consent: {
          register: { given: true, at: daysAgo(800) },
          contactAboutOpportunities: { given: false, at: daysAgo(800) },
          equalityMonitoring: { given: false, at: daysAgo(800) },
        },
      }),
    );
    for (const [id, status] of [
      ['support-open', 'open'],
      ['support-taken', 'taken'],
    ] as const) {
      await app.services.planStore.createSupportRequest({
        id,
        type: 'support-request',
        schemaVersion: 1,
        hostId: HOST.id,
        hostName: HOST.name,
        planId: 'plan-x',
        planTitle: 'Ward 3 discharge redesign',
        kinds: ['planning'],
        description: 'Help to plan the first workshop',
        status,
        createdAt: daysAgo(3),
      });
    }

    for (const [id, status] of [
      ['application-waiting', 'pending'],
      ['application-decided', 'declined'],
    ] as const)
      await app.services.database.containers.applications.items.create({
        id,
        type: 'application',
        schemaVersion: 1,
        status,
        submittedAt: daysAgo(1),
      });

    const ran = await runScheduledJobs(app);
    assert.ok(ran.includes('iev-digest'));
    const [digest] = await eventually(async () => digests().length > 0 && digests(), 'the digest in the IEV channel');
    assert.deepEqual(validateCard(digest), []);
    const text = cardText(digest);
    const oldest = formatDate(daysAgo(21));
    for (const line of [
      `**2** claims waiting for a decision; the oldest since ${oldest}`,
      '**2** claims past the pay-by target of 14 days',
      '**1** New Works support request waiting for an owner',
      '**1** new partner waiting for their welcome',
      '**1** partner with consent due for renewal',
      '**2** partners due for retention review',
      '**1** application to join the register waiting',
    ])
      assert.ok(text.includes(line), `the digest says "${line}":\n${text}`);
    assert.doesNotMatch(text, /Lena|Omar|Priya|Wendy|Rita|Leo|Colin|Sam|Hana/, 'counts only: names stay in the tab');

    // Each button opens the tab view that lists what was counted (the view reads these API lists).
    const links = new Map(
      actionsOf(digest).flatMap((action) =>
        action.type === 'Action.OpenUrl' ? [[action.title, String((action as { url?: unknown }).url)] as const] : [],
      ),
    );
    const view = (title: string) => {
      const url = links.get(title);
      assert.ok(url, `a "${title}" button`);
      assert.ok(url.startsWith(`${app.services.config.publicUrl ?? 'http://localhost:'}`), url);
      return new URL(url).hash;
    };
    assert.equal(view('Open claims waiting'), '#/claims?state=waiting');
    assert.equal(view('Open late claims'), '#/claims?state=all&pastPayBy=true');
    assert.equal(view('Open welcome tasks'), '#/partners');
    assert.equal(view('Open retention review'), '#/partners');
    assert.equal(view('Open support requests'), '#/support');
    assert.equal(view('Open consent renewals'), '#/partners');
    assert.equal(view('Open applications'), '#/applications');
    const waiting = await app.getJson<{ items: unknown[] }>('/api/claims?state=waiting&pageSize=25', IEV);
    assert.equal(waiting.body.items.length, 2);
    const lateList = await app.getJson<{ items: unknown[] }>('/api/claims?pastPayBy=true&pageSize=25', IEV);
    assert.equal(lateList.body.items.length, 2);
    const welcomes = await app.getJson<{ items: unknown[] }>('/api/welcome-tasks', IEV);
    assert.equal(welcomes.body.items.length, 1);
    const renewals = await app.getJson<{ items: Array<{ displayName: string }> }>('/api/consent-renewals', IEV);
    assert.deepEqual(
      renewals.body.items.map((item) => item.displayName),
      ['Colin Consent'],
    );

    // Once a week, whatever the number of ticks; the next week brings the next digest.
    await runScheduledJobs(app);
    clock.advanceDays(1 / 24);
    await runScheduledJobs(app);
    assert.equal(digests().length, 1);
    clock.advanceDays(7);
    await runScheduledJobs(app);
    await eventually(async () => digests().length === 2, 'next week\u2019s digest');
  });
});
