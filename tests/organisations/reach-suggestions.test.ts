import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import { OUTCOME_VERBS, PLAN_VERBS, SESSION_VERBS } from '../../bot/planning/planning-verbs.js';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cardText, findAction } from '../helpers/cards.js';
import { cardsSent, type ChatClient } from '../helpers/chat.js';
import { HOST, IEV } from '../helpers/users.js';
import { ANSWERS, pressOn } from '../planning/planning-steps.js';

const THRESHOLD = 5;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Issue 14: the plan's "who knows these communities" step names directory organisations for the groups
 * the plan set out to reach, and the plan summary and the "after" card put one next to each reach gap,
 * without ever showing a count below the suppression threshold.
 */
describe('The bot suggests community organisations for the groups a plan sets out to reach', function () {
  this.timeout(90_000);
  let app: TestApp;
  let host: ChatClient;

  const addOrganisation = async (body: Record<string, unknown>) => {
    const response = await app.api('/api/organisations', {
      as: IEV,
      method: 'POST',
      body: JSON.stringify({ operationId: randomUUID(), lastCheckedOn: today(), ...body }),
    });
    assert.equal(response.status, 201, await response.clone().text());
  };

  /** Six partners who agreed to equality monitoring: three carers and three not; none served in the armed forces. */
  const registerSix = async () => {
    const at = '2026-01-05T10:00:00.000Z';
    for (let index = 0; index < 6; index += 1) {
      const partner = fictionalPartner(index);
      await app.services.partners.repository.create({
        ...partner,
        id: `partner-reach-${index}`,
        displayName: `Reach Tester ${String.fromCharCode(65 + index)}`,
        searchName: `reach tester ${String.fromCharCode(97 + index)}`,
        status: 'active',
        consent: {
          register: { given: true, at },
          contactAboutOpportunities: { given: true, at },
          equalityMonitoring: { given: true, at },
        },
        equality: { carer: index < 3 ? 'Yes' : 'No', armedForces: 'No', ageBand: '50-64' },
      });
    }
  };

  beforeEach(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id, IMPACT_SUPPRESSION_THRESHOLD: String(THRESHOLD) } });
    host = app.personalChat(HOST);
    await addOrganisation({
      name: 'Northgate Veterans Club (test)',
      groups: ['veterans'],
      areas: ['Northgate'],
      phone: '01632 960 404',
      contactPerson: 'Victor Private (test)',
    });
    await addOrganisation({
      name: 'Brookside Carers Network (test)',
      groups: ['carers'],
      email: 'hello@carers.example.org',
    });
    await addOrganisation({ name: 'Old Youth Project (test)', groups: ['veterans'], lastCheckedOn: '2024-01-10' });
  });
  afterEach(() => app.stop());

  /** A plan set out to reach veterans, carers and people experiencing homelessness; at the partners step. */
  const toPartnersStep = async (): Promise<AdaptiveCard> => {
    const [first] = cardsSent(await host.say('plan'));
    let card = (await pressOn(host, first, PLAN_VERBS.next.verb, ANSWERS.purpose)).card;
    card = (await pressOn(host, card, PLAN_VERBS.skip.verb)).card;
    card = (await pressOn(host, card, PLAN_VERBS.next.verb, { groups: 'veterans,carers,homeless' })).card;
    return (await pressOn(host, card, PLAN_VERBS.skip.verb)).card;
  };

  /** Logs a session from the plan summary with the six partners of `registerSix`, as the host would; the card that answers. */
  const logSessionWithSix = async (summary: AdaptiveCard): Promise<AdaptiveCard> => {
    const { card: form } = await pressOn(host, summary, SESSION_VERBS.start.verb);
    const { card: found } = await pressOn(host, form, SESSION_VERBS.search.verb, { partnerSearch: 'reach tester' });
    const { card: logged } = await pressOn(host, found, SESSION_VERBS.save.verb, {
      date: today(),
      durationMinutes: '60',
      format: 'visit',
      partnerIds: Array.from({ length: 6 }, (_, index) => `partner-reach-${index}`).join(','),
      checkIn: 'yes',
    });
    return logged;
  };

  it('names organisations that reach the chosen groups at "who knows these communities", and the groups none reach', async () => {
    const card = await toPartnersStep();
    const text = cardText(card);
    assert.match(text, /Who else do we need to involve\?/);
    assert.match(text, /Organisations that reach the groups you chose/);
    assert.match(text, /Armed forces veterans: Northgate Veterans Club \(test\) \(Northgate\): 01632 960 404/);
    assert.match(text, /Old Youth Project \(test\) — details not checked for over a year/);
    assert.match(text, /Carers: Brookside Carers Network \(test\): hello@carers\.example\.org/);
    assert.match(text, /no organisation yet for: People experiencing homelessness/);
    assert.doesNotMatch(text, /Victor Private/, 'a named contact is for the IEV team only');
  });

  it('shows each reach gap with an organisation that reaches the group, and never a count below the threshold', async () => {
    await registerSix();
    let card = await toPartnersStep();
    while (findAction(card, PLAN_VERBS.skip.verb)) card = (await pressOn(host, card, PLAN_VERBS.skip.verb)).card;
    let text = cardText(card);
    assert.match(text, /No one who served in the UK armed forces has taken part yet\./);
    assert.match(text, /No one caring unpaid for someone has taken part yet\./);
    assert.match(text, /Organisations that reach them: Northgate Veterans Club \(test\)/);
    assert.match(text, /Organisations that reach them: Brookside Carers Network \(test\)/);

    // Six people who shared answers take part: three carers, three not; none served.
    const logged = await logSessionWithSix(card);
    const [plan] = await app.services.planStore.plansOf(HOST.id);
    assert.equal(plan!.partnerIds.length, 6);

    const { card: summary } = await pressOn(host, logged, PLAN_VERBS.resume.verb);
    text = cardText(summary);
    assert.match(text, /No one who served in the UK armed forces has taken part yet\./);
    assert.match(text, /Organisations that reach them: Northgate Veterans Club \(test\) \(Northgate\): 01632 960 404/);
    assert.doesNotMatch(text, /No one caring unpaid/, 'carers took part');
    assert.match(text, /People caring unpaid for someone: fewer than 5/);
    assert.doesNotMatch(text, /: [1-4]\b(?! ?\d)/, 'no count below the threshold');
    assert.doesNotMatch(text, /Brookside Carers Network/, 'no suggestion beside a group that was reached');
    assert.match(text, /People experiencing homelessness/);
    assert.doesNotMatch(text, /Victor Private/);

    const { card: after } = await pressOn(host, summary, OUTCOME_VERBS.start.verb);
    const afterText = cardText(after);
    assert.match(afterText, /Record the outcome/);
    assert.match(afterText, /No one who served in the UK armed forces has taken part yet\./);
    assert.match(afterText, /Organisations that reach them: Northgate Veterans Club \(test\)/);
    assert.doesNotMatch(afterText, /: [1-4]\b(?! ?\d)/);
  });

  it('counts with the configured threshold: below it, nothing is broken down and no gap is suggested for', async () => {
    await app.stop();
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id, IMPACT_SUPPRESSION_THRESHOLD: '7' } });
    host = app.personalChat(HOST);
    await addOrganisation({ name: 'Northgate Veterans Club (test)', groups: ['veterans'] });
    await addOrganisation({ name: 'Day Centre Outreach (test)', groups: ['homeless'], phone: '01632 960 777' });
    await registerSix();
    let card = await toPartnersStep();
    while (findAction(card, PLAN_VERBS.skip.verb)) card = (await pressOn(host, card, PLAN_VERBS.skip.verb)).card;
    const logged = await logSessionWithSix(card);
    const text = cardText((await pressOn(host, logged, PLAN_VERBS.resume.verb)).card);
    assert.match(text, /Fewer than 7 of the people who took part shared equality answers/);
    assert.doesNotMatch(text, /No one who served|caring unpaid|fewer than 5/, 'six answers are too few to break down');
    assert.doesNotMatch(text, /Northgate Veterans Club/, 'a suggestion would say the group was not reached');
    assert.match(text, /People experiencing homelessness: Day Centre Outreach \(test\): 01632 960 777/);
    assert.doesNotMatch(text, /: [1-6]\b(?! ?\d)/);
  });
});
