import assert from 'node:assert/strict';
import { UnavailableError } from '../../domain/errors.js';
import type { TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import { eventually, notifyReceived, startPartnersApp, type ReceivedNotification } from '../partners/partner-steps.js';
import { carerWith, partnerWith, planFor, publish } from './opportunity-steps.js';

interface Detail {
  opportunity: { id: string; state: string };
  answers: { invited: number; interested: number; notThisTime: number; stopped: number; waiting: number };
  interested: Array<{
    partnerId: string;
    displayName: string;
    chosen: boolean;
    contact?: { email?: string };
    accessNeeds?: string;
  }>;
}

/**
 * Issue 14's journey: a host publishes an opportunity from a plan; matching ranks the register and explains why;
 * invitations reach the local GOV.UK Notify server only for consenting active partners; two answer "interested"
 * from their links, one "stop inviting me" (their consent changes); the host chooses one; the plan and the
 * partner's history show it.
 */
describe('opportunities: from a plan to the partners chosen, through invitations answered from personal links', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  let planId: string;
  let opportunityId: string;
  const invitations = new Map<string, ReceivedNotification>();

  before(async () => {
    app = await startPartnersApp();
    const carer = (name: string, extra: Record<string, unknown> = {}) => carerWith(app, name, extra);
    ids.ann = await carer('Ann Answer', { accessNeeds: 'Needs step-free access.' });
    ids.ben = await carer('Ben Bright');
    ids.cal = await carer('Cal Stop');
    ids.dee = await carer('Dee Waiting');
    ids.noConsent = await carer('Nell Noconsent', {
      consent: { register: true, contactAboutOpportunities: false, equalityMonitoring: false },
    });
    ids.elsewhere = await partnerWith(app, { displayName: 'Otto Elsewhere', areas: ['Older people'] });
    planId = await planFor(app);
  });
  after(async () => app?.stop());

  it('the host publishes from the plan and sees how many fit and why; invitations go at once', async () => {
    const published = await publish(app, planId, { livedExperience: ['Carer'], access: ['step-free', 'hearing-loop'] });
    assert.equal(published.status, 201);
    assert.equal(published.body.opportunity.state, 'open');
    opportunityId = published.body.opportunity.id;
    assert.equal(published.body.answers.invited, 4, 'the four consenting carers in the service area');
    const matching = await app.getJson<{
      total: number;
      reasons: Array<{ words: string; count: number }>;
      people?: unknown;
    }>(`/api/opportunities/${opportunityId}/matching`, HOST);
    assert.equal(matching.body.total, 4);
    assert.equal(matching.body.people, undefined);
    assert.deepEqual(
      matching.body.reasons.map((reason) => `${reason.count} ${reason.words}`),
      [
        '4 interested in this service area',
        '4 with the lived experience you are looking for',
        '1 with access needs this opportunity meets',
      ],
    );
  });

  it('the invitations reach the local Notify server, once each, only for consenting active partners', async () => {
    const received = await eventually(async () => {
      const all = (await notifyReceived(app)).filter((item) => item.templateName.startsWith('Invitation'));
      return all.length >= 4 ? all : undefined;
    }, 'four invitations at the local Notify server');
    assert.deepEqual(received.map((item) => item.recipient).sort(), [
      'ann@example.org',
      'ben@example.org',
      'cal@example.org',
      'dee@example.org',
    ]);
    for (const item of received) {
      assert.equal(item.personalisation.work_title, 'Redesigning the crisis line');
      assert.match(item.personalisation.link!, /\/invitation\?t=/);
      invitations.set(item.recipient.split('@')[0]!, item);
    }
    // Running the outbox again sends nothing twice.
    await app.services.outbox.dispatcher.runOnce();
    const again = (await notifyReceived(app)).filter((item) => item.templateName.startsWith('Invitation'));
    assert.equal(again.length, 4);
  });

  const linkOf = (who: string) => new URL(invitations.get(who)!.personalisation.link!);
  const answer = async (who: string, choice: string) => {
    const token = linkOf(who).searchParams.get('t')!;
    const response = await fetch(`${app.url}/invitation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ t: token, answer: choice }),
    });
    return { status: response.status, body: (await response.json()) as { message?: string; detail?: string } };
  };

  it('a partner opens their link and sees the opportunity in plain words, with their name and nobody else\u2019s', async () => {
    const page = await fetch(`${app.url}/invitation${linkOf('ann').search}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Hello Ann Answer/);
    assert.match(html, /Redesigning the crisis line/);
    assert.match(html, /Step-free access/);
    assert.match(html, /Yes, I am interested/);
    assert.doesNotMatch(html, /Ben Bright/);
    const bad = await fetch(`${app.url}/invitation?t=made-up-token`);
    assert.equal(bad.status, 404);
    assert.match(await bad.text(), /This link cannot be used/);
  });

  it('two answer "interested", one "stop inviting me" (their consent is withdrawn at once); a link answers once', async () => {
    assert.equal((await answer('ann', 'interested')).status, 200);
    // Ben's first press fails part-way (the store is unreachable for a moment): his link is not spent by it,
    // and pressing again records his answer, once.
    const store = app.services.opportunities.store;
    const replaceInvitation = store.replaceInvitation.bind(store);
    store.replaceInvitation = async () => {
      throw new UnavailableError('The opportunities store could not be reached.');
    };
    try {
      assert.equal((await answer('ben', 'interested')).status, 503);
    } finally {
      store.replaceInvitation = replaceInvitation;
    }
    assert.equal((await answer('ben', 'interested')).status, 200);
    const stop = await answer('cal', 'stop');
    assert.equal(stop.status, 200);
    assert.match(stop.body.message!, /not invite you to opportunities again/);
    assert.equal((await answer('ann', 'not-this-time')).status, 410, 'the link was used');

    const cal = await app.getJson<{
      partner: { consent: { contactAboutOpportunities: { given: boolean; how?: string } } };
    }>(`/api/partners/${ids.cal}`, IEV);
    assert.equal(cal.body.partner.consent.contactAboutOpportunities.given, false);
    assert.equal(cal.body.partner.consent.contactAboutOpportunities.how, 'online-form');
    const trail = await app.getJson<{ items: Array<{ action: string; fields: string[] }> }>(
      `/api/partners/${ids.cal}/audit`,
      IEV,
    );
    assert.ok(trail.body.items.some((event) => event.action === 'consent-changed'));
  });

  it('the host sees who is interested, with what they need to know, and chooses one', async () => {
    const detail = await app.getJson<Detail>(`/api/opportunities/${opportunityId}`, HOST);
    assert.deepEqual(detail.body.answers, { invited: 4, interested: 2, notThisTime: 0, stopped: 1, waiting: 1 });
    const ann = detail.body.interested.find((item) => item.partnerId === ids.ann)!;
    assert.equal(ann.displayName, 'Ann Answer');
    assert.equal(ann.contact?.email, 'ann@example.org');
    assert.equal(ann.accessNeeds, 'Needs step-free access.');
    assert.equal(
      detail.body.interested.some((item) => item.partnerId === ids.dee),
      false,
      'no answer, not shown',
    );

    const refused = await app.api(`/api/opportunities/${opportunityId}/choose`, {
      method: 'POST',
      as: HOST,
      body: JSON.stringify({ partnerIds: [ids.dee] }),
    });
    assert.equal(refused.status, 400, 'only people who said they are interested can be chosen');
    const chosen = await app.api(`/api/opportunities/${opportunityId}/choose`, {
      method: 'POST',
      as: HOST,
      body: JSON.stringify({ partnerIds: [ids.ann] }),
    });
    assert.equal(chosen.status, 200);
    const after = (await chosen.json()) as Detail;
    assert.deepEqual(
      after.interested.map((item) => [item.displayName, item.chosen]),
      [
        ['Ann Answer', true],
        ['Ben Bright', false],
      ],
    );
  });

  it('the plan records the partner chosen, and so does the partner\u2019s history on the register', async () => {
    const plan = await app.services.planStore.findPlan(HOST.id, planId);
    assert.deepEqual(
      plan?.chosenPartners?.map((item) => [item.partnerId, item.opportunityId]),
      [[ids.ann, opportunityId]],
    );
    assert.deepEqual(await app.services.plans.chosenNames(plan), ['Ann Answer']);
    const page = await app.getJson<{ involvement: Array<{ planId: string; title: string; chosenAt?: string }> }>(
      `/api/partners/${ids.ann}`,
      IEV,
    );
    const entry = page.body.involvement.find((item) => item.planId === planId);
    assert.equal(entry?.title, 'Redesigning the crisis line');
    assert.ok(entry?.chosenAt, 'chosen from the opportunity');
  });

  it('the partner\u2019s data export says what they were invited to and what they answered', async () => {
    const exported = await app.getJson<Record<string, unknown>>(`/api/partners/${ids.ann}/export`, IEV);
    assert.equal(exported.status, 200);
    assert.match(JSON.stringify(exported.body), /"opportunity":"Redesigning the crisis line".*"answer":"interested"/);
  });
});
