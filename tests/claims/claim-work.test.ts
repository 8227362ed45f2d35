import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { HOST, SECOND_HOST } from '../helpers/users.js';
import { planAtSummary } from '../planning/planning-steps.js';
import { addPartner, pressFor, startClaimsApp, storedClaim } from './claim-steps.js';
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
  });
});
