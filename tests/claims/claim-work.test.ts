import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { HOST, SECOND_HOST } from '../helpers/users.js';
import { planAtSummary } from '../planning/planning-steps.js';
import { addMileage, addPartner, pressFor, startClaimsApp, storedClaim, submit } from './claim-steps.js';
import { PLAN_VERBS } from '../../bot/planning/planning-verbs.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

describe('claims: a claim belongs to a piece of the host\u2019s work', () => {
  let app: TestApp;
  before(async () => {
    app = await startClaimsApp();
    await addPartner(app, 'Wren Walsh');
  });
  after(async () => app?.stop());

  it('offers the host their plans and sessions, or "other" with a title, and refuses another host\u2019s plan', async () => {
    const host = app.personalChat(HOST);
    await planAtSummary(host);
    const [stored] = await app.services.planStore.plansOf(HOST.id);
    assert.ok(stored);
    const plan = await app.services.planStore.replacePlan(
      {
        ...stored,
        answers: { ...stored.answers, budget: { budget: 600 } },
        sessions: [
          {
            id: 'session-one',
            date: '2026-11-20',
            durationMinutes: 90,
            format: 'in-person',
            partnerIds: [],
            howItWent: '',
            checkIn: 'not-asked',
            checkInNotes: '',
            loggedAt: '2026-11-20T12:00:00.000Z',
          },
        ],
      },
      stored._etag,
    );
    await planAtSummary(app.personalChat(SECOND_HOST));
    const [theirs] = await app.services.planStore.plansOf(SECOND_HOST.id);

    const found = await pressFor(host, CLAIM_VERBS.findPartner.verb, { partnerSearch: 'Wren' });
    assert.match(cardText(found), /Which piece of work is this claim for\?/);
    assert.match(cardText(found), new RegExp(plan.title));
    assert.match(cardText(found), /Other work/);
    assert.match(cardText(found), /Which session was it for\? \(optional\)/);
    assert.doesNotMatch(JSON.stringify(found), new RegExp(theirs!.id), 'only the host\u2019s own plans');

    const start = (inputs: Record<string, string>) =>
      pressFor(host, CLAIM_VERBS.create.verb, { partnerSearch: 'Wren', partnerId: 'partner-wren-walsh', ...inputs });
    const foreign = await start({ planId: theirs!.id });
    assert.match(cardText(foreign), /Choose one of your plans, or \u201cother\u201d/);
    const strangeSession = await start({ planId: plan.id, sessionId: 'session-elsewhere' });
    assert.match(cardText(strangeSession), /Choose a session of the chosen plan/);
    const otherWithoutTitle = await start({ planId: 'other' });
    assert.match(cardText(otherWithoutTitle), /Say which work or session the claim is for/);

    const card = await start({ planId: plan.id, sessionId: 'session-one', workTitle: 'ignored' });
    const claimId = JSON.stringify(card).match(/"claimId":"(claim-[^"]+)"/)?.[1];
    assert.ok(claimId);
    assert.deepEqual((await storedClaim(app, claimId)).work, {
      title: plan.title,
      planId: plan.id,
      sessionId: 'session-one',
    });

    // The plan's summary shows what its claims come to against the budget step's figure.
    await addMileage(host, claimId, '12');
    await submit(host, claimId);
    const summary = await pressFor(host, PLAN_VERBS.summary.verb, { planId: plan.id });
    assert.match(cardText(summary), /Expenses and payments/);
    assert.match(cardText(summary), /Claimed.*£5\.40 \(1 claim\)/s);
    assert.match(cardText(summary), /Paid.*£0\.00/s);
    assert.match(cardText(summary), /Budget.*£600\.00, £594\.60 left after what is claimed/s);
  });
});
