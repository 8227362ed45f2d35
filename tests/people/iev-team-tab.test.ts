import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { HOST, IEV, type TestUser } from '../helpers/users.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';
import { addMileage, addPartner, startClaim, startClaimsApp, submit } from '../claims/claim-steps.js';
import { axeViolations, describeViolations, useTabBrowser } from '../tab/tab-page.js';

const COLLEAGUE: TestUser = { id: '00000000-0000-0000-0000-00000000a007', name: 'Nia Newcomer (test)' };

describe('The IEV team keeps its own membership in the tab', function () {
  this.timeout(180_000);
  let app: TestApp;
  const tab = useTabBrowser(async () => {
    app = await startClaimsApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    return app;
  });

  const approveShownTo = async (user: TestUser, claimId: string) => {
    const view = await app.channel(user).refresh(CLAIM_VERBS.refresh.verb, { claimId });
    assert.equal(view.status, 200);
    return JSON.stringify(view.card).includes(CLAIM_VERBS.approve.verb);
  };
  const teamTrail = async () => (await app.services.audit.trailOf('iev-team')).map((event) => event.action);

  it('refuses what nobody should be able to do, and changes nothing', async () => {
    const self = await app.api(`/api/team/members/${IEV.id}`, { as: IEV, method: 'DELETE' });
    assert.equal(self.status, 409);
    assert.match(((await self.json()) as { detail: string }).detail, /last member of the IEV team/);
    const byHost = await app.api('/api/team/members', {
      as: HOST,
      method: 'POST',
      body: JSON.stringify({ userId: HOST.id }),
    });
    assert.equal(byHost.status, 403);
    assert.equal((await app.api('/api/team', { as: HOST })).status, 403);
    for (const body of [
      { userId: 'not-an-entra-id' },
      { userId: `${COLLEAGUE.id}x` },
      { userId: COLLEAGUE.id, roles: ['iev'] },
      { userId: 'a'.repeat(300_000) },
    ]) {
      const forged = await app.api('/api/team/members', { as: IEV, method: 'POST', body: JSON.stringify(body) });
      assert.ok([400, 413].includes(forged.status), `forged ${JSON.stringify(body).slice(0, 60)}: ${forged.status}`);
    }
    assert.equal((await app.api('/api/team/members/..%2Fpartners', { as: IEV, method: 'DELETE' })).status, 400);
    assert.deepEqual(await app.services.directory.ievMemberIds(), [IEV.id]);
    assert.deepEqual(await teamTrail(), []);
  });

  it('adds a colleague found by name: their next bot turn shows Approve; after removal it does not', async () => {
    await app.personalChat(COLLEAGUE).say('help');
    await addPartner(app, 'Tariq Team-test');
    const host = app.personalChat(HOST);
    const { claimId } = await startClaim(host, 'Tariq');
    await addMileage(host, claimId, '3');
    await submit(host, claimId);
    assert.equal(await approveShownTo(COLLEAGUE, claimId), false, 'not in the team yet');

    const page = await tab.open('team', { as: IEV });
    await page.getByRole('heading', { name: 'IEV team' }).waitFor();
    await page.getByLabel('Their name').fill('newcomer');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: `Add ${COLLEAGUE.name} to the IEV team` }).click();
    await page.getByText(`${COLLEAGUE.name} is now in the IEV team.`).waitFor();
    await page
      .getByRole('list', { name: 'Members of the IEV team' })
      .getByRole('listitem')
      .filter({ hasText: COLLEAGUE.name })
      .waitFor();
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'iev-team-added');
    assert.equal(await approveShownTo(COLLEAGUE, claimId), true, 'their next turn shows Approve');
    assert.ok((await app.services.directory.ievMemberIds()).includes(COLLEAGUE.id), 'and they are an approver');

    await page.getByRole('button', { name: `Remove ${COLLEAGUE.name} from the IEV team` }).click();
    await page.getByText(`${COLLEAGUE.name} is no longer in the IEV team.`).waitFor();
    await page.getByText(`Ivy IEV (demo) removed ${COLLEAGUE.name}`).waitFor();
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'iev-team-removed');
    assert.equal(await approveShownTo(COLLEAGUE, claimId), false, 'removal takes effect at once');
    const pressed = await app.channel(COLLEAGUE).press(CLAIM_VERBS.approve.verb, { claimId });
    assert.doesNotMatch(JSON.stringify(pressed.card), /Approved by/);
    assert.deepEqual(await teamTrail(), ['iev-member-removed', 'iev-member-added']);
    const trail = await app.services.audit.trailOf('iev-team');
    assert.deepEqual(
      trail.map((event) => [event.actorId, event.fields]),
      [
        [IEV.id, [COLLEAGUE.id]],
        [IEV.id, [COLLEAGUE.id]],
      ],
    );
  });

  it('adds by Entra id; IEV_MEMBER_IDS only seeds the first members, so a removed one stays removed', async () => {
    const added = await app.api('/api/team/members', {
      as: IEV,
      method: 'POST',
      body: JSON.stringify({ userId: COLLEAGUE.id.toUpperCase() }),
    });
    assert.equal(added.status, 201);
    assert.equal(((await added.json()) as { displayName: string }).displayName, COLLEAGUE.name);
    // The colleague removes the configured member; a restart with the same IEV_MEMBER_IDS does not bring them back.
    await app.services.team.remove({ id: COLLEAGUE.id, displayName: COLLEAGUE.name, roles: ['iev', 'host'] }, IEV.id);
    assert.equal((await app.api('/api/team', { as: IEV })).status, 403, 'the removed member loses access at once');
    await app.restart();
    assert.deepEqual(await app.services.directory.ievMemberIds(), [COLLEAGUE.id]);
    assert.equal((await app.api('/api/team', { as: IEV })).status, 403);
  });
});
