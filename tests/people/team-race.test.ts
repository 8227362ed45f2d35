import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV, OTHER, type TestUser } from '../helpers/users.js';

/** A demo colleague (the tab's developer identities are the demo people), made an IEV member by the test. */
const COLLEAGUE: TestUser = OTHER;

/**
 * Two IEV members removing each other at the same moment: each used to check "someone else remains" before
 * either wrote, so both could succeed and leave nobody to approve claims or keep the register.
 */
describe('The last IEV member, under concurrency (the team document is the commit point)', function () {
  this.timeout(120_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await app.api('/api/team', { as: COLLEAGUE }); // the colleague signs in once, so the directory knows them
  });
  after(() => app?.stop());

  const remove = (as: TestUser, whom: TestUser) => app.api(`/api/team/members/${whom.id}`, { as, method: 'DELETE' });

  it('when two members remove each other at once, one wins, the other is told why, and the team is never empty', async () => {
    let remaining: TestUser = IEV;
    // Several rounds, so the two requests overlap in every order the server can run them in.
    for (let round = 1; round <= 8; round += 1) {
      const other = remaining === IEV ? COLLEAGUE : IEV;
      const added = await app.api('/api/team/members', {
        as: remaining,
        method: 'POST',
        body: JSON.stringify({ userId: other.id }),
      });
      assert.equal(added.status, 201, `round ${round}: adding the second member`);
      assert.deepEqual((await app.services.directory.ievMemberIds()).length, 2);

      const [first, second] = await Promise.all([remove(IEV, COLLEAGUE), remove(COLLEAGUE, IEV)]);
      const members = await app.services.directory.ievMemberIds();
      assert.equal(members.length, 1, `round ${round}: exactly one member remains (${first.status}, ${second.status})`);
      const answers = [first, second];
      const winners = answers.filter((answer) => answer.status === 204);
      assert.equal(winners.length, 1, `round ${round}: one removal succeeds`);
      const loser = answers.find((answer) => answer.status !== 204)!;
      const problem = (await loser.json()) as { status: number; detail: string };
      if (loser.status === 409)
        assert.match(problem.detail, /is now the last member of the IEV team .* the team would be empty/);
      else assert.equal(loser.status, 403, 'or, if it came after, the removed member is no longer in the team');
      remaining = members[0] === IEV.id ? IEV : COLLEAGUE;
      const team = await app.getJson<{ members: Array<{ id: string }> }>('/api/team', remaining);
      assert.deepEqual(
        team.body.members.map((member) => member.id),
        [remaining.id],
        'the team view says the same',
      );
    }
    const trail = await app.services.audit.trailOf('iev-team');
    assert.equal(
      trail.filter((event) => event.action === 'iev-member-removed').length,
      8,
      'one removal audited a round',
    );
    assert.equal(trail.filter((event) => event.action === 'iev-member-added').length, 8);
  });
});
