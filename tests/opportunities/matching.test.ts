import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { HOST, IEV, OTHER } from '../helpers/users.js';
import { startPartnersApp } from '../partners/partner-steps.js';
import { partnerWith, planFor, publish, publishForm } from './opportunity-steps.js';

interface Matching {
  total: number;
  strong: number;
  reasons: Array<{ reason: string; words: string; count: number }>;
  people?: Array<{ partnerId: string; displayName: string; reasons: string[] }>;
}

describe('opportunities: matching ranks the register by fit and explains it; hosts see how many, never who', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  let opportunityId: string;

  before(async () => {
    app = await startPartnersApp();
    ids.carer = await partnerWith(app, {
      displayName: 'Cara Carer',
      livedExperience: ['Carer'],
      availability: 'Weekday mornings',
      accessNeeds: 'Uses a wheelchair; needs step-free access.',
    });
    ids.areaOnly = await partnerWith(app, { displayName: 'Arlo Area' });
    ids.eveningsOnly = await partnerWith(app, {
      displayName: 'Eve Evenings',
      livedExperience: ['Carer'],
      availability: 'Evenings only',
    });
    ids.notContactable = await partnerWith(app, {
      displayName: 'Nico No-contact',
      livedExperience: ['Carer'],
      consent: { register: true, contactAboutOpportunities: false, equalityMonitoring: false },
    });
    ids.otherArea = await partnerWith(app, { displayName: 'Olga Older', areas: ['Older people'] });
    ids.paused = await partnerWith(app, { displayName: 'Paula Paused', livedExperience: ['Carer'] });
    const paused = await app.api(`/api/partners/${ids.paused}/status`, {
      method: 'PUT',
      as: IEV,
      body: JSON.stringify({
        status: 'paused',
        version: (await app.getJson<{ version: string }>(`/api/partners/${ids.paused}`, IEV)).body.version,
      }),
    });
    assert.equal(paused.status, 200, await paused.text());
    const published = await publish(app, await planFor(app), { livedExperience: ['Carer'] });
    assert.equal(published.status, 201);
    opportunityId = published.body.opportunity.id;
  });
  after(async () => app?.stop());

  it('counts only active partners who agreed to be contacted and fit, with the reasons, and never names them to the host', async () => {
    const { status, body } = await app.getJson<Matching>(`/api/opportunities/${opportunityId}/matching`, HOST);
    assert.equal(status, 200);
    assert.equal(
      body.total,
      2,
      'the carer and the partner in the service area; not evenings-only, no-contact, paused or other area',
    );
    assert.equal(body.people, undefined, 'the host never sees who');
    assert.equal(JSON.stringify(body).includes('Cara'), false);
    const count = (reason: string) => body.reasons.find((item) => item.reason === reason)?.count;
    assert.equal(count('service-area'), 2);
    assert.equal(count('lived-experience'), 1);
    assert.equal(count('availability'), 1);
    assert.equal(count('access-met'), 1);
    assert.equal(body.strong, 1);
  });

  it('the IEV team sees who fits, best first, with the reasons in words', async () => {
    const { body } = await app.getJson<Matching>(`/api/opportunities/${opportunityId}/matching`, IEV);
    assert.deepEqual(
      body.people?.map((person) => person.displayName),
      ['Cara Carer', 'Arlo Area'],
    );
    assert.ok(body.people?.[0]?.reasons.includes('with access needs this opportunity meets'));
  });

  it('a member of another team cannot see the opportunity or its matching at all', async () => {
    assert.equal((await app.api(`/api/opportunities/${opportunityId}`, { as: OTHER })).status, 404);
    assert.equal((await app.api(`/api/opportunities/${opportunityId}/matching`, { as: OTHER })).status, 404);
  });

  it('publishing the same form twice publishes it once', async () => {
    const planId = await planFor(app, HOST, 'A second piece of work');
    const form = { operationId: 'same-form-0001' };
    const first = await publish(app, planId, form);
    const second = await publish(app, planId, form);
    assert.equal(first.body.opportunity.id, second.body.opportunity.id);
    const list = await app.getJson<{ items: Array<{ id: string }> }>('/api/opportunities', HOST);
    assert.equal(list.body.items.filter((item) => item.id === first.body.opportunity.id).length, 1);
  });

  it('refuses a closing date after the day itself, in words under the field', async () => {
    const response = await app.api('/api/opportunities', {
      method: 'POST',
      as: HOST,
      body: JSON.stringify({
        ...(await publishForm(app, await planFor(app))),
        date: '2099-01-10',
        closesOn: '2099-02-01',
      }),
    });
    assert.equal(response.status, 400);
    const problem = (await response.json()) as { errors: Array<{ field: string; message: string }> };
    assert.deepEqual(problem.errors, [{ field: 'closesOn', message: 'Close it on or before the day it happens.' }]);
  });
});

describe('opportunities: when the IEV team asks to approve first, invitations wait for them', () => {
  let app: TestApp;
  before(async () => {
    app = await startPartnersApp();
    await partnerWith(app, { displayName: 'Abe Approval', livedExperience: ['Carer'] });
  });
  after(async () => app?.stop());

  it('only IEV changes the setting; a host publishes and it waits; a host cannot approve; IEV approves and it opens', async () => {
    const put = (as: typeof HOST) =>
      app.api('/api/opportunity-settings', { method: 'PUT', as, body: JSON.stringify({ approvalRequired: true }) });
    assert.equal((await put(HOST)).status, 403);
    assert.equal((await put(IEV)).status, 200);
    const published = await publish(app, await planFor(app));
    assert.equal(published.body.opportunity.state, 'awaiting-approval');
    assert.equal(published.body.answers.invited, 0, 'nobody is invited before approval');
    const id = published.body.opportunity.id;
    assert.equal((await app.api(`/api/opportunities/${id}/approve`, { method: 'POST', as: HOST })).status, 403);
    const approved = await app.api(`/api/opportunities/${id}/approve`, { method: 'POST', as: IEV });
    assert.equal(approved.status, 200);
    const detail = (await approved.json()) as { opportunity: { state: string }; answers: { invited: number } };
    assert.equal(detail.opportunity.state, 'open');
    assert.equal(detail.answers.invited, 1);
  });
});
