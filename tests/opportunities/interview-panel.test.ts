import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { HOST, IEV } from '../helpers/users.js';
import { eventually, notifyReceived, startPartnersApp } from '../partners/partner-steps.js';
import { partnerWith, planFor, publish } from './opportunity-steps.js';

/** Seed 004's interview panels: panel training on the register, and the guide signed by the partner from their link. */
describe('opportunities: interview panels', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  let opportunityId: string;
  before(async () => {
    app = await startPartnersApp();
    ids.trained = await partnerWith(app, {
      displayName: 'Tia Trained',
      email: 'tia@example.org',
      livedExperience: ['Carer'],
    });
    ids.untrained = await partnerWith(app, {
      displayName: 'Una Untrained',
      email: 'una@example.org',
      livedExperience: ['Carer'],
    });
  });
  after(async () => app?.stop());

  it('IEV records panel training on the register; a host cannot; everyone sees it on the profile', async () => {
    const record = (as: typeof HOST, completedOn: string) =>
      app.api(`/api/partners/${ids.trained}/panel-training`, {
        method: 'POST',
        as,
        body: JSON.stringify({ completedOn }),
      });
    assert.equal((await record(HOST, '2026-11-20')).status, 403);
    assert.equal((await record(IEV, '2099-01-01')).status, 400, 'not in the future');
    assert.equal((await record(IEV, '2026-11-20')).status, 200);
    const page = await app.getJson<{ partner: { panelTraining?: { completedOn: string; byName: string } } }>(
      `/api/partners/${ids.trained}`,
      HOST,
    );
    assert.deepEqual(
      { on: page.body.partner.panelTraining?.completedOn, by: page.body.partner.panelTraining?.byName },
      { on: '2026-11-20', by: 'Ivy IEV (demo)' },
    );
    const trail = await app.getJson<{ items: Array<{ action: string; fields: string[] }> }>(
      `/api/partners/${ids.trained}/audit`,
      IEV,
    );
    assert.ok(trail.body.items.some((event) => event.fields.includes('panelTraining')));
  });

  it('matching an interview panel favours partners with panel training, and says so', async () => {
    const published = await publish(app, await planFor(app), {
      kind: 'interview-panel',
      role: 'Ward manager, Rowan ward',
      livedExperience: ['Carer'],
    });
    assert.equal(published.status, 201);
    opportunityId = published.body.opportunity.id;
    const matching = await app.getJson<{
      reasons: Array<{ reason: string; count: number }>;
      people: Array<{ displayName: string }>;
    }>(`/api/opportunities/${opportunityId}/matching`, IEV);
    assert.equal(matching.body.reasons.find((reason) => reason.reason === 'panel-training')?.count, 1);
    assert.deepEqual(
      matching.body.people.map((person) => person.displayName),
      ['Tia Trained', 'Una Untrained'],
    );
  });

  it('the partner reads the guide on their invitation page and must sign it to say they are interested', async () => {
    const invitation = await eventually(
      async () =>
        (await notifyReceived(app)).find(
          (item) => item.recipient === 'tia@example.org' && item.templateName.startsWith('Invitation'),
        ),
      'Tia\u2019s invitation',
    );
    const link = new URL(invitation.personalisation.link!);
    const html = await (await fetch(`${app.url}/invitation${link.search}`)).text();
    assert.match(html, /Interview panel for/);
    assert.match(html, /Ward manager, Rowan ward/);
    assert.match(html, /Guide to taking part in an interview panel/);
    assert.match(html, /I have read and understood the guide/);
    const send = (body: Record<string, unknown>) =>
      fetch(`${app.url}/invitation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ t: link.searchParams.get('t'), answer: 'interested', ...body }),
      });
    const unsigned = await send({});
    assert.equal(unsigned.status, 400);
    const problem = (await unsigned.json()) as { errors: Array<{ field: string }> };
    assert.deepEqual(
      problem.errors.map((item) => item.field),
      ['confirmed', 'signedName'],
    );
    const signed = await send({ confirmed: true, signedName: 'Tia Trained' });
    assert.equal(signed.status, 200, 'the link was not used up by the refused answer');
    const detail = await app.getJson<{ interested: Array<{ displayName: string; guideSignedAt?: string }> }>(
      `/api/opportunities/${opportunityId}`,
      HOST,
    );
    assert.equal(detail.body.interested[0]?.displayName, 'Tia Trained');
    assert.ok(detail.body.interested[0]?.guideSignedAt, 'the host sees the guide was signed');
  });
});
