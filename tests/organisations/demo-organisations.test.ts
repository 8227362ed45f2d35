import assert from 'node:assert/strict';
import type { OrganisationDirectory } from '../../contract/organisations.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';

describe('Community organisations: demo data', function () {
  this.timeout(120_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { SEED_DEMO_DATA: 'true' } });
  });
  after(async () => app?.stop());

  const directory = async () => {
    const { status, body } = await app.getJson<OrganisationDirectory>('/api/organisations', IEV);
    assert.equal(status, 200);
    return body.items;
  };

  it('seeds a few clearly fictional organisations once, one of them due a check', async () => {
    const items = await directory();
    assert.equal(items.length, 8);
    for (const organisation of items) {
      assert.match(organisation.name, /\(demo\)$/, 'named as demo data');
      if (organisation.email) assert.match(organisation.email, /@([a-z-]+\.)?example\.org$/, 'a reserved domain');
      if (organisation.website) assert.match(organisation.website, /^https:\/\/([a-z-]+\.)?example\.org$/);
      if (organisation.phone) assert.match(organisation.phone, /^01632 960 \d{3}$/, "Ofcom's drama numbers");
    }
    assert.deepEqual(
      items.filter((organisation) => organisation.checkDue).map((organisation) => organisation.name),
      ['Northgate Veterans\u2019 Breakfast Club (demo)'],
    );
    const groups = new Set(items.flatMap((organisation) => organisation.groups));
    for (const group of ['carers', 'veterans', 'refugees', 'learning-disability', 'young-people', 'race'])
      assert.ok(groups.has(group), `some demo organisation reaches ${group}`);

    await app.restart();
    assert.equal((await directory()).length, 8, 'a restart seeds nothing twice');
  });
});
