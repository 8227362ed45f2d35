import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { HOST, IEV, SECOND_HOST } from '../helpers/users.js';
import { eventually, notifyReceived, startPartnersApp } from '../partners/partner-steps.js';
import { carerWith, planFor, publish } from './opportunity-steps.js';

interface Page {
  partner: { displayName: string; contact?: { email?: string }; accessNeeds?: string; emergencyContact?: unknown };
  access: { audience: string; work: { interestedInOpportunity?: boolean } };
  involvement?: unknown[];
}

/**
 * The register's one need-to-know rule (domain/register/visibility.ts) grants a host a partner's contact and needs
 * when the partner said they are interested in the host's opportunity: the partner's register page says the same
 * as the opportunity's own view, and nobody else gains anything from it.
 */
describe('opportunities: the register page of a partner who said they are interested', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  before(async () => {
    app = await startPartnersApp();
    const carer = (name: string) => carerWith(app, name, { accessNeeds: 'Needs a hearing loop.' });
    ids.ivy = await carer('Ivy Interested');
    ids.nat = await carer('Nat Notthistime');
    const published = await publish(app, await planFor(app), { livedExperience: ['Carer'] });
    assert.equal(published.body.answers.invited, 2);
    const links = await eventually(async () => {
      const all = (await notifyReceived(app)).filter((item) => item.templateName.startsWith('Invitation'));
      return all.length >= 2 ? all : undefined;
    }, 'two invitations at the local Notify server');
    const answer = async (email: string, choice: string) => {
      const link = new URL(links.find((item) => item.recipient === email)!.personalisation.link!);
      const response = await fetch(`${app.url}/invitation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ t: link.searchParams.get('t'), answer: choice }),
      });
      assert.equal(response.status, 200);
    };
    await answer('ivy@example.org', 'interested');
    await answer('nat@example.org', 'not-this-time');
  });
  after(async () => app?.stop());

  it('the host of the opportunity sees the interested partner’s contact and needs, and why', async () => {
    const page = await app.getJson<Page>(`/api/partners/${ids.ivy}`, HOST);
    assert.equal(page.status, 200);
    assert.equal(page.body.access.audience, 'in-work');
    assert.equal(page.body.access.work.interestedInOpportunity, true);
    assert.equal(page.body.partner.contact?.email, 'ivy@example.org');
    assert.equal(page.body.partner.accessNeeds, 'Needs a hearing loop.');
    assert.equal(page.body.partner.emergencyContact, undefined, 'the emergency contact stays with IEV');
  });

  it('the host sees only the public profile of a partner who said "not this time"', async () => {
    const page = await app.getJson<Page>(`/api/partners/${ids.nat}`, HOST);
    assert.equal(page.status, 200);
    assert.equal(page.body.access.audience, 'public');
    assert.equal(page.body.partner.contact, undefined);
    assert.equal(page.body.partner.accessNeeds, undefined);
    assert.equal(page.body.involvement, undefined);
  });

  it('another host (whose opportunity it was not) sees only the public profile of the interested partner', async () => {
    // Local mode's developer identities are the demo people, so the second host is asked of the register service.
    const page = await app.services.register.partnerPage(
      { id: SECOND_HOST.id, displayName: SECOND_HOST.name, roles: ['host'] },
      ids.ivy!,
    );
    assert.equal(page.access.audience, 'public');
    assert.equal(page.access.work.interestedInOpportunity ?? false, false);
    assert.equal(page.partner.contact, undefined);
    assert.equal(page.partner.accessNeeds, undefined);
    assert.equal(page.involvement, undefined);
  });

  it('no host’s view discloses an audited field, so only IEV’s view is on the partner’s audit trail', async () => {
    const iev = await app.getJson<Page>(`/api/partners/${ids.ivy}`, IEV);
    assert.ok(iev.body.partner.emergencyContact, 'IEV sees the emergency contact');
    const trail = await app.getJson<{ items: Array<{ action: string; actorId: string }> }>(
      `/api/partners/${ids.ivy}/audit`,
      IEV,
    );
    const views = trail.body.items.filter((event) => event.action === 'viewed-sensitive');
    assert.deepEqual(
      views.map((event) => event.actorId),
      [IEV.id],
    );
  });
});
