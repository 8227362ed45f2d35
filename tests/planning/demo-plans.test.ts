import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { HOST, IEV } from '../helpers/users.js';
import { pressOn } from './planning-steps.js';
import { PLAN_VERBS } from '../../bot/planning/planning-verbs.js';

describe('Demo plans (local mode)', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { SEED_DEMO_DATA: 'true', IEV_MEMBER_IDS: IEV.id } });
  });
  after(() => app.stop());

  it('gives the demo host plans in every phase, with sessions naming partners on the register', async () => {
    const [list] = cardsSent(await app.personalChat(HOST).say('my plans'));
    const text = cardText(list);
    for (const phase of ['Planning', 'Under way', 'Finished']) assert.match(text, new RegExp(phase));
    assert.match(text, /Step 4 of 14: How can you be creative\?/);
    const running = (await app.services.planStore.plansOf(HOST.id)).find((plan) => plan.phase === 'running')!;
    const partners = await app.services.partners.getMany(running.partnerIds);
    assert.equal(partners.length, running.partnerIds.length);
    assert.ok(partners.length > 0);
    const { card } = await pressOn(app.personalChat(HOST), list, PLAN_VERBS.resume.verb);
    assert.match(cardText(card), /Step 4 of 14/);
  });

  it('gives the IEV team an open New Works request to pick up', async () => {
    const [request] = cardsSent(await app.personalChat(IEV).say('support requests'));
    assert.match(cardText(request), /Calmer memory clinic waiting area/);
  });
});
